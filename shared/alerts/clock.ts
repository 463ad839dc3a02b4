/** A cancellable timer handle; opaque to services. */
export type TimerHandle = { readonly id: number };

/**
 * Time as the services see it. `now` is wall-clock epoch ms (what SLA instants are in);
 * `monotonic` never jumps and (like the OS monotonic clock) does not advance while the machine
 * sleeps, which is how a wall-clock jump or a sleep is told apart from elapsed time.
 */
export type Clock = {
  now(): number;
  monotonic(): number;
  setTimer(callback: () => void, delayMs: number): TimerHandle;
  clearTimer(handle: TimerHandle): void;
};

/** setTimeout overflows above 2^31-1 ms and then fires at once; longer waits are re-armed. */
export const MAX_TIMER_DELAY_MS = 2 ** 31 - 2;

/** Clamps a requested delay to what a platform timer can hold. */
export function clampTimerDelay(delayMs: number): number {
  if (!Number.isFinite(delayMs) || delayMs <= 0) return 0;
  return Math.min(Math.ceil(delayMs), MAX_TIMER_DELAY_MS);
}

/** The platform primitives a real clock is built from; the host passes its own (Node or browser). */
export type TimerPrimitives<H> = {
  setTimeout(callback: () => void, delayMs: number): H;
  clearTimeout(handle: H): void;
  /** Wall-clock epoch ms (Date.now). */
  now(): number;
  /** A clock that never jumps (performance.now). */
  monotonic(): number;
};

/** Builds a Clock over platform timers; delays are clamped so a long wait never fires at once. */
export function createTimerClock<H>(p: TimerPrimitives<H>): Clock {
  let nextId = 1;
  const timers = new Map<number, H>();
  return {
    now: () => p.now(),
    monotonic: () => p.monotonic(),
    setTimer(callback, delayMs) {
      const id = nextId++;
      const t = p.setTimeout(() => {
        timers.delete(id);
        callback();
      }, clampTimerDelay(delayMs));
      timers.set(id, t);
      return { id };
    },
    clearTimer(handle) {
      const t = timers.get(handle.id);
      if (t !== undefined) p.clearTimeout(t);
      timers.delete(handle.id);
    },
  };
}
