import { BACKUP_FORMAT, BACKUP_VERSION, backupTableNames, type BackupFile, type BackupHeader, type BackupRow, type BackupTables } from '../backup/format';
import type { Customer, Engineer } from '../directory';
import type { Ticket } from '../ticket/schema';
import type { TimelineEvent } from '../ticket/timeline';

/**
 * The store schema a demo file declares. Its rows need nothing newer than store v3 (the first
 * with every table a backup carries), so any app from then on imports it.
 */
export const DEMO_FILE_SCHEMA_VERSION = 3;

/**
 * The header of a demo data file in the backup format (Settings > Backup imports it): no device,
 * no user, nothing synced or pending, so a fresh profile takes it wholesale and others merge it.
 */
export function demoBackupHeader(exportedAt: number): BackupHeader {
  return { format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt, schemaVersion: DEMO_FILE_SCHEMA_VERSION, clientId: null, actor: null, mutationCounter: 0, cursor: 0, ticketSequence: 0 };
}

/** The synced tables a demo file fills; every other table of the backup format is written empty. */
export type DemoTables = { customers: readonly Customer[]; engineers: readonly Engineer[]; tickets: readonly Ticket[]; timeline: readonly TimelineEvent[] };

/** A whole demo data file as one object (for small loads and tests; the CLI streams the same shape). */
export function demoBackupFile(data: DemoTables, exportedAt: number): BackupFile {
  const rows = (xs: readonly object[]) => xs as unknown as BackupRow[];
  const tables = Object.fromEntries(backupTableNames.map((t) => [t, []])) as unknown as BackupTables;
  return { ...demoBackupHeader(exportedAt), tables: { ...tables, customers: rows(data.customers), engineers: rows(data.engineers), tickets: rows(data.tickets), timeline: rows(data.timeline) } };
}
