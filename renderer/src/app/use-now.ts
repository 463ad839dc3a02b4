import { useSyncExternalStore } from 'react';

// One shared ticker for the whole app: components that show remaining time re-render once a
// minute, on the minute, and the background services run on the same tick.
let minute = Math.floor(Date.now() / 60_000) * 60_000;
const listeners = new Set<() => void>();
let timer: ReturnType<typeof setTimeout> | undefined;

function schedule() {
  timer = setTimeout(() => {
    minute = Math.floor(Date.now() / 60_000) * 60_000;
    for (const l of listeners) l();
    schedule();
  }, 60_000 - (Date.now() % 60_000) + 5);
}

/** Calls `listener` on every minute boundary until the returned function is called. */
export function subscribeMinute(listener: () => void): () => void {
  listeners.add(listener);
  if (!timer) schedule();
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer) {
      clearTimeout(timer);
      timer = undefined;
    }
  };
}

/** The current time, rounded down to the minute, updating each minute. */
export function useMinute(): number {
  return useSyncExternalStore(subscribeMinute, currentMinute);
}

/** The current time rounded down to the minute, as of the last tick (outside React). */
export function currentMinute(): number {
  return minute;
}
