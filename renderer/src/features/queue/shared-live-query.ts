import { useCallback, useSyncExternalStore } from 'react';
import Dexie, { liveQuery, type Subscription } from 'dexie';
import { backgroundTurn } from '../../data/foreground';

type Entry = {
  value: unknown;
  error: unknown;
  hasValue: boolean;
  listeners: Set<() => void>;
  sub: Subscription;
  release: ReturnType<typeof setTimeout> | undefined;
};

/**
 * One Dexie live query per key, shared by every component that asks for it (the sidebar's count
 * of a queue and the queue page's count are the same subscription) and kept alive for a while
 * after the last reader leaves, so going back to a queue shows its current rows at once. The
 * kept result is still a live query: Dexie re-runs it when a write touches the ranges it read.
 */
const stores = new WeakMap<object, Map<string, Entry>>();
const LINGER_MS = 60_000;
/** Released entries kept at most (the oldest released goes first). */
const MAX_IDLE = 24;
/**
 * Least time between the end of one run of a query and the next re-run. A burst of writes (a sync
 * pull, a run of SLA alerts) would otherwise re-read every live window and count once per write,
 * and the click's own read would queue behind them. A query that has been quiet re-runs at once.
 */
const MIN_RERUN_GAP_MS = 400;
/**
 * A query whose last run took longer than this (an index count over thousands of tickets: IndexedDB
 * counts entry by entry, 175 ms for the open tickets of a 100k store) re-runs only after the
 * user's reads (data/foreground.ts), and no sooner than COST_GAP_FACTOR times its cost after the
 * last run: a run of background writes re-counted every queue back to back and a ticket opened
 * meanwhile waited seconds. Cheap reads (a page of rows) still follow every write at once.
 */
const COSTLY_MS = 40;
const COST_GAP_FACTOR = 4;

function storeOf(owner: object): Map<string, Entry> {
  let s = stores.get(owner);
  if (!s) stores.set(owner, (s = new Map()));
  return s;
}

function evictIdle(store: Map<string, Entry>): void {
  const idle = [...store.entries()].filter(([, e]) => e.listeners.size === 0);
  for (const [key, e] of idle.slice(0, Math.max(0, idle.length - MAX_IDLE))) {
    if (e.release) clearTimeout(e.release);
    e.sub.unsubscribe();
    store.delete(key);
  }
}

function open<T>(store: Map<string, Entry>, key: string, querier: () => Promise<T>, reuse?: (prev: T | undefined, next: T) => T): Entry {
  const existing = store.get(key);
  if (existing) return existing;
  const entry: Entry = { value: undefined, error: undefined, hasValue: false, listeners: new Set(), sub: { unsubscribe: () => undefined, closed: false }, release: undefined };
  store.set(key, entry);
  const notify = () => entry.listeners.forEach((l) => l());
  let lastEnd = 0;
  let lastCost = 0;
  const spaced = async (): Promise<T> => {
    // Dexie.waitFor keeps the live query's observation context across the pauses.
    if (lastEnd > 0 && lastCost > COSTLY_MS) await Dexie.waitFor(backgroundTurn());
    const wait = lastEnd + Math.max(MIN_RERUN_GAP_MS, lastCost > COSTLY_MS ? lastCost * COST_GAP_FACTOR : 0) - Date.now();
    if (lastEnd > 0 && wait > 0) await Dexie.waitFor(new Promise<void>((r) => setTimeout(r, wait)));
    const started = Date.now();
    try {
      return await querier();
    } finally {
      lastEnd = Date.now();
      lastCost = lastEnd - started;
    }
  };
  entry.sub = liveQuery(spaced).subscribe({
    next: (v) => {
      entry.value = reuse ? reuse(entry.hasValue ? (entry.value as T) : undefined, v) : v;
      entry.hasValue = true;
      entry.error = undefined;
      notify();
    },
    error: (e: unknown) => {
      entry.error = e ?? new Error('live query failed');
      notify();
    },
  });
  return entry;
}

/**
 * Starts a shared live query ahead of its reader (e.g. when the pointer is over a queue's link),
 * kept for the linger time unless a reader comes.
 */
export function prefetchShared<T>(owner: object, key: string, querier: () => Promise<T>, reuse?: (prev: T | undefined, next: T) => T): void {
  const store = storeOf(owner);
  const entry = open(store, key, querier, reuse);
  if (entry.listeners.size > 0 || entry.release) return;
  entry.release = setTimeout(() => {
    if (entry.listeners.size > 0) return;
    entry.sub.unsubscribe();
    if (store.get(key) === entry) store.delete(key);
  }, LINGER_MS);
  evictIdle(store);
}

/** Current value of a shared live query, if one is running or lingering under `key`. */
export function peekShared<T>(owner: object, key: string): T | undefined {
  const e = storeOf(owner).get(key);
  return e?.hasValue ? (e.value as T) : undefined;
}

/**
 * `useLiveQuery` shared by key. `key` must name every input of `querier` (a different input is a
 * different key); null runs nothing. `reuse` may keep unchanged parts of the previous result so
 * memoised children do not re-render; `lingerMs` is how long the query stays live after its last reader left.
 */
export function useSharedLiveQuery<T>(owner: object, key: string | null, querier: () => Promise<T>, reuse?: (prev: T | undefined, next: T) => T, lingerMs = LINGER_MS): T | undefined {
  const subscribe = useCallback(
    (listener: () => void) => {
      if (key === null) return () => undefined;
      const store = storeOf(owner);
      const entry = open(store, key, querier, reuse);
      if (entry.release) clearTimeout(entry.release);
      entry.release = undefined;
      entry.listeners.add(listener);
      // A value that arrived between render and subscribe must still reach this reader.
      if (entry.hasValue) queueMicrotask(listener);
      return () => {
        entry.listeners.delete(listener);
        if (entry.listeners.size > 0) return;
        entry.release = setTimeout(() => {
          if (entry.listeners.size > 0) return;
          entry.sub.unsubscribe();
          if (store.get(key) === entry) store.delete(key);
        }, lingerMs);
        evictIdle(store);
      };
    },
    // The querier is named by the key: a new closure with the same key asks for the same thing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [owner, key, lingerMs],
  );
  const snapshot = useCallback(() => {
    if (key === null) return undefined;
    const e = storeOf(owner).get(key);
    return e?.hasValue ? e.value : undefined;
  }, [owner, key]);
  const value = useSyncExternalStore(subscribe, snapshot);
  const error = key === null ? undefined : storeOf(owner).get(key)?.error;
  if (error !== undefined) throw error;
  return value as T | undefined;
}
