// Turns a validated BusinessCalendar into per-day open intervals (epoch ms), cached per calendar
// object and local date. Calendars are treated as immutable values once used.
import { BoundedCache } from './calendar-cache';
import { weekdays } from './calendar-types';
import type { BusinessCalendar, TimeRange } from './calendar-types';
import { calendarIssues, parseClockTime, parseIsoDate } from './calendar-validate';
import { zoneClock } from './calendar-zone';
import type { ZoneClock } from './calendar-zone';

/** How far the functions look for open time before declaring a calendar closed. */
export const SEARCH_LIMIT_DAYS = 400;

export type CompiledCalendar = {
  zone: ZoneClock;
  /** Open intervals of a local date as a flat [start0, end0, start1, end1, ...] list of instants. */
  openIntervals(day: number): readonly number[];
};

const compiled = new WeakMap<BusinessCalendar, CompiledCalendar>();
// Callers often rebuild equal calendar objects (parsed from storage or IPC on every call); the
// content key lets them share one compiled form and its day cache.
const byContent = new BoundedCache<string, CompiledCalendar>(256);

/** The compiled form of a calendar; throws RangeError listing every structural problem. */
export function compileCalendar(cal: BusinessCalendar): CompiledCalendar {
  const known = compiled.get(cal);
  if (known) return known;
  const key = JSON.stringify([cal.timeZone, cal.week, cal.overrides ?? null]);
  const same = byContent.get(key);
  if (same) {
    compiled.set(cal, same);
    return same;
  }
  const result = buildCompiled(cal);
  compiled.set(cal, result);
  byContent.set(key, result);
  return result;
}

function buildCompiled(cal: BusinessCalendar): CompiledCalendar {
  const issues = calendarIssues(cal);
  if (issues.length > 0) throw new RangeError(`Invalid business calendar: ${issues.join('; ')}`);
  const zone = zoneClock(cal.timeZone);
  const week = weekdays.map((d) => toMinutes(cal.week[d]));
  const overrides = new Map<number, number[]>();
  for (const [date, ranges] of Object.entries(cal.overrides ?? {})) {
    const day = parseIsoDate(date);
    if (day !== undefined) overrides.set(day, toMinutes(ranges));
  }
  const cache = new BoundedCache<number, readonly number[]>(8_192);
  return {
    zone,
    openIntervals(day) {
      const hit = cache.get(day);
      if (hit) return hit;
      // 1970-01-01 (day 0) was a Thursday; weekdays[] starts on Sunday.
      const minutes = overrides.get(day) ?? week[(((day + 4) % 7) + 7) % 7] ?? [];
      const out: number[] = [];
      for (let i = 0; i + 1 < minutes.length; i += 2) {
        const s = zone.wallToInstant(day, minutes[i] ?? 0);
        const e = zone.wallToInstant(day, minutes[i + 1] ?? 0);
        // A range that lies wholly inside a DST gap never happens on the clock: drop it.
        if (e > s) out.push(s, e);
      }
      cache.set(day, out);
      return out;
    },
  };
}

function toMinutes(ranges: readonly TimeRange[]): number[] {
  return ranges.flatMap(([s, e]) => [parseClockTime(s, false) ?? 0, parseClockTime(e, true) ?? 0]);
}
