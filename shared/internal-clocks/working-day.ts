import type { Meter } from '../sla/clocks-meter';

const MINUTE = 60_000;
const CHUNK = 15 * MINUTE;
/** A closed stretch this long after open time ends the working day (a lunch break is shorter). */
const EVENING = 3 * 60 * MINUTE;

/**
 * When the working day that `t` falls in closes on the calendar `meter` measures: the end of its
 * last open period before a closed stretch of three hours or more (so a lunch break does not end
 * the day). Outside open hours the working day is already over, so it is `t` itself.
 */
export function endOfWorkingDay(meter: Meter, t: number): number {
  if (meter.between(t, t + MINUTE) === 0) return t;
  let lastOpenChunk = t;
  for (let a = t; a < t + 24 * 60 * MINUTE; a += CHUNK) {
    if (meter.between(a, a + CHUNK) > 0) lastOpenChunk = a;
    else if (a - lastOpenChunk >= EVENING) break;
  }
  // The exact close inside the last open chunk, to the minute.
  let lo = lastOpenChunk;
  let hi = lastOpenChunk + CHUNK;
  while (hi - lo > MINUTE) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE) * MINUTE;
    if (meter.between(mid, lastOpenChunk + CHUNK) > 0) lo = mid;
    else hi = mid;
  }
  return meter.between(lo, hi) > 0 ? hi : lo;
}
