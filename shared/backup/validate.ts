import type { z } from 'zod';
import { backupHeaderSchema, backupRowSchemas, backupTableNames, optionalBackupTables, type BackupFile, type BackupHeader, type BackupTableName, type BackupTables } from './format';

/** One reason a backup file cannot be imported; `table`/`index`/`id` say where. */
export type BackupIssue = { table?: string; index?: number; id?: string; message: string };

/** Stops collecting after this many issues: a broken file should not produce a million lines. */
export const MAX_BACKUP_ISSUES = 50;

/** `truncated`: collecting stopped at MAX_BACKUP_ISSUES, there may be more. */
export type BackupValidation = { ok: true; file: BackupFile } | { ok: false; issues: BackupIssue[]; truncated: boolean };

/** The header (format, version, device facts) and the raw tables, or why the file is not a backup. */
export type HeaderCheck = { ok: true; header: BackupHeader; tables: Record<BackupTableName, unknown[]> } | { ok: false; issues: BackupIssue[] };

function zodMessage(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.length ? i.path.join('.') : 'value'}: ${i.message}`).join('; ');
}

/** Checks everything but the rows: format, version, device facts, and which tables are present. */
export function checkBackupHeader(raw: unknown, storeSchemaVersion: number): HeaderCheck {
  const parsed = backupHeaderSchema.safeParse(raw);
  if (!parsed.success) {
    // The format field first: naming every other missing field of a random JSON file helps nobody.
    const formatIssue = parsed.error.issues.find((i) => i.path[0] === 'format' || i.path[0] === 'version');
    return { ok: false, issues: formatIssue ? [{ message: formatIssue.message }] : parsed.error.issues.map((i) => ({ message: `${i.path.join('.') || 'file'}: ${i.message}` })) };
  }
  const { tables: rawTables, ...header } = parsed.data;
  const issues: BackupIssue[] = [];
  if (header.schemaVersion > storeSchemaVersion) {
    issues.push({ message: `the file comes from a newer app (store schema ${header.schemaVersion}, this app has ${storeSchemaVersion}); update the app first` });
  }
  const known = new Set<string>(backupTableNames);
  for (const name of Object.keys(rawTables)) if (!known.has(name)) issues.push({ table: name, message: `unknown table "${name}"` });
  const tables = {} as Record<BackupTableName, unknown[]>;
  for (const name of backupTableNames) {
    const rows = rawTables[name];
    if (rows) tables[name] = rows;
    else if (optionalBackupTables.has(name)) tables[name] = [];
    else issues.push({ table: name, message: `table "${name}" is missing` });
  }
  return issues.length ? { ok: false, issues } : { ok: true, header, tables };
}

function rowId(row: unknown): string | undefined {
  if (typeof row !== 'object' || row === null) return undefined;
  const id = (row as Record<string, unknown>)['id'];
  return typeof id === 'string' || typeof id === 'number' ? String(id) : undefined;
}

/** Validates rows [from, to) of one table against its schema and appends the issues found. */
export function checkBackupRows(table: BackupTableName, rows: readonly unknown[], from: number, to: number, issues: BackupIssue[]): void {
  const schema = backupRowSchemas[table];
  for (let i = from; i < Math.min(to, rows.length); i++) {
    if (issues.length >= MAX_BACKUP_ISSUES) return;
    const r = schema.safeParse(rows[i]);
    if (!r.success) issues.push({ table, index: i, ...(rowId(rows[i]) !== undefined ? { id: rowId(rows[i]) } : {}), message: zodMessage(r.error) });
  }
}

/** Rules across rows (unique keys, counters) once every row passed its schema. */
export function checkBackupConsistency(header: BackupHeader, tables: BackupTables): BackupIssue[] {
  const issues: BackupIssue[] = [];
  for (const name of backupTableNames) {
    if (name === 'syncState' || name === 'outbox') continue;
    const seen = new Set<string>();
    tables[name].forEach((row, index) => {
      if (seen.has(row.id)) issues.push({ table: name, index, id: row.id, message: 'the same id appears twice' });
      seen.add(row.id);
    });
  }
  const states = new Set<string>();
  tables.syncState.forEach((s, index) => {
    const key = `${s.table}/${s.id}`;
    if (states.has(key)) issues.push({ table: 'syncState', index, id: key, message: 'the same row has two sync states' });
    states.add(key);
  });
  const ids = new Set<number>();
  tables.outbox.forEach((e, index) => {
    if (ids.has(e.id)) issues.push({ table: 'outbox', index, id: String(e.id), message: 'the same pending change id appears twice' });
    ids.add(e.id);
  });
  if (tables.outbox.length > 0 && header.clientId === null) issues.push({ table: 'outbox', message: 'pending changes without the device client id they were made under' });
  return issues.slice(0, MAX_BACKUP_ISSUES);
}

/** Validates a whole parsed backup file in one go (the UI runs the same steps in chunks, with progress). */
export function validateBackup(raw: unknown, storeSchemaVersion: number): BackupValidation {
  const head = checkBackupHeader(raw, storeSchemaVersion);
  if (!head.ok) return { ok: false, issues: head.issues, truncated: false };
  const issues: BackupIssue[] = [];
  for (const name of backupTableNames) checkBackupRows(name, head.tables[name], 0, head.tables[name].length, issues);
  return finishBackupValidation(head.header, head.tables, issues);
}

/** The last step: the typed file when no row failed, else the issues. */
export function finishBackupValidation(header: BackupHeader, tables: Record<BackupTableName, unknown[]>, issues: BackupIssue[]): BackupValidation {
  if (issues.length) return { ok: false, issues, truncated: issues.length >= MAX_BACKUP_ISSUES };
  // Every row passed its schema above; the original objects are kept so no field is dropped.
  const typed = tables as unknown as BackupTables;
  const cross = checkBackupConsistency(header, typed);
  if (cross.length) return { ok: false, issues: cross, truncated: cross.length >= MAX_BACKUP_ISSUES };
  return { ok: true, file: { ...header, format: 'service-desk-backup', version: 1, tables: typed } };
}
