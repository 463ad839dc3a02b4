import type { BackupOutboxEntry, BackupRow, BackupSyncState } from './format';

/**
 * What the importing profile holds. `serverRows`: rows it has from a server (sync version > 0);
 * `shadowRows`: rows with local changes not yet pushed.
 */
export type ProfileFacts = {
  clientId: string | null;
  mutationCounter: number;
  cursor: number;
  outbox: ReadonlyArray<{ clientId: string; id: number; name: string; args: unknown }>;
  serverRows: number;
  shadowRows: number;
};

/**
 * Records the app makes by itself (SLA alerts, automatic escalations) rather than a person's
 * work. Their ids come from what they are about, so any device that watches the same tickets
 * records the same ones again; a profile holding only these has no unsynced work of its own.
 */
export function isAutomaticEntry(e: { name: string; args: unknown }): boolean {
  if (e.name === 'ticket.recordSlaAlert@1') return true;
  // The on-site visit queued by itself when a ticket's online window expires (its id comes from the ticket).
  if (e.name === 'visit.create@1') {
    const visit = typeof e.args === 'object' && e.args !== null ? (e.args as Record<string, unknown>)['visit'] : undefined;
    const v = typeof visit === 'object' && visit !== null ? (visit as Record<string, unknown>) : {};
    return v['status'] === 'unscheduled' && v['reason'] === 'online_window_expired';
  }
  // Automatic escalations, and the priority raise an escalation rule makes with them.
  const automatic = typeof e.args === 'object' && e.args !== null && (e.args as Record<string, unknown>)['automatic'] === true;
  return (e.name === 'ticket.recordEscalation@1' || e.name === 'ticket.setPriority@1') && automatic;
}

/**
 * wholesale: the profile is fresh (never synced, no one's unsynced work), so its synced tables are
 * replaced by the backup's and the cursor is restored. merge: row by row, newer server data wins.
 */
export type ImportMode = 'wholesale' | 'merge';

export type ImportAssessment = {
  mode: ImportMode;
  /** The profile has unsynced work of another device: importing merges two devices' work, so the user must say so. */
  needsConfirmation: boolean;
  /** Pending changes people made on this profile (automatic records not counted). */
  localPending: number;
  localUnsyncedRows: number;
};

/**
 * Decides how a backup goes into this profile, and whether the user has to confirm a merge. A
 * new laptop's first start (demo data, SLA alerts recorded on it) still counts as fresh.
 */
export function assessImport(local: ProfileFacts, backupClientId: string | null): ImportAssessment {
  const userPending = local.outbox.filter((e) => !isAutomaticEntry(e)).length;
  const fresh = userPending === 0 && local.serverRows === 0 && local.cursor === 0;
  // Re-importing a device's own backup is not a merge of two devices: its duplicates are skipped.
  const sameDevice = local.clientId !== null && local.clientId === backupClientId;
  return { mode: fresh ? 'wholesale' : 'merge', needsConfirmation: userPending > 0 && !sameDevice, localPending: userPending, localUnsyncedRows: local.shadowRows };
}

/** The sync state of a row, without the table/id key. */
export type RowState = Omit<BackupSyncState, 'table' | 'id'>;

/** One side's copy of a row: the live row (undefined = absent) and its sync state (undefined = never synced). */
export type RowSide = { row: BackupRow | undefined; state: RowState | undefined };

/** What to write for one row: 'keep' leaves the local value; null deletes. */
export type RowDecision = { row: BackupRow | null | 'keep'; state: RowState | null | 'keep' };

export const keepRow: RowDecision = { row: 'keep', state: 'keep' };

/** The version of the server's copy a side knows (0: never seen from a server). */
export function serverVersion(side: RowSide): number {
  return side.state?.version ?? 0;
}

/** The server's copy of the row as this side knows it (null: the server has no such row). */
export function serverCopy(side: RowSide): Record<string, unknown> | null {
  if (side.state?.hasShadow === 1) return side.state.shadow ?? null;
  return side.row ?? null;
}

function pending(side: RowSide): boolean {
  return side.state?.hasShadow === 1;
}

/**
 * Merges one row. The newer server copy wins (local on a tie: never replace newer or equal
 * server data); if either side has pending changes the row keeps that server copy as its shadow,
 * so replaying the outbox on it (rebase) rebuilds the live row from the right base.
 */
export function mergeRow(local: RowSide, backup: RowSide): RowDecision {
  const backupExists = backup.row !== undefined || backup.state !== undefined;
  if (!backupExists) return keepRow;
  const localExists = local.row !== undefined || local.state !== undefined;
  if (!localExists) return { row: backup.row ?? null, state: backup.state ?? null };
  const backupNewer = serverVersion(backup) > serverVersion(local);
  if (!backupNewer) {
    if (!pending(backup) || pending(local)) return keepRow;
    // Backup work on a row this profile knows at a newer (or equal) server version: that copy is the base.
    return { row: 'keep', state: { version: serverVersion(local), fv: local.state?.fv ?? {}, hasShadow: 1, shadow: serverCopy(local) } };
  }
  const state = backup.state as RowState;
  if (pending(local) || pending(backup)) {
    return { row: pending(local) ? 'keep' : (backup.row ?? null), state: { version: state.version, fv: state.fv, hasShadow: 1, shadow: serverCopy(backup) } };
  }
  return { row: backup.row ?? null, state: { version: state.version, fv: state.fv, hasShadow: 0 } };
}

/** The row and state a side ends with after a decision (for callers that need the result, and tests). */
export function applyRowDecision(local: RowSide, d: RowDecision): RowSide {
  return {
    row: d.row === 'keep' ? local.row : (d.row ?? undefined),
    state: d.state === 'keep' ? local.state : (d.state ?? undefined),
  };
}

export type OutboxPlan = {
  /** The client id this profile pushes under after the import (null: none yet, nothing to push). */
  clientId: string | null;
  mutationCounter: number;
  /** Entries to add to this profile's outbox, in push order, under `clientId`. */
  entries: BackupOutboxEntry[];
  /** adopt: this profile continues the backed-up device; same: it is that device; renumber: appended after this profile's own. */
  how: 'adopt' | 'same' | 'renumber';
  /** Entries this profile already has or already pushed (same device only). */
  skipped: number;
};

/**
 * Re-queues the backup's pending changes. A profile without a client id (or one that never queued
 * a change, or one being replaced wholesale, whose own queue is dropped) takes over the backed-up
 * device's id and counter, so the server sees that device continue: ids it applied are skipped,
 * the rest applied. Otherwise the entries are appended under this profile's id after its last
 * one, in their original order.
 */
export function planOutbox(
  local: { clientId: string | null; mutationCounter: number; outboxSize: number; replaced?: boolean },
  backup: { clientId: string | null; mutationCounter: number; outbox: readonly BackupOutboxEntry[] },
): OutboxPlan {
  const sorted = [...backup.outbox].sort((a, b) => a.id - b.id);
  const maxId = sorted.reduce((m, e) => Math.max(m, e.id), 0);
  const unused = local.clientId === null || (local.mutationCounter === 0 && local.outboxSize === 0) || local.replaced === true;
  if (unused && backup.clientId !== null) {
    const clientId = backup.clientId;
    return { clientId, mutationCounter: Math.max(backup.mutationCounter, maxId), entries: sorted.map((e) => ({ ...e, clientId })), how: 'adopt', skipped: 0 };
  }
  if (local.clientId !== null && local.clientId === backup.clientId) {
    const fresh = sorted.filter((e) => e.id > local.mutationCounter);
    return { clientId: local.clientId, mutationCounter: Math.max(local.mutationCounter, maxId), entries: fresh, how: 'same', skipped: sorted.length - fresh.length };
  }
  if (local.clientId === null) return { clientId: null, mutationCounter: local.mutationCounter, entries: [], how: 'adopt', skipped: 0 };
  const clientId = local.clientId;
  const entries = sorted.map((e, i) => ({ ...e, clientId, id: local.mutationCounter + 1 + i }));
  return { clientId, mutationCounter: local.mutationCounter + entries.length, entries, how: 'renumber', skipped: 0 };
}
