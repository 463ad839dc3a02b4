// Property tests: the fast implementation must agree to the millisecond with the brute-force
// minute-stepping oracle in calendar-reference.ts on random calendars around DST transitions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addBusinessDays, addBusinessMinutes, businessMinutesBetween } from './index';
import type { BusinessCalendar, TimeRange, Weekday } from './index';
import { referenceAddDays, referenceAddMinutes, referenceMinutesBetween } from './calendar-reference';

// Zones with their 2026 transitions (or none) so starts land near the interesting nights.
const zones: { zone: string; around: string[] }[] = [
  { zone: 'Europe/Sofia', around: ['2026-03-29T01:00:00Z', '2026-10-25T01:00:00Z'] },
  { zone: 'America/New_York', around: ['2026-03-08T07:00:00Z', '2026-11-01T06:00:00Z'] },
  { zone: 'Australia/Lord_Howe', around: ['2026-04-04T15:00:00Z', '2026-10-03T15:30:00Z'] },
  // Santiago changes clocks at midnight, so local midnight itself is skipped or repeated.
  { zone: 'America/Santiago', around: ['2026-04-05T03:00:00Z', '2026-09-06T04:00:00Z'] },
  { zone: 'Asia/Shanghai', around: ['2026-10-01T00:00:00Z'] },
  { zone: 'Asia/Kolkata', around: ['2026-06-15T00:00:00Z'] },
];
const days: Weekday[] = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const DAY = 86_400_000;

const hhmm = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

// 0..3 ranges per day on a 5-minute grid (lunch breaks, night shifts and "24:00" ends included).
// Points cluster around the nightly DST hours (00:00-04:30 local) and midnight so that ranges
// often start or end inside a skipped or repeated hour.
const point = fc.oneof(
  fc.integer({ min: 0, max: 288 }).map((p) => p * 5),
  fc.integer({ min: 0, max: 54 }).map((p) => p * 5),
  fc.constantFrom(0, 1380, 1410, 1440),
);
const dayRanges = fc.uniqueArray(point, { maxLength: 6 }).map((pts): TimeRange[] => {
  const sorted = [...pts].sort((a, b) => a - b);
  const out: TimeRange[] = [];
  for (let i = 0; i + 1 < sorted.length; i += 2) out.push([hhmm(sorted[i] ?? 0), hhmm(sorted[i + 1] ?? 0)]);
  return out;
});

const openMinutes = (ranges: TimeRange[]): number =>
  ranges.reduce((sum, [s, e]) => sum + toMin(e) - toMin(s), 0);
const toMin = (v: string): number => Number(v.slice(0, 2)) * 60 + Number(v.slice(3));

const scenario = fc
  .record({
    zoneIx: fc.nat({ max: zones.length - 1 }),
    aroundIx: fc.nat({ max: 1 }),
    offsetMs: fc.integer({ min: -3 * DAY, max: 2 * DAY }),
    week: fc.tuple(dayRanges, dayRanges, dayRanges, dayRanges, dayRanges, dayRanges, dayRanges),
    // Holidays ([]), shortened days and make-up days near the start.
    overrides: fc.array(fc.tuple(fc.integer({ min: -3, max: 12 }), fc.oneof(fc.constant<TimeRange[]>([]), dayRanges)), { maxLength: 5 }),
  })
  .map(({ zoneIx, aroundIx, offsetMs, week, overrides }) => {
    const z = zones[zoneIx] ?? zones[0]!;
    const start = new Date(Date.parse(z.around[aroundIx % z.around.length] ?? '') + offsetMs);
    const weekRecord = Object.fromEntries(days.map((d, i) => [d, week[i] ?? []])) as Record<Weekday, TimeRange[]>;
    // Keep enough weekly open time that the oracle finishes within its 60-day window.
    if (days.reduce((sum, d) => sum + openMinutes(weekRecord[d]), 0) < 1200) {
      weekRecord.tue = [['08:00', '18:00']];
      weekRecord.thu = [['08:00', '18:00']];
    }
    const cal: BusinessCalendar = {
      timeZone: z.zone,
      week: weekRecord,
      overrides: Object.fromEntries(overrides.map(([d, r]) => [new Date(start.getTime() + d * DAY).toISOString().slice(0, 10), r])),
    };
    return { cal, start };
  });

// Whole minutes, and minutes with seconds and milliseconds.
const minutesArb = fc.oneof(fc.integer({ min: 0, max: 1500 }), fc.integer({ min: 0, max: 1500 * 60_000 }).map((ms) => ms / 60_000));
const runs = { numRuns: 80 };

describe('calendar contract vs brute-force reference', () => {
  it('addBusinessMinutes equals the minute-stepping reference to the millisecond', () => {
    fc.assert(
      fc.property(scenario, minutesArb, ({ cal, start }, m) => {
        expect(addBusinessMinutes(start, m, cal).toISOString()).toBe(referenceAddMinutes(start, m, cal).toISOString());
      }),
      runs,
    );
  });

  it('businessMinutesBetween equals the reference, fractional with seconds', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: -DAY, max: 6 * DAY }), ({ cal, start }, spanMs) => {
        const to = new Date(start.getTime() + spanMs);
        expect(businessMinutesBetween(start, to, cal)).toBe(referenceMinutesBetween(start, to, cal));
      }),
      runs,
    );
  });

  it('addBusinessMinutes is the earliest instant whose businessMinutesBetween is exactly m', () => {
    fc.assert(
      fc.property(scenario, minutesArb, ({ cal, start }, m) => {
        const t = addBusinessMinutes(start, m, cal);
        expect(t.getTime()).toBeGreaterThanOrEqual(start.getTime());
        expect(businessMinutesBetween(start, t, cal)).toBe(m);
        if (t.getTime() > start.getTime()) {
          expect(businessMinutesBetween(start, new Date(t.getTime() - 1), cal)).toBeLessThan(m);
        }
      }),
      runs,
    );
  });

  it('addBusinessDays equals the reference (end of the n-th open local date after start)', () => {
    fc.assert(
      fc.property(scenario, fc.integer({ min: 1, max: 6 }), ({ cal, start }, n) => {
        expect(addBusinessDays(start, n, cal).toISOString()).toBe(referenceAddDays(start, n, cal).toISOString());
      }),
      runs,
    );
  });
});
