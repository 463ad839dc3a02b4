import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseIcsHolidays } from './ics-holidays';
import { impossibleRecurrence } from './ics-rules';

const vcalendar = (rrule: string, start = '20260101'): string =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Example//Holidays//EN', 'BEGIN:VEVENT', 'UID:never@example.com', `DTSTART;VALUE=DATE:${start}`, 'SUMMARY:Never', `RRULE:${rrule}`, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');

const daysIn = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

describe('recurrence rules that can never occur', () => {
  it('refuses February 30th with a clear error instead of searching forever', () => {
    const r = parseIcsHolidays(vcalendar('FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30'), { fromYear: 2026, toYear: 2027 });
    expect(r).toEqual({ ok: false, error: expect.stringMatching(/"Never" repeats by a rule that can never occur.*BYMONTH=2.*30.*nothing was imported/) as unknown });
  });

  it('refuses other impossible or malformed BY parts', () => {
    for (const rule of ['FREQ=YEARLY;BYMONTH=4,6;BYMONTHDAY=31', 'FREQ=MONTHLY;BYMONTHDAY=32', 'FREQ=YEARLY;BYYEARDAY=400', 'FREQ=YEARLY;BYWEEKNO=54']) {
      expect(parseIcsHolidays(vcalendar(rule), { fromYear: 2026, toYear: 2027 }).ok, rule).toBe(false);
    }
  });

  it('keeps rules that do occur, such as February 29th and the last day of the month', () => {
    const leap = parseIcsHolidays(vcalendar('FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29', '20240229'), { fromYear: 2028, toYear: 2028 });
    expect(leap).toMatchObject({ ok: true, holidays: [{ date: '2028-02-29' }] });
    const last = parseIcsHolidays(vcalendar('FREQ=MONTHLY;BYMONTHDAY=-1;COUNT=2'), { fromYear: 2026, toYear: 2026 });
    expect(last).toMatchObject({ ok: true, holidays: [{ date: '2026-01-31' }, { date: '2026-02-28' }] });
  });

  it('calls a month/day combination impossible exactly when no chosen month has that day', () => {
    const month = fc.integer({ min: 1, max: 12 });
    const day = fc.integer({ min: 1, max: 31 });
    fc.assert(
      fc.property(fc.uniqueArray(month, { minLength: 1, maxLength: 3 }), fc.uniqueArray(day, { minLength: 1, maxLength: 3 }), (months, days) => {
        const occurs = months.some((m) => days.some((d) => d <= (daysIn[m - 1] ?? 0)));
        expect(impossibleRecurrence({ BYMONTH: months, BYMONTHDAY: days }) === null).toBe(occurs);
      }),
    );
  });
});
