// Weekly buckets for trends: the Monday (local date in the report's zone) a given instant falls in.
import { zoneClock } from '../sla/calendar-zone';

const DAY_MS = 86_400_000;
// Offsets change only on quarter-hour boundaries in every real zone, so one lookup per quarter
// hour is exact and keeps Intl out of the per-clock loop.
const SLOT_MS = 15 * 60_000;

function isoDate(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** A function giving the "YYYY-MM-DD" Monday of the week an instant falls in, in `timeZone`. */
export function weekKeyer(timeZone: string): (instant: number) => string {
  const zone = zoneClock(timeZone);
  const slots = new Map<number, string>();
  return (instant) => {
    const slot = Math.floor(instant / SLOT_MS);
    let key = slots.get(slot);
    if (key === undefined) {
      const day = zone.localDay(instant);
      // 1970-01-01 was a Thursday: (day + 3) % 7 is 0 on Mondays.
      key = isoDate(day - (((day + 3) % 7) + 7) % 7);
      slots.set(slot, key);
    }
    return key;
  };
}
