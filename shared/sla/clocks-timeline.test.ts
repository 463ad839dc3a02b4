import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { timelineOf } from './clocks-timeline';
import { addBusinessDays, addBusinessMinutes, businessMinutesBetween, type BusinessCalendar } from './calendar';

const w = (...r: [string, string][]): [string, string][] => r;
const newYork: BusinessCalendar = {
  timeZone: 'America/New_York',
  week: { mon: w(['09:00', '12:00'], ['13:00', '17:30']), tue: w(['09:00', '17:00']), wed: w(['09:00', '17:00']), thu: w(['09:00', '17:00']), fri: w(['09:00', '15:00']), sat: [], sun: [] },
  overrides: { '2026-07-03': [], '2026-11-26': [], '2026-03-08': w(['01:00', '04:00']) },
};
const sofia: BusinessCalendar = {
  timeZone: 'Europe/Sofia',
  week: { mon: w(['00:00', '24:00']), tue: w(['02:30', '03:30'], ['08:00', '18:00']), wed: w(['09:00', '18:00']), thu: w(['09:00', '18:00']), fri: w(['09:00', '18:00']), sat: [], sun: w(['02:00', '05:00']) },
  overrides: { '2026-05-01': [], '2026-05-09': w(['09:00', '13:00']) },
};
const shanghai: BusinessCalendar = {
  timeZone: 'Asia/Shanghai',
  week: { mon: w(['08:30', '17:00']), tue: w(['08:30', '17:00']), wed: w(['08:30', '17:00']), thu: w(['08:30', '17:00']), fri: w(['08:30', '17:00']), sat: [], sun: [] },
  overrides: { '2026-10-01': [], '2026-10-02': [], '2026-09-27': w(['08:30', '17:00']) },
};

const from = Date.UTC(2026, 0, 1);
const to = Date.UTC(2027, 11, 1);
const instant = fc.integer({ min: from, max: to });

describe('clock timeline (binary search over cached open intervals) agrees with the calendar module', () => {
  for (const [name, cal] of [['New York', newYork], ['Sofia (DST)', sofia], ['Shanghai', shanghai]] as const) {
    it(`${name}: between, add and addDays are identical to the ms (property)`, () => {
      const tl = timelineOf(cal);
      fc.assert(
        fc.property(instant, instant, fc.double({ min: 0.001, max: 30_000, noNaN: true }), fc.integer({ min: 1, max: 12 }), (a, b, m, days) => {
          expect(tl.between(a, b)).toBeCloseTo(businessMinutesBetween(new Date(a), new Date(b), cal), 9);
          expect(tl.add(a, m)).toBe(addBusinessMinutes(new Date(a), m, cal).getTime());
          expect(tl.addDays(a, days)).toBe(addBusinessDays(new Date(a), days, cal).getTime());
        }),
        { numRuns: 400 },
      );
    });
  }

  it('a deadline on closing time is the closing instant, and far instants still work (window grows)', () => {
    const tl = timelineOf(shanghai);
    const mon0830 = Date.UTC(2026, 5, 15, 0, 30);
    expect(tl.add(mon0830, 510)).toBe(Date.UTC(2026, 5, 15, 9));
    expect(tl.add(Date.UTC(2031, 0, 6, 0, 30), 60)).toBe(addBusinessMinutes(new Date(Date.UTC(2031, 0, 6, 0, 30)), 60, shanghai).getTime());
    expect(tl.between(Date.UTC(2020, 0, 1), Date.UTC(2032, 0, 1))).toBeCloseTo(businessMinutesBetween(new Date(Date.UTC(2020, 0, 1)), new Date(Date.UTC(2032, 0, 1)), shanghai), 6);
  });

  it('a calendar that is never open fails with the calendar module error', () => {
    const closed: BusinessCalendar = { timeZone: 'UTC', week: { mon: [], tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] } };
    expect(() => timelineOf(closed).add(from, 10)).toThrow(RangeError);
    expect(() => timelineOf(closed).between(from, from + 86_400_000)).toThrow(/no open time/);
  });
});
