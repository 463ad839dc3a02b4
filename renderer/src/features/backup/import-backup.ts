import { assessImport, mergeRow, planDevice, planOutbox, type BackupFile, type BackupRow, type ImportAssessment, type OutboxPlan, type ProfileFacts, type RowDecision } from '../../../../shared/backup';
import { syncTables, type SyncTable } from '../../../../shared/sync/protocol';
import { syncScope, type ServiceDeskDb, type SyncStateRow } from '../../data/db';
import { rebase } from '../../data/rebase';
import { effectiveSyncState } from '../../data/sync-meta';
import type { OnProgress } from './read-backup';

/** The import was refused before anything was written. */
export class ImportRefusedError extends Error {
  constructor(
    message: string,
    readonly code: 'needs_confirmation',
    readonly assessment: ImportAssessment,
  ) {
    super(message);
    this.name = 'ImportRefusedError';
  }
}

export type ImportResult = {
  mode: ImportAssessment['mode'];
  /** Rows written from the backup (added or replaced by a newer server copy). */
  rowsWritten: number;
  /** Backup rows not written because this profile's copy is as new or newer. */
  rowsKept: number;
  queued: number;
  skipped: number;
  how: OutboxPlan['how'];
  clientId: string | null;
  cursorRestored: boolean;
  /** The backup's unsynced changes left out because the user did not ask to send them. */
  droppedPending: number;
};

const WRITE_CHUNK = 2000;

type LocalFacts = ProfileFacts & { ticketSequence: number };

const num = (v: unknown): number => (typeof v === 'number' && Number.isFinite(v) ? v : 0);

/** What this profile holds that decides how a backup goes in; works inside or outside a transaction. */
export async function readProfileFacts(db: ServiceDeskDb): Promise<LocalFacts> {
  const [clientId, counter, cursor, sequence] = await db.meta.bulkGet(['clientId', 'mutationCounter', 'cursor', 'ticketSequence']);
  const outbox = (await db.outbox.toArray()).map((e) => ({ clientId: e.clientId, id: e.id, name: e.name, args: e.args }));
  return {
    clientId: typeof clientId?.value === 'string' ? clientId.value : null,
    mutationCounter: num(counter?.value),
    cursor: num(cursor?.value),
    ticketSequence: num(sequence?.value),
    outbox,
    serverRows: await db.syncState.filter((s) => s.version > 0).count(),
    shadowRows: await db.syncState.where('hasShadow').equals(1).count(),
  };
}

/** How the backup would go into this profile (for the preview; the import decides again in its transaction). */
export async function assessBackupImport(db: ServiceDeskDb, file: BackupFile): Promise<ImportAssessment> {
  return assessImport(await readProfileFacts(db), file.clientId);
}

function chunks<T>(xs: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/** Writes one table's rows and sync states by the merge rules; returns [written, kept]. */
async function importTable(db: ServiceDeskDb, table: SyncTable, file: BackupFile, wholesale: boolean, tick: (n: number) => void): Promise<[number, number]> {
  const rows = new Map(file.tables[table].map((r) => [r.id, r]));
  const states = new Map(file.tables.syncState.filter((s) => s.table === table).map((s) => [s.id, s]));
  const keys = [...new Set([...rows.keys(), ...states.keys()])];
  let written = 0;
  let kept = 0;
  for (const part of chunks(keys, WRITE_CHUNK)) {
    const [localRows, localStates] = wholesale ? [[], []] : await Promise.all([db.synced(table).bulkGet(part), db.syncState.bulkGet(part.map((id): [SyncTable, string] => [table, id]))]);
    const putRows: Record<string, unknown>[] = [];
    const delRows: string[] = [];
    const putStates: SyncStateRow[] = [];
    const delStates: Array<[SyncTable, string]> = [];
    part.forEach((id, i) => {
      // Server versions live on the row itself for big tables (inline sync facts) and in a sync
      // state row while a change is pending: compare what each side really knows of the server.
      const backupState = states.get(id);
      const backupRow = rows.get(id);
      const localRow = localRows[i] as BackupRow | undefined;
      const d: RowDecision = mergeRow(
        { row: localRow, state: effectiveSyncState(localRow, localStates[i]) },
        { row: backupRow, state: effectiveSyncState(backupRow, backupState && { ...backupState, shadow: backupState.shadow ?? null }) },
      );
      if (d.row === 'keep' && d.state === 'keep') {
        kept++;
        return;
      }
      written++;
      if (d.row === null) delRows.push(id);
      else if (d.row !== 'keep') putRows.push(d.row);
      if (d.state === null) delStates.push([table, id]);
      else if (d.state !== 'keep') putStates.push({ table, id, ...d.state });
    });
    await db.synced(table).bulkPut(putRows);
    await db.synced(table).bulkDelete(delRows);
    await db.syncState.bulkPut(putStates);
    await db.syncState.bulkDelete(delStates);
    tick(part.length);
  }
  return [written, kept];
}

/**
 * Imports a validated backup in one transaction. A fresh profile (never synced, nothing pending)
 * is replaced wholesale, cursor included; otherwise rows are merged and newer server data is never
 * overwritten. Pending changes are re-queued (see planOutbox) and replayed on the restored rows.
 * Refuses, writing nothing, to merge into another device's unsynced work unless `confirmMerge`.
 *
 * The backup's own unsynced changes are queued only with `applyPending`: they were made by
 * whoever used the other device, and once queued they are sent in the name of whoever signs in
 * here next. Without it they are left out, the restored rows fall back to the server's last
 * copy, and this device keeps its own client id (so the server never sees a gap in the old one's
 * numbering).
 */
export async function importBackup(db: ServiceDeskDb, file: BackupFile, opts: { confirmMerge?: boolean; applyPending?: boolean; onProgress?: OnProgress } = {}): Promise<ImportResult> {
  const total = syncTables.reduce((n, t) => n + file.tables[t].length, 0) + file.tables.outbox.length;
  let done = 0;
  const tick = (n: number) => {
    done += n;
    opts.onProgress?.({ phase: 'writing', done, total });
  };
  return db.transaction('rw', syncScope(db), async () => {
    const local = await readProfileFacts(db);
    const assessment = assessImport(local, file.clientId);
    if (assessment.needsConfirmation && !opts.confirmMerge) {
      throw new ImportRefusedError(`this profile has ${assessment.localPending} unsynced change(s) of its own; confirm to merge the backup into it`, 'needs_confirmation', assessment);
    }
    const wholesale = assessment.mode === 'wholesale';
    if (wholesale) {
      // Nothing here came from a server and no one's work waits to be pushed (e.g. demo data and the
      // SLA alerts recorded on it): the backup replaces it, and the device re-derives its alerts.
      for (const t of syncTables) await db.synced(t).clear();
      await db.syncState.clear();
      await db.outbox.clear();
    }
    let rowsWritten = 0;
    let rowsKept = 0;
    for (const t of syncTables) {
      const [w, k] = await importTable(db, t, file, wholesale, tick);
      rowsWritten += w;
      rowsKept += k;
    }
    const keepPending = opts.applyPending === true || file.tables.outbox.length === 0;
    const fromBackup = keepPending ? { clientId: file.clientId, mutationCounter: file.mutationCounter, outbox: file.tables.outbox } : { clientId: null, mutationCounter: 0, outbox: [] };
    const outbox = planOutbox({ clientId: local.clientId, mutationCounter: local.mutationCounter, outboxSize: local.outbox.length, replaced: wholesale }, fromBackup);
    await db.outbox.bulkAdd(outbox.entries);
    tick(file.tables.outbox.length);
    const device = planDevice(assessment.mode, local, file, outbox);
    await db.meta.put({ key: 'mutationCounter', value: device.mutationCounter });
    if (device.clientId !== undefined) await db.meta.put({ key: 'clientId', value: device.clientId });
    if (device.cursor !== undefined) await db.meta.put({ key: 'cursor', value: device.cursor });
    if (device.actor !== undefined) await db.meta.put({ key: 'actor', value: device.actor });
    if (device.ticketSequence !== undefined) await db.meta.put({ key: 'ticketSequence', value: device.ticketSequence });
    // Live rows with pending changes are rebuilt the way every sync does: server copy + outbox
    // replayed; left-out changes are undone the same way (their rows return to the server copy).
    if ((await db.outbox.count()) > 0 || !keepPending) await rebase(db);
    const droppedPending = keepPending ? 0 : file.tables.outbox.length;
    return { mode: assessment.mode, rowsWritten, rowsKept, queued: outbox.entries.length, skipped: outbox.skipped, how: outbox.how, clientId: outbox.clientId, cursorRestored: device.cursor !== undefined, droppedPending };
  });
}
