/** What the UI shows about sync: a badge, the pending count, the last sync, progress on large pulls. */
export type SyncStatus = {
  state: 'offline' | 'idle' | 'syncing' | 'error';
  /** Local changes not yet acknowledged by the server. */
  pending: number;
  lastSyncedAt: number | undefined;
  /** Rows received so far in the running pull (large first syncs show progress). */
  progress: { pulledRows: number; pushed: number } | undefined;
  /** Open conflicts waiting for someone to resolve them. */
  conflicts: number;
  /** The server refused the session: the queue is kept; log in again. */
  needsLogin: boolean;
  /** The server no longer accepts this app's schema version: update the app; the queue is kept. */
  updateRequired: boolean;
  lastError: string | undefined;
  /** When the next automatic retry is due after a failure. */
  nextRetryAt: number | undefined;
};

export type SyncStatusStore = {
  get: () => SyncStatus;
  /** Calls fn on every change; returns the unsubscribe function (fits React's useSyncExternalStore). */
  subscribe: (fn: () => void) => () => void;
};

export const initialSyncStatus: SyncStatus = {
  state: 'idle',
  pending: 0,
  lastSyncedAt: undefined,
  progress: undefined,
  conflicts: 0,
  needsLogin: false,
  updateRequired: false,
  lastError: undefined,
  nextRetryAt: undefined,
};

/** A tiny observable holding the current status; each update makes a new object so React re-renders. */
export function createSyncStatusStore(): SyncStatusStore & { update: (patch: Partial<SyncStatus>) => void } {
  let status = initialSyncStatus;
  const listeners = new Set<() => void>();
  return {
    get: () => status,
    subscribe: (fn) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    update: (patch) => {
      status = { ...status, ...patch };
      for (const fn of listeners) fn();
    },
  };
}

/** Exponential backoff with jitter: 1 s, 2 s, 4 s ... capped, each scaled by 50-100 % so devices do not retry in lockstep. */
export function backoffDelay(attempt: number, random: () => number, baseMs = 1000, maxMs = 5 * 60_000): number {
  const raw = Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(raw * (0.5 + random() / 2));
}
