/** Local wall-clock opening range "HH:MM"–"HH:MM"; the end may be "24:00" (next midnight). */
export type TimeRange = [start: string, end: string];

export const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof weekdays)[number];

/**
 * Opening hours in one IANA time zone: a weekly pattern plus per-date overrides
 * ("YYYY-MM-DD" local date -> that day's ranges; [] closes the day, e.g. a public holiday;
 * ranges on a weekend date make it a working day, e.g. a Chinese make-up day).
 */
export type BusinessCalendar = {
  timeZone: string;
  week: Record<Weekday, TimeRange[]>;
  overrides?: Record<string, TimeRange[]>;
};
