import { z } from 'zod';
import { watchEntryKey, watchEntrySchema } from '../sla/watch';
import type { WatchEntry } from '../sla/watch';
import { clampTimerDelay } from './clock';
import type { Clock, TimerHandle } from './clock';
import type { JsonStore } from './json-store';
import { MinHeap } from './min-heap';

/** What survives a restart: entries still to fire and the keys already fired (with when). */
export const slaTimerStateSchema = z.object({
  version: z.literal(1),
  entries: z.array(watchEntrySchema),
  fired: z.array(z.tuple([z.string(), z.number()])),
});
export type SlaTimerState = z.infer<typeof slaTimerStateSchema>;

export type SlaTimerDeps = {
  clock: Clock;
  store: JsonStore<SlaTimerState>;
  /** Called once per batch of entries that became due together (sorted by `at`). */
  onDue: (entries: WatchEntry[], firedAt: number) => void;
  /** How often to compare wall and monotonic time to notice clock changes and sleeps. */
  driftCheckMs?: number;
  /** A wall/monotonic disagreement above this counts as a clock jump. */
  driftToleranceMs?: number;
  /** Fired keys are forgotten after this long unless the renderer still lists them. */
  firedRetentionMs?: number;
  onError?: (message: string) => void;
};

export type SlaTimerService = {
  /** Loads the persisted list and fires what became due while the app was not running. */
  start(): Promise<void>;
  /** Replaces the watch list; fired keys are remembered so nothing fires twice. */
  setWatchList(entries: readonly WatchEntry[]): { armed: number; nextAt: number | null };
  /** Fires what is due and re-arms; called on resume, unlock and detected clock changes. */
  recheck(): void;
  stop(): void;
  /** Resolves when everything scheduled so far has been persisted. */
  flush(): Promise<void>;
  status(): { armed: number; nextAt: number | null; fired: number };
};

const DAY = 24 * 60 * 60 * 1000;

/**
 * Keeps the SLA watch list in a min-heap and arms a single timer for its earliest entry, so
 * 200k entries cost one timer. Each (ticket, clock, threshold, at) fires exactly once.
 */
export function createSlaTimerService(deps: SlaTimerDeps): SlaTimerService {
  const { clock, store } = deps;
  const driftCheckMs = deps.driftCheckMs ?? 60_000;
  const driftToleranceMs = deps.driftToleranceMs ?? 5_000;
  const retentionMs = deps.firedRetentionMs ?? 14 * DAY;
  const onError = deps.onError ?? (() => undefined);

  let pending = new Map<string, WatchEntry>();
  const fired = new Map<string, number>();
  const heap = new MinHeap<WatchEntry>((a, b) => a.at < b.at);
  let timer: TimerHandle | null = null;
  let driftTimer: TimerHandle | null = null;
  let lastWall = 0;
  let lastMono = 0;
  let listReceived = false;
  let stopped = false;
  let saving: Promise<void> = Promise.resolve();

  const rebuildHeap = (): void => {
    heap.clear();
    for (const e of pending.values()) heap.push(e);
  };

  const persist = (): void => {
    const state: SlaTimerState = { version: 1, entries: [...pending.values()], fired: [...fired.entries()] };
    saving = store.save(state).catch((e: unknown) => onError(`could not persist the SLA watch list: ${String(e)}`));
  };

  const nextEntry = (): WatchEntry | undefined => {
    // Lazy deletion: entries replaced by a newer list stay in the heap until they surface.
    for (let top = heap.peek(); top; top = heap.peek()) {
      if (pending.get(watchEntryKey(top)) === top) return top;
      heap.pop();
    }
    return undefined;
  };

  const fireDue = (): void => {
    const now = clock.now();
    const due: WatchEntry[] = [];
    for (let top = nextEntry(); top && top.at <= now; top = nextEntry()) {
      heap.pop();
      const key = watchEntryKey(top);
      pending.delete(key);
      if (fired.has(key)) continue;
      fired.set(key, now);
      due.push(top);
    }
    if (due.length === 0) return;
    persist();
    try {
      deps.onDue(due, now);
    } catch (e) {
      onError(`delivering SLA alerts failed: ${String(e)}`);
    }
  };

  const arm = (): void => {
    if (timer) clock.clearTimer(timer);
    timer = null;
    if (stopped) return;
    const next = nextEntry();
    if (!next) return;
    // One timer for the earliest entry; a clamped (too long) wait just wakes up and re-arms.
    timer = clock.setTimer(() => {
      timer = null;
      fireDue();
      arm();
    }, clampTimerDelay(next.at - clock.now()));
  };

  const recheck = (): void => {
    if (stopped) return;
    fireDue();
    arm();
  };

  const driftTick = (): void => {
    driftTimer = null;
    if (stopped) return;
    const wall = clock.now();
    const mono = clock.monotonic();
    const skew = wall - lastWall - (mono - lastMono);
    lastWall = wall;
    lastMono = mono;
    // Wall time moved differently from elapsed time: the clock was changed or the machine slept.
    if (Math.abs(skew) > driftToleranceMs) recheck();
    driftTimer = clock.setTimer(driftTick, driftCheckMs);
  };

  const forgetOldFired = (now: number): void => {
    for (const [key, at] of fired) if (now - at > retentionMs && !pending.has(key)) fired.delete(key);
  };

  const status = (): { armed: number; nextAt: number | null; fired: number } => ({
    armed: pending.size,
    nextAt: nextEntry()?.at ?? null,
    fired: fired.size,
  });

  return {
    async start() {
      stopped = false;
      const saved = await store.load();
      if (saved) {
        for (const [key, at] of saved.fired) if (!fired.has(key)) fired.set(key, at);
        // A list the renderer sent while we were loading is newer than the file.
        if (!listReceived) pending = new Map(saved.entries.filter((e) => !fired.has(watchEntryKey(e))).map((e) => [watchEntryKey(e), e]));
        rebuildHeap();
      }
      forgetOldFired(clock.now());
      lastWall = clock.now();
      lastMono = clock.monotonic();
      recheck();
      if (driftTimer) clock.clearTimer(driftTimer);
      driftTimer = clock.setTimer(driftTick, driftCheckMs);
    },
    setWatchList(entries) {
      listReceived = true;
      // What came due under the old list did happen: fire it before a newer list (computed after
      // the instant, e.g. when the page wakes from sleep before our timer does) can drop it.
      if (!stopped) fireDue();
      const next = new Map<string, WatchEntry>();
      for (const e of entries) {
        const key = watchEntryKey(e);
        if (!fired.has(key)) next.set(key, e);
      }
      pending = next;
      forgetOldFired(clock.now());
      rebuildHeap();
      persist();
      recheck();
      const s = status();
      return { armed: s.armed, nextAt: s.nextAt };
    },
    recheck,
    stop() {
      stopped = true;
      if (timer) clock.clearTimer(timer);
      if (driftTimer) clock.clearTimer(driftTimer);
      timer = null;
      driftTimer = null;
    },
    async flush() {
      let current: Promise<void>;
      do {
        current = saving;
        await current;
      } while (current !== saving);
    },
    status,
  };
}
