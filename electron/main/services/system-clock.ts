import { createTimerClock } from '../../../shared/alerts';
import type { Clock } from '../../../shared/alerts';

/** The production clock of the main process: Date.now, performance.now and Node timers. */
export function createSystemClock(): Clock {
  return createTimerClock({
    setTimeout: (callback, delayMs) => setTimeout(callback, delayMs),
    clearTimeout: (handle) => clearTimeout(handle),
    now: () => Date.now(),
    monotonic: () => performance.now(),
  });
}
