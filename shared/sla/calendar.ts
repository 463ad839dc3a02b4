// Business-time arithmetic on BusinessCalendar. Every function walks day by
// day over cached open intervals, so cost grows with the days spanned, never with the minutes.
import { compileCalendar, SEARCH_LIMIT_DAYS } from './calendar-compile';
import type { CompiledCalendar } from './calendar-compile';
import type { BusinessCalendar } from './calendar-types';
import { DAY_MS, MINUTE_MS } from './calendar-zone';

export type { BusinessCalendar, TimeRange, Weekday } from './calendar-types';
export { weekdays } from './calendar-types';

// UTC offsets lie within -12h..+14h; starting the walk a day before the earliest possible local
// date of an instant also covers zones that fall back across midnight.
const EARLIEST_OFFSET_MS = 12 * 3_600_000;
const LATEST_OFFSET_MS = 14 * 3_600_000;
const MAX_DATE_MS = 8.64e15;

function firstDayToScan(instant: number): number {
  return Math.floor((instant - EARLIEST_OFFSET_MS) / DAY_MS) - 1;
}

function instantOf(value: Date, what: string): number {
  const t = value instanceof Date ? value.getTime() : Number.NaN;
  if (!Number.isFinite(t)) throw new RangeError(`${what} must be a valid Date`);
  return t;
}

function noOpenTime(cal: CompiledCalendar, from: number): RangeError {
  return new RangeError(
    `Business calendar (${cal.zone.name}) has no open time within ${SEARCH_LIMIT_DAYS} days after ${new Date(from).toISOString()}`,
  );
}

/** The earliest instant t >= start with businessMinutesBetween(start, t) === minutes (to the ms). */
export function addBusinessMinutes(start: Date, minutes: number, cal: BusinessCalendar): Date {
  const from = instantOf(start, 'start');
  if (typeof minutes !== 'number' || !Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`minutes must be a finite number >= 0, got ${String(minutes)}`);
  }
  const cc = compileCalendar(cal);
  // Fractions of a minute are honoured to the millisecond.
  let remaining = Math.round(minutes * MINUTE_MS);
  if (remaining === 0) return new Date(from);
  // Business time never runs faster than elapsed time, so this bound is a cheap early rejection.
  if (from + remaining > MAX_DATE_MS) throw new RangeError(`adding ${minutes} business minutes goes beyond the last representable date`);
  let cursor = from;
  let closedDays = 0;
  for (let day = firstDayToScan(from); ; day++) {
    const iv = cc.openIntervals(day);
    let sawOpen = false;
    for (let i = 0; i + 1 < iv.length; i += 2) {
      const end = iv[i + 1] ?? 0;
      if (end <= cursor) continue;
      sawOpen = true;
      const begin = Math.max(iv[i] ?? 0, cursor);
      const available = end - begin;
      if (remaining <= available) return new Date(begin + remaining);
      remaining -= available;
      cursor = end;
    }
    closedDays = sawOpen ? 0 : closedDays + 1;
    if (closedDays > SEARCH_LIMIT_DAYS + 3) throw noOpenTime(cc, cursor);
  }
}

/** Open time of the calendar inside [from, to) in minutes (fractional), 0 when to <= from. */
export function businessMinutesBetween(from: Date, to: Date, cal: BusinessCalendar): number {
  const a = instantOf(from, 'from');
  const b = instantOf(to, 'to');
  const cc = compileCalendar(cal);
  if (b <= a) return 0;
  let openMs = 0;
  // No local date can be more than 14h ahead of UTC; the day after that bound starts after b.
  const lastDay = Math.floor((b + LATEST_OFFSET_MS) / DAY_MS) + 1;
  for (let day = firstDayToScan(a); day <= lastDay; day++) {
    const iv = cc.openIntervals(day);
    for (let i = 0; i + 1 < iv.length; i += 2) {
      const s = Math.max(iv[i] ?? 0, a);
      const e = Math.min(iv[i + 1] ?? 0, b);
      if (e > s) openMs += e - s;
    }
  }
  if (openMs === 0) assertOpenSomewhere(cc, a);
  return openMs / MINUTE_MS;
}

/** End of the last open range of the n-th local date after start's local date that has open time. */
export function addBusinessDays(start: Date, days: number, cal: BusinessCalendar): Date {
  const from = instantOf(start, 'start');
  if (typeof days !== 'number' || !Number.isInteger(days) || days < 1) {
    throw new RangeError(`days must be a whole number >= 1, got ${String(days)}`);
  }
  const cc = compileCalendar(cal);
  let left = days;
  let closedDays = 0;
  for (let day = cc.zone.localDay(from) + 1; ; day++) {
    const iv = cc.openIntervals(day);
    if (iv.length === 0) {
      if (++closedDays > SEARCH_LIMIT_DAYS) throw noOpenTime(cc, from);
      continue;
    }
    closedDays = 0;
    if (--left === 0) return new Date(iv[iv.length - 1] ?? 0);
  }
}

function assertOpenSomewhere(cc: CompiledCalendar, from: number): void {
  const first = firstDayToScan(from);
  for (let day = first; day <= first + SEARCH_LIMIT_DAYS + 3; day++) {
    if (cc.openIntervals(day).length > 0) return;
  }
  throw noOpenTime(cc, from);
}
