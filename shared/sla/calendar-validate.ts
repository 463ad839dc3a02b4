// Structural checks shared by the zod schema (forms, presets, IPC) and the runtime compiler, so a
// calendar that passes the schema never throws later and both report the same messages.
import { weekdays } from './calendar-types';
import type { BusinessCalendar, TimeRange } from './calendar-types';

const hhmm = /^([01]\d|2[0-3]):([0-5]\d)$/;
const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Minutes after local midnight for "HH:MM" (and "24:00" when allowed), or undefined if malformed. */
export function parseClockTime(value: string, allowMidnightEnd: boolean): number | undefined {
  if (allowMidnightEnd && value === '24:00') return 1440;
  const m = hhmm.exec(value);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

/** Days since 1970-01-01 of a "YYYY-MM-DD" calendar date, or undefined if it is not a real date. */
export function parseIsoDate(value: string): number | undefined {
  const m = isoDate.exec(value);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return undefined;
  return ms / 86_400_000;
}

/** Problems with one day's ranges ("mon", "2026-10-01"...), each message naming the day. */
export function dayRangeIssues(day: string, ranges: readonly TimeRange[]): string[] {
  const issues: string[] = [];
  let prevEnd = -1;
  ranges.forEach((range, i) => {
    const where = `${day} range ${i + 1} [${String(range[0])}, ${String(range[1])}]`;
    const s = parseClockTime(range[0], false);
    const e = parseClockTime(range[1], true);
    if (s === undefined) issues.push(`${where}: start must be "HH:MM" between 00:00 and 23:59`);
    if (e === undefined) issues.push(`${where}: end must be "HH:MM" between 00:01 and 24:00`);
    if (s === undefined || e === undefined) return;
    if (e <= s) issues.push(`${where}: end must be after start`);
    else if (s < prevEnd) issues.push(`${where}: ranges must be sorted and must not overlap`);
    prevEnd = Math.max(prevEnd, e);
  });
  return issues;
}

// Constructing a formatter costs tens of microseconds; zone names are few, so remember the answers.
const knownZones = new Map<string, boolean>();

/** True when Intl knows the IANA zone name. */
export function isValidTimeZone(zone: string): boolean {
  const known = knownZones.get(zone);
  if (known !== undefined) return known;
  let valid = zone.trim() !== '';
  try {
    if (valid) new Intl.DateTimeFormat('en-US', { timeZone: zone });
  } catch {
    valid = false;
  }
  if (knownZones.size < 1000) knownZones.set(zone, valid);
  return valid;
}

/** Every structural problem of a calendar (zone, weekly ranges, override dates and ranges). */
export function calendarIssues(cal: BusinessCalendar): string[] {
  const issues: string[] = [];
  if (typeof cal.timeZone !== 'string' || !isValidTimeZone(cal.timeZone)) {
    issues.push(`invalid time zone "${String(cal.timeZone)}" (expected an IANA name such as "Asia/Shanghai")`);
  }
  for (const day of weekdays) {
    const ranges = cal.week?.[day];
    if (!Array.isArray(ranges)) issues.push(`${day}: missing list of ranges (use [] for a closed day)`);
    else issues.push(...dayRangeIssues(day, ranges));
  }
  for (const [date, ranges] of Object.entries(cal.overrides ?? {})) {
    if (parseIsoDate(date) === undefined) issues.push(`override "${date}": not a valid "YYYY-MM-DD" date`);
    if (!Array.isArray(ranges)) issues.push(`override ${date}: missing list of ranges (use [] for a holiday)`);
    else issues.push(...dayRangeIssues(`override ${date}`, ranges));
  }
  return issues;
}
