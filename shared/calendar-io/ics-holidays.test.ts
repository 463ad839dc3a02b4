import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../sla/calendar-types';
import { businessCalendarSchema } from '../sla/calendar-schema';
import { applyHolidays, parseIcsHolidays } from './ics-holidays';

type EventSpec = { uid: string; summary: string; start: string; end?: string; rrule?: string; exdate?: string; recurrenceId?: string; status?: string; timed?: boolean };

/** Writes a VCALENDAR with ical.js itself, so the file is what a real producer would emit (folding, escaping, VALUE=DATE). */
function buildIcs(events: EventSpec[]): string {
  const cal = new ICAL.Component(['vcalendar', [], []]);
  cal.updatePropertyWithValue('prodid', '-//Example//Holidays//EN');
  cal.updatePropertyWithValue('version', '2.0');
  for (const e of events) {
    const v = new ICAL.Component('vevent');
    v.updatePropertyWithValue('uid', e.uid);
    v.updatePropertyWithValue('summary', e.summary);
    v.updatePropertyWithValue('dtstamp', ICAL.Time.fromDateTimeString('2025-11-01T00:00:00Z'));
    v.updatePropertyWithValue('dtstart', e.timed ? ICAL.Time.fromDateTimeString(`${e.start}T09:00:00Z`) : ICAL.Time.fromDateString(e.start));
    if (e.end) v.updatePropertyWithValue('dtend', e.timed ? ICAL.Time.fromDateTimeString(`${e.end}T10:00:00Z`) : ICAL.Time.fromDateString(e.end));
    if (e.rrule) v.updatePropertyWithValue('rrule', ICAL.Recur.fromString(e.rrule));
    if (e.exdate) v.updatePropertyWithValue('exdate', ICAL.Time.fromDateString(e.exdate));
    if (e.recurrenceId) v.updatePropertyWithValue('recurrence-id', ICAL.Time.fromDateString(e.recurrenceId));
    if (e.status) v.updatePropertyWithValue('status', e.status);
    cal.addSubcomponent(v);
  }
  return cal.toString();
}

const office: BusinessCalendar = {
  timeZone: 'Europe/Sofia',
  week: { mon: [['09:00', '18:00']], tue: [['09:00', '18:00']], wed: [['09:00', '18:00']], thu: [['09:00', '18:00']], fri: [['09:00', '18:00']], sat: [], sun: [] },
  overrides: { '2026-12-26': [['09:00', '13:00']], '2026-03-03': [] },
};

describe('parseIcsHolidays (ical.js round trip)', () => {
  const ics = buildIcs([
    { uid: 'ny', summary: 'New Year', start: '2026-01-01', end: '2026-01-02' },
    { uid: 'fest', summary: 'Spring Festival', start: '2026-02-16', end: '2026-02-19' },
    { uid: 'xmas', summary: 'Christmas', start: '2020-12-25', end: '2020-12-26', rrule: 'FREQ=YEARLY' },
    { uid: 'lib', summary: 'Liberation Day', start: '2024-03-03', end: '2024-03-04', rrule: 'FREQ=YEARLY', exdate: '2027-03-03' },
    { uid: 'may', summary: 'Labour Day', start: '2025-05-01', end: '2025-05-02', rrule: 'FREQ=YEARLY;COUNT=3' },
    { uid: 'may', summary: 'Labour Day (moved)', start: '2026-05-04', end: '2026-05-05', recurrenceId: '2026-05-01' },
    { uid: 'dup', summary: 'Bank holiday', start: '2026-01-01' },
    { uid: 'meet', summary: 'Staff meeting', start: '2026-01-05', end: '2026-01-05', timed: true },
    { uid: 'gone', summary: 'Cancelled holiday', start: '2026-06-01', end: '2026-06-02', status: 'CANCELLED' },
    { uid: 'old', summary: 'Old holiday', start: '2019-07-01', end: '2019-07-02' },
  ]);

  it('turns all-day events (multi-day, yearly, moved and excluded occurrences) into closed dates within the years asked', () => {
    const r = parseIcsHolidays(ics, { fromYear: 2026, toYear: 2027 });
    if (!r.ok) throw new Error(r.error);
    expect(r.holidays).toEqual([
      { date: '2026-01-01', summary: 'New Year / Bank holiday' },
      { date: '2026-02-16', summary: 'Spring Festival' },
      { date: '2026-02-17', summary: 'Spring Festival' },
      { date: '2026-02-18', summary: 'Spring Festival' },
      { date: '2026-03-03', summary: 'Liberation Day' },
      { date: '2026-05-04', summary: 'Labour Day (moved)' },
      { date: '2026-12-25', summary: 'Christmas' },
      { date: '2027-05-01', summary: 'Labour Day' },
      { date: '2027-12-25', summary: 'Christmas' },
    ]);
    expect(r.skipped).toEqual(
      expect.arrayContaining([
        { summary: 'Staff meeting', reason: 'timed' },
        { summary: 'Cancelled holiday', reason: 'cancelled' },
        { summary: 'Old holiday', reason: 'out_of_range' },
      ]),
    );
  });

  it('reads a file with CRLF lines, a BOM and folded long summaries', () => {
    const long = 'A very long holiday name that certainly needs folding at seventy-five octets per line';
    const text = `\uFEFF${buildIcs([{ uid: 'l', summary: long, start: '2026-09-22', end: '2026-09-23' }]).replace(/\r?\n/g, '\r\n')}`;
    expect(text).toMatch(/\r\n /);
    const r = parseIcsHolidays(text, { fromYear: 2026, toYear: 2026 });
    expect(r.ok && r.holidays).toEqual([{ date: '2026-09-22', summary: long }]);
  });

  it('explains a file that is not iCalendar or cannot be parsed', () => {
    const notIcs = parseIcsHolidays('date,name\n2026-01-01,New Year\n', { fromYear: 2026, toYear: 2026 });
    expect(notIcs).toEqual({ ok: false, error: expect.stringContaining('not an iCalendar file') });
    const broken = parseIcsHolidays('BEGIN:VCALENDAR\r\nthis line has no colon\r\nEND:VCALENDAR\r\n', { fromYear: 2026, toYear: 2026 });
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.error).toMatch(/could not be read/);
  });
});

describe('applyHolidays', () => {
  it('closes new dates, leaves closed ones, and never overwrites explicit working hours; the result still validates', () => {
    const r = applyHolidays(office, [
      { date: '2026-01-01', summary: 'New Year' },
      { date: '2026-03-03', summary: 'Liberation Day' },
      { date: '2026-12-26', summary: 'Boxing Day' },
    ]);
    expect(r.added).toEqual(['2026-01-01']);
    expect(r.alreadyClosed).toEqual(['2026-03-03']);
    expect(r.keptWorking).toEqual(['2026-12-26']);
    expect(r.calendar.overrides).toEqual({ '2026-01-01': [], '2026-03-03': [], '2026-12-26': [['09:00', '13:00']] });
    expect(Object.keys(r.calendar.overrides ?? {})).toEqual(['2026-01-01', '2026-03-03', '2026-12-26']);
    expect(businessCalendarSchema.safeParse(r.calendar).success).toBe(true);
    expect(office.overrides?.['2026-01-01']).toBeUndefined();
  });
});
