import { describe, expect, it } from 'vitest';
import { addBusinessDays, addBusinessMinutes, businessMinutesBetween } from './index';
import type { BusinessCalendar, TimeRange } from './index';

const nineToFive: TimeRange[] = [['08:30', '17:00']];
const weekdaysOnly = (zone: string, hours: TimeRange[] = nineToFive, overrides?: Record<string, TimeRange[]>): BusinessCalendar => ({
  timeZone: zone,
  week: { mon: hours, tue: hours, wed: hours, thu: hours, fri: hours, sat: [], sun: [] },
  ...(overrides ? { overrides } : {}),
});
const allDay = (zone: string): BusinessCalendar => {
  const d: TimeRange[] = [['00:00', '24:00']];
  return { timeZone: zone, week: { mon: d, tue: d, wed: d, thu: d, fri: d, sat: d, sun: d } };
};
const iso = (d: Date): string => d.toISOString();
const at = (s: string): Date => new Date(s);

const shanghai = weekdaysOnly('Asia/Shanghai');

describe('open time of a local date', () => {
  it('uses the weekday ranges in the calendar zone (Shanghai 08:30 = 00:30Z)', () => {
    expect(iso(addBusinessMinutes(at('2026-11-23T00:00:00Z'), 1, shanghai))).toBe('2026-11-23T00:31:00.000Z');
  });

  it('an override replaces the weekday: [] closes a holiday, ranges open a make-up Saturday', () => {
    const cal = weekdaysOnly('Asia/Shanghai', nineToFive, { '2026-10-01': [], '2026-10-10': [['09:00', '10:00']] });
    // Thu 2026-10-01 closed -> Fri 08:30 local.
    expect(iso(addBusinessMinutes(at('2026-09-30T09:00:00Z'), 1, cal))).toBe('2026-10-02T00:31:00.000Z');
    expect(businessMinutesBetween(at('2026-10-10T00:00:00Z'), at('2026-10-11T00:00:00Z'), cal)).toBe(60);
  });

  it('a lunch break is not business time', () => {
    const cal = weekdaysOnly('UTC', [['09:00', '12:00'], ['13:00', '18:00']]);
    expect(iso(addBusinessMinutes(at('2026-11-23T11:30:00Z'), 60, cal))).toBe('2026-11-23T13:30:00.000Z');
  });

  it('"24:00" means the next local midnight', () => {
    const cal = weekdaysOnly('Europe/Sofia', [['20:00', '24:00']]);
    expect(iso(addBusinessMinutes(at('2026-11-23T18:00:00Z'), 240, cal))).toBe('2026-11-23T22:00:00.000Z');
    expect(businessMinutesBetween(at('2026-11-23T00:00:00Z'), at('2026-11-24T00:00:00Z'), cal)).toBe(240);
  });
});

describe('DST rules', () => {
  it('a wall time inside a DST gap maps forward to the end of the gap (New York 02:30 on 2026-03-08)', () => {
    const cal: BusinessCalendar = { ...weekdaysOnly('America/New_York'), week: { ...weekdaysOnly('America/New_York').week, sun: [['02:30', '04:00']] } };
    // 02:00 EST -> 03:00 EDT at 07:00Z: open 03:00..04:00 EDT = 07:00Z..08:00Z.
    expect(businessMinutesBetween(at('2026-03-08T00:00:00Z'), at('2026-03-09T00:00:00Z'), cal)).toBe(60);
    expect(iso(addBusinessMinutes(at('2026-03-08T05:00:00Z'), 1, cal))).toBe('2026-03-08T07:01:00.000Z');
  });

  it('an ambiguous wall time takes the earlier instant (Sofia 03:30 on 2026-10-25)', () => {
    const base = weekdaysOnly('Europe/Sofia');
    const cal: BusinessCalendar = { ...base, week: { ...base.week, sun: [['03:30', '04:30']] } };
    // 03:30 EEST = 00:30Z; 04:30 EET = 02:30Z: two hours of open time that night.
    expect(businessMinutesBetween(at('2026-10-24T12:00:00Z'), at('2026-10-25T12:00:00Z'), cal)).toBe(120);
    expect(iso(addBusinessMinutes(at('2026-10-24T12:00:00Z'), 1, cal))).toBe('2026-10-25T00:31:00.000Z');
  });

  it('a range wholly inside the gap has no open time and a day of 23 hours counts 23 hours', () => {
    const base = weekdaysOnly('Europe/Sofia');
    const gapOnly: BusinessCalendar = { ...base, week: { ...base.week, sun: [['03:10', '03:50']] } };
    expect(businessMinutesBetween(at('2026-03-28T12:00:00Z'), at('2026-03-29T12:00:00Z'), gapOnly)).toBe(0);
    expect(businessMinutesBetween(at('2026-03-28T22:00:00Z'), at('2026-03-29T21:00:00Z'), allDay('Europe/Sofia'))).toBe(23 * 60);
  });

  it('30-minute DST of Australia/Lord_Howe is honoured', () => {
    // 2026-10-04 02:00 +10:30 -> 02:30 +11:00.
    const cal = allDay('Australia/Lord_Howe');
    expect(businessMinutesBetween(at('2026-10-03T13:30:00Z'), at('2026-10-04T13:00:00Z'), cal)).toBe(23.5 * 60);
  });
});

describe('businessMinutesBetween', () => {
  it('is fractional when the inputs have seconds', () => {
    expect(businessMinutesBetween(at('2026-11-23T01:00:00Z'), at('2026-11-23T01:00:30Z'), shanghai)).toBe(0.5);
    expect(businessMinutesBetween(at('2026-11-23T01:00:00.000Z'), at('2026-11-23T01:00:00.600Z'), shanghai)).toBe(0.01);
  });

  it('is 0 when to <= from', () => {
    expect(businessMinutesBetween(at('2026-11-23T05:00:00Z'), at('2026-11-23T01:00:00Z'), shanghai)).toBe(0);
    expect(businessMinutesBetween(at('2026-11-23T05:00:00Z'), at('2026-11-23T05:00:00Z'), shanghai)).toBe(0);
  });

  it('counts only open time inside [from, to) across a weekend', () => {
    // Fri 16:00 local -> Mon 09:30 local: 60 + 60 minutes.
    expect(businessMinutesBetween(at('2026-11-20T08:00:00Z'), at('2026-11-23T01:30:00Z'), shanghai)).toBe(120);
  });
});

describe('addBusinessMinutes', () => {
  it('0 minutes returns start, even when closed', () => {
    expect(iso(addBusinessMinutes(at('2026-11-21T13:14:15.678Z'), 0, shanghai))).toBe('2026-11-21T13:14:15.678Z');
  });

  it('a deadline landing exactly on closing time is the closing instant, not next morning', () => {
    // Mon 16:00 local + 60 min = Mon 17:00 local = 09:00Z.
    expect(iso(addBusinessMinutes(at('2026-11-23T08:00:00Z'), 60, shanghai))).toBe('2026-11-23T09:00:00.000Z');
  });

  it('is exact to the millisecond and inverts businessMinutesBetween', () => {
    const start = at('2026-11-20T08:59:59.999Z');
    const end = addBusinessMinutes(start, 2.5, shanghai);
    expect(iso(end)).toBe('2026-11-23T00:32:29.999Z');
    expect(businessMinutesBetween(start, end, shanghai)).toBe(2.5);
  });

  it('starting outside hours counts from the next opening', () => {
    expect(iso(addBusinessMinutes(at('2026-11-21T03:00:00Z'), 120, shanghai))).toBe('2026-11-23T02:30:00.000Z');
  });

  it('cost grows with days spanned, not minutes: a million minutes returns promptly and exactly', () => {
    const start = at('2026-01-05T00:30:00Z'); // Monday 08:30 Shanghai
    const end = addBusinessMinutes(start, 1_000_000, shanghai);
    expect(businessMinutesBetween(start, end, shanghai)).toBe(1_000_000);
  });
});

describe('addBusinessDays', () => {
  it('returns the end of the last open range of the n-th open local date after start', () => {
    const cal = weekdaysOnly('UTC', [['09:00', '12:00'], ['13:00', '18:00']]);
    // Friday -> Mon (1), Tue (2), Wed (3).
    expect(iso(addBusinessDays(at('2026-11-20T10:00:00Z'), 3, cal))).toBe('2026-11-25T18:00:00.000Z');
  });

  it('counts from start\'s local date, skipping holidays and counting make-up days', () => {
    const cal = weekdaysOnly('Asia/Shanghai', nineToFive, { '2026-11-23': [], '2026-11-28': [['09:00', '12:00']] });
    // Fri 2026-11-27 23:30 local is 15:30Z; next open dates: Sat 28 (make-up), Mon 30.
    expect(iso(addBusinessDays(at('2026-11-27T15:30:00Z'), 1, cal))).toBe('2026-11-28T04:00:00.000Z');
    expect(iso(addBusinessDays(at('2026-11-27T15:30:00Z'), 2, cal))).toBe('2026-11-30T09:00:00.000Z');
  });

  it('uses the local date, not the UTC date (Sat 00:30 Shanghai is Fri 16:30Z)', () => {
    expect(iso(addBusinessDays(at('2026-11-20T16:30:00Z'), 1, shanghai))).toBe('2026-11-23T09:00:00.000Z');
  });
});

describe('errors', () => {
  it('a calendar with no open time within 400 days throws RangeError', () => {
    const closed: BusinessCalendar = { timeZone: 'UTC', week: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } };
    expect(() => addBusinessMinutes(at('2026-01-01T00:00:00Z'), 5, closed)).toThrow(/no open time within 400 days/);
    expect(() => addBusinessDays(at('2026-01-01T00:00:00Z'), 1, closed)).toThrow(RangeError);
    expect(() => businessMinutesBetween(at('2026-01-01T00:00:00Z'), at('2026-01-02T00:00:00Z'), closed)).toThrow(RangeError);
  });

  it('an invalid zone throws RangeError naming the zone', () => {
    expect(() => addBusinessMinutes(at('2026-01-01T00:00:00Z'), 5, weekdaysOnly('Mars/Olympus'))).toThrow(/Mars\/Olympus/);
  });

  it('malformed, unsorted or overlapping ranges throw RangeError naming the day', () => {
    expect(() => addBusinessMinutes(new Date(0), 5, weekdaysOnly('UTC', [['9:00', '17:00']]))).toThrow(/mon range 1.*HH:MM/);
    expect(() => addBusinessMinutes(new Date(0), 5, weekdaysOnly('UTC', [['13:00', '17:00'], ['09:00', '12:00']]))).toThrow(/sorted/);
    expect(() => addBusinessMinutes(new Date(0), 5, weekdaysOnly('UTC', [['09:00', '13:00'], ['12:00', '17:00']]))).toThrow(/overlap/);
    expect(() => addBusinessMinutes(new Date(0), 5, weekdaysOnly('UTC', [['17:00', '09:00']]))).toThrow(/end must be after start/);
    expect(() => addBusinessMinutes(new Date(0), 5, weekdaysOnly('UTC', nineToFive, { '2026-02-30': [] }))).toThrow(/2026-02-30/);
  });

  it('a day count that is not a whole number >= 1 throws RangeError', () => {
    for (const n of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => addBusinessDays(new Date(0), n, shanghai)).toThrow(/whole number >= 1/);
    }
  });

  it('negative, NaN or infinite minutes and invalid dates throw RangeError', () => {
    for (const m of [-1, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => addBusinessMinutes(new Date(0), m, shanghai)).toThrow(/minutes must be a finite number >= 0/);
    }
    expect(() => addBusinessMinutes(new Date(Number.NaN), 1, shanghai)).toThrow(/valid Date/);
    expect(() => addBusinessMinutes(new Date(0), 1e13, shanghai)).toThrow(/beyond the last representable date/);
    expect(() => businessMinutesBetween(new Date(0), new Date(Number.NaN), shanghai)).toThrow(/valid Date/);
  });
});
