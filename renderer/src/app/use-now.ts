import { useSyncExternalStore } from 'react';

// One shared ticker for the whole UI: components that show remaining time re-render once a
// minute, on the minute, and nothing else does.
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

function subscribe(listener: () => void) {
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
  return useSyncExternalStore(subscribe, () => minute);
}
