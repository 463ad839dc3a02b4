import { MAX_TIMER_DELAY_MS } from './clock';
import type { Clock, TimerHandle } from './clock';

type PendingTimer = { id: number; dueMono: number; callback: () => void };

/** A deterministic clock for tests: time moves only when the test says so. */
export type FakeClock = Clock & {
  /** Normal passage of time: both clocks advance and due timers fire in order. */
  advance(ms: number): void;
  /** The machine sleeps: wall time advances, monotonic time and timers stand still. */
  sleep(ms: number): void;
  /** The user or NTP changes the wall clock (positive or negative); nothing else moves. */
  jumpWall(ms: number): void;
  pendingTimers(): number;
  /** Delays requested so far, to check clamping. */
  readonly requestedDelays: number[];
};

/** Creates a fake clock starting at the given wall instant. */
export function createFakeClock(startWall: number): FakeClock {
  let wall = startWall;
  let mono = 0;
  let nextId = 1;
  let timers: PendingTimer[] = [];
  const requestedDelays: number[] = [];

  const fireDue = (): void => {
    for (;;) {
      const due = timers.filter((t) => t.dueMono <= mono).sort((a, b) => a.dueMono - b.dueMono || a.id - b.id)[0];
      if (!due) return;
      timers = timers.filter((t) => t !== due);
      due.callback();
    }
  };

  return {
    now: () => wall,
    monotonic: () => mono,
    setTimer(callback, delayMs): TimerHandle {
      requestedDelays.push(delayMs);
      // Mirror Node: an overflowing delay fires immediately, so callers must clamp themselves.
      const effective = delayMs > MAX_TIMER_DELAY_MS + 1 ? 1 : Math.max(0, delayMs);
      const id = nextId++;
      timers.push({ id, dueMono: mono + effective, callback });
      return { id };
    },
    clearTimer(handle) {
      timers = timers.filter((t) => t.id !== handle.id);
    },
    advance(ms) {
      const target = mono + ms;
      for (;;) {
        const next = timers.filter((t) => t.dueMono <= target).sort((a, b) => a.dueMono - b.dueMono || a.id - b.id)[0];
        if (!next) break;
        wall += next.dueMono - mono;
        mono = next.dueMono;
        fireDue();
      }
      wall += target - mono;
      mono = target;
    },
    sleep(ms) {
      wall += ms;
    },
    jumpWall(ms) {
      wall += ms;
    },
    pendingTimers: () => timers.length,
    requestedDelays,
  };
}
