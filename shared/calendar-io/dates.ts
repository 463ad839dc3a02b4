// Plain "YYYY-MM-DD" date arithmetic (calendar dates, no zone): counted in days since 1970-01-01.
import { parseIsoDate } from '../sla/calendar-validate';
import type { Weekday } from '../sla/calendar-types';
import { weekdays } from '../sla/calendar-types';

const DAY_MS = 86_400_000;

/** "YYYY-MM-DD" of a day number (days since 1970-01-01). */
export function isoDateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** "YYYY-MM-DD" from year, month (1-12) and day, or undefined when the date does not exist (Feb 29 in 2027). */
export function isoDateOf(year: number, month: number, day: number): string | undefined {
  const s = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  return parseIsoDate(s) === undefined ? undefined : s;
}

/** The weekday of a valid "YYYY-MM-DD" date. */
export function weekdayOf(date: string): Weekday {
  const day = parseIsoDate(date);
  if (day === undefined) throw new RangeError(`not a valid "YYYY-MM-DD" date: "${date}"`);
  // 1970-01-01 was a Thursday (index 4).
  return weekdays[(((day + 4) % 7) + 7) % 7] as Weekday;
}

/** The year of a "YYYY-MM-DD" string (its first four digits). */
export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}

/** The same month and day one year later, or undefined for Feb 29 (no such date next year). */
export function sameDateNextYear(date: string): string | undefined {
  return isoDateOf(yearOf(date) + 1, Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}

/** The same month and day one year earlier, or undefined when that date does not exist. */
export function sameDatePreviousYear(date: string): string | undefined {
  return isoDateOf(yearOf(date) - 1, Number(date.slice(5, 7)), Number(date.slice(8, 10)));
}
