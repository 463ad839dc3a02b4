import { BACKUP_FORMAT, BACKUP_VERSION, backupTableNames, type BackupActor, type BackupHeader, type BackupSyncServer, type BackupTableName } from '../../../../shared/backup';
import type { ServiceDeskDb, SyncStateRow } from '../../data/db';
import { stripDerived } from './derived-keys';

export type ExportedBackup = { blob: Blob; fileName: string; exportedAt: number; counts: Record<BackupTableName, number>; pending: number };

/** Rows serialized per Blob part: a 100k-ticket store never becomes one giant string. */
const ROWS_PER_PART = 500;

const roles: ReadonlySet<string> = new Set(['agent', 'dispatcher', 'field_engineer', 'admin']);

function asActor(v: unknown): BackupActor | null {
  if (typeof v !== 'object' || v === null) return null;
  const a = v as Record<string, unknown>;
  return typeof a['userId'] === 'string' && typeof a['role'] === 'string' && roles.has(a['role']) && typeof a['region'] === 'string' ? (a as BackupActor) : null;
}

function asServer(v: unknown): BackupSyncServer | undefined {
  if (typeof v !== 'object' || v === null) return undefined;
  const s = v as Record<string, unknown>;
  // Only where and as whom; the token is kept by the host and never in the store.
  return typeof s['baseUrl'] === 'string' && typeof s['tenant'] === 'string' && typeof s['email'] === 'string' ? { baseUrl: s['baseUrl'], tenant: s['tenant'], email: s['email'] } : undefined;
}

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

function exportRow(table: BackupTableName, row: object): object {
  if (table !== 'syncState') return stripDerived(table, row);
  const s = row as SyncStateRow;
  return s.shadow ? { ...s, shadow: stripDerived(s.table, s.shadow) } : s;
}

/** e.g. service-desk-backup-2026-01-05T08-00-00Z.json */
export function backupFileName(exportedAt: number): string {
  return `service-desk-backup-${new Date(exportedAt).toISOString().replace(/\.\d+Z$/, 'Z').replace(/:/g, '-')}.json`;
}

/**
 * Writes the whole local store (every synced table, sync states, the pending outbox and the
 * device facts needed to continue) to one JSON Blob, read in a single read transaction so the
 * file is one consistent snapshot. Derived queue keys are left out; the auth token is never in the store.
 */
export async function exportBackup(db: ServiceDeskDb, opts: { now?: number } = {}): Promise<ExportedBackup> {
  const exportedAt = opts.now ?? Date.now();
  const parts: string[] = [];
  const counts = {} as Record<BackupTableName, number>;
  const tables = backupTableNames.map((t) => db.table(t));
  await db.transaction('r', [...tables, db.meta], async () => {
    const meta = new Map((await db.meta.bulkGet(['clientId', 'actor', 'mutationCounter', 'cursor', 'ticketSequence', 'syncServer'])).map((m) => [m?.key, m?.value]));
    const clientId = meta.get('clientId');
    const syncServer = asServer(meta.get('syncServer'));
    const header: BackupHeader = {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt,
      schemaVersion: db.verno,
      clientId: typeof clientId === 'string' ? clientId : null,
      actor: asActor(meta.get('actor')),
      mutationCounter: num(meta.get('mutationCounter')),
      cursor: num(meta.get('cursor')),
      ticketSequence: num(meta.get('ticketSequence')),
      ...(syncServer ? { syncServer } : {}),
    };
    parts.push(`${JSON.stringify(header).slice(0, -1)},"tables":{`);
    for (const [i, name] of backupTableNames.entries()) {
      parts.push(`${i ? ',' : ''}${JSON.stringify(name)}:[`);
      let batch: string[] = [];
      let n = 0;
      // Primary-key order (the outbox: push order), streamed row by row through the cursor.
      await db.table(name).each((row: object) => {
        batch.push(JSON.stringify(exportRow(name, row)));
        n++;
        if (batch.length === ROWS_PER_PART) {
          parts.push((n > ROWS_PER_PART ? ',' : '') + batch.join(','));
          batch = [];
        }
      });
      if (batch.length) parts.push((n > batch.length ? ',' : '') + batch.join(','));
      parts.push(']');
      counts[name] = n;
    }
    parts.push('}}');
  });
  return { blob: new Blob(parts, { type: 'application/json' }), fileName: backupFileName(exportedAt), exportedAt, counts, pending: counts.outbox };
}
