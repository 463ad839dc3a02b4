import { z } from 'zod';
import { assetSchema, contractSchema, productSchema, siteSchema } from '../contract/schema';
import { customerSchema, engineerSchema } from '../directory/schema';
import { escalationMatrixSchema } from '../escalation/schema';
import { policySchema } from '../policy/schema';
import { calendarPresetSchema } from '../sla/calendar-schema';
import { conflictRecordSchema } from '../sync/conflict';
import { ticketAttachmentsSchema } from '../attachments/ticket-attachments';
import { baseVersionsSchema, clientIdSchema, fieldVersionsSchema, mutationNameSchema, syncTableSchema, syncTables, type FieldVersions, type SyncTable } from '../sync/protocol';
import { ticketSchema } from '../ticket/schema';
import { timelineEventSchema } from '../ticket/timeline';
import { savedViewSchema } from '../views/schema';

export const BACKUP_FORMAT = 'service-desk-backup';
export const BACKUP_VERSION = 1;

/** A stored row of any synced table; rows are kept exactly as stored (validation never strips fields). */
export type BackupRow = { id: string } & Record<string, unknown>;

/** One pending local change, as in the outbox (`id` counts up per client). */
export type BackupOutboxEntry = { clientId: string; id: number; name: string; args: unknown; baseVersions: Record<string, Record<string, number>>; clientTime: number };

/** The server's version of a synced row, and its server copy while local changes are pending. */
export type BackupSyncState = { table: SyncTable; id: string; version: number; fv: FieldVersions; hasShadow: 0 | 1; shadow?: Record<string, unknown> | null };

export type BackupActor = { userId: string; role: 'agent' | 'dispatcher' | 'field_engineer' | 'admin'; region: string };
export type BackupSyncServer = { baseUrl: string; tenant: string; email: string };

export type BackupTables = Record<SyncTable, BackupRow[]> & { outbox: BackupOutboxEntry[]; syncState: BackupSyncState[] };
export type BackupTableName = keyof BackupTables;

/** The whole backup file: device facts needed to continue, and every table of the local store. */
export type BackupFile = {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  exportedAt: number;
  /** The local store's schema version (Dexie verno) at export. */
  schemaVersion: number;
  clientId: string | null;
  actor: BackupActor | null;
  mutationCounter: number;
  cursor: number;
  ticketSequence: number;
  syncServer?: BackupSyncServer;
  tables: BackupTables;
};

/** Every table a backup carries, in file order. */
export const backupTableNames: readonly BackupTableName[] = [...syncTables, 'syncState', 'outbox'];

/** Tables a file written by an older store may lack (they were added later); missing means empty. */
export const optionalBackupTables: ReadonlySet<BackupTableName> = new Set<BackupTableName>(['warehouse', 'savedViews', 'attachments', 'products', 'sites', 'assets', 'contracts']);

const looseRowSchema = z.looseObject({ id: z.string().min(1) });

const outboxEntrySchema = z.object({
  clientId: clientIdSchema,
  id: z.number().int().positive(),
  name: mutationNameSchema,
  args: z.unknown(),
  baseVersions: baseVersionsSchema,
  clientTime: z.number().int().nonnegative(),
});

const syncStateSchema = z
  .object({
    table: syncTableSchema,
    id: z.string().min(1),
    version: z.number().int().nonnegative(),
    fv: fieldVersionsSchema,
    hasShadow: z.union([z.literal(0), z.literal(1)]),
    shadow: z.record(z.string(), z.unknown()).nullable().optional(),
  })
  .refine((s) => s.hasShadow === 0 || s.shadow !== undefined, { message: 'a row with pending changes must carry its server copy (shadow, or null)', path: ['shadow'] });

/** The schema each table's rows must pass; the domain schemas for the tables the UI relies on. */
export const backupRowSchemas: Record<BackupTableName, z.ZodType> = {
  tickets: ticketSchema,
  timeline: timelineEventSchema,
  conflicts: conflictRecordSchema,
  visits: looseRowSchema,
  customers: customerSchema,
  engineers: engineerSchema,
  policies: policySchema,
  calendars: calendarPresetSchema,
  escalationMatrices: escalationMatrixSchema,
  warehouse: looseRowSchema,
  savedViews: savedViewSchema,
  attachments: ticketAttachmentsSchema,
  products: productSchema,
  sites: siteSchema,
  assets: assetSchema,
  contracts: contractSchema,
  syncState: syncStateSchema,
  outbox: outboxEntrySchema,
};

const actorSchema = z.object({ userId: z.string().min(1), role: z.enum(['agent', 'dispatcher', 'field_engineer', 'admin']), region: z.string() });
const count = z.number().int().nonnegative();

/** Everything but the tables; `tables` is checked row by row so errors can name the row. */
export const backupHeaderSchema = z.object({
  format: z.literal(BACKUP_FORMAT, { error: 'this is not a Service Desk backup file' }),
  version: z.literal(BACKUP_VERSION, { error: `only backup format version ${BACKUP_VERSION} can be read; this file was written by another app version` }),
  exportedAt: z.number().int().nonnegative(),
  schemaVersion: z.number().int().positive(),
  clientId: clientIdSchema.nullable(),
  actor: actorSchema.nullable(),
  mutationCounter: count,
  cursor: count,
  ticketSequence: count.default(0),
  syncServer: z.object({ baseUrl: z.string(), tenant: z.string(), email: z.string() }).optional(),
  tables: z.record(z.string(), z.array(z.unknown(), { error: 'each table must be a list of rows' })),
});
export type BackupHeader = Omit<z.infer<typeof backupHeaderSchema>, 'tables'>;
