import type { BackupActor, BackupFile, BackupTableName } from './format';
import { backupTableNames } from './format';
import type { ImportMode, OutboxPlan } from './merge';

/** Device-local facts (meta) an import writes; undefined fields stay as they are. */
export type DevicePlan = { clientId?: string; mutationCounter: number; cursor?: number; actor?: BackupActor; ticketSequence?: number };

/**
 * The device facts after an import. The cursor comes back only with a wholesale restore: merged
 * rows may be older than what this profile's own cursor already covers. The ticket sequence
 * follows the client id, so a device that continues another never mints one of its ids twice.
 */
export function planDevice(mode: ImportMode, local: { clientId: string | null; ticketSequence: number }, file: Pick<BackupFile, 'cursor' | 'actor' | 'ticketSequence'>, outbox: OutboxPlan): DevicePlan {
  const plan: DevicePlan = { mutationCounter: outbox.mutationCounter };
  if (outbox.clientId !== null && outbox.clientId !== local.clientId) plan.clientId = outbox.clientId;
  if (outbox.how !== 'renumber' && outbox.clientId !== null) plan.ticketSequence = Math.max(local.ticketSequence, file.ticketSequence);
  if (mode === 'wholesale') {
    plan.cursor = file.cursor;
    if (file.actor) plan.actor = file.actor;
  }
  return plan;
}

/** What a backup holds, for the preview: rows per table, pending changes, who and when. */
export type BackupSummary = {
  exportedAt: number;
  actor: BackupActor | null;
  clientId: string | null;
  counts: Record<BackupTableName, number>;
  pending: number;
  unsyncedRows: number;
};

export function summarizeBackup(file: BackupFile): BackupSummary {
  const counts = Object.fromEntries(backupTableNames.map((t) => [t, file.tables[t].length])) as Record<BackupTableName, number>;
  return {
    exportedAt: file.exportedAt,
    actor: file.actor,
    clientId: file.clientId,
    counts,
    pending: file.tables.outbox.length,
    unsyncedRows: file.tables.syncState.filter((s) => s.hasShadow === 1).length,
  };
}
