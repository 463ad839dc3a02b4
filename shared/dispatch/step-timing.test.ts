import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STEP_GRACE_MINUTES, splitSpan, stepOutsideWindow, type TimedStep } from './step-timing';

const MINUTE = 60_000;
// Wednesday 09:00–11:00 in Shanghai, 30 minutes of travel booked before it.
const start = Date.UTC(2026, 2, 11, 1, 0);
const visit = { window: { start, end: start + 120 * MINUTE }, travelBufferMinutes: 30, site: { address: '', timeZone: 'Asia/Shanghai' } };

describe('stepOutsideWindow', () => {
  it('an arrival a day before the booked window is 1 day (1440 minutes) early, in the site zone', () => {
    const r = stepOutsideWindow(visit, 'arrive', start - 1440 * MINUTE);
    expect(r).toMatchObject({ side: 'early', minutes: 1440, zone: 'Asia/Shanghai' });
  });
  it('an arrival 10 minutes early or during the window needs no confirmation', () => {
    expect(stepOutsideWindow(visit, 'arrive', start - 10 * MINUTE)).toBeUndefined();
    expect(stepOutsideWindow(visit, 'arrive', start + 60 * MINUTE)).toBeUndefined();
  });
  it('setting off may start the travel time before the window', () => {
    expect(stepOutsideWindow(visit, 'en_route', start - 45 * MINUTE)).toBeUndefined();
    expect(stepOutsideWindow(visit, 'en_route', start - 90 * MINUTE)).toMatchObject({ side: 'early', minutes: 90 });
  });
  it('leaving before the window starts is early; leaving two hours after it ends is late by 120 minutes', () => {
    expect(stepOutsideWindow(visit, 'depart', start - MINUTE)).toMatchObject({ side: 'early', minutes: 1 });
    expect(stepOutsideWindow(visit, 'depart', visit.window.end + 120 * MINUTE)).toMatchObject({ side: 'late', minutes: 120 });
  });
  it('a visit without a window is never outside it', () => {
    expect(stepOutsideWindow({ ...visit, window: undefined }, 'arrive', 0)).toBeUndefined();
  });
  it('property: a step is flagged exactly when it lies outside the window widened by the grace (and travel when setting off)', () => {
    const steps: TimedStep[] = ['en_route', 'arrive', 'depart'];
    fc.assert(
      fc.property(fc.constantFrom(...steps), fc.integer({ min: -5 * 1440, max: 5 * 1440 }), fc.integer({ min: 0, max: 240 }), (step, offset, travel) => {
        const v = { ...visit, travelBufferMinutes: travel };
        const at = start + offset * MINUTE;
        const r = stepOutsideWindow(v, step, at);
        const before = step === 'en_route' ? travel + STEP_GRACE_MINUTES : step === 'arrive' ? STEP_GRACE_MINUTES : 0;
        const inside = at >= start - before * MINUTE && at <= v.window.end + STEP_GRACE_MINUTES * MINUTE;
        expect(r === undefined).toBe(inside);
        if (r) {
          expect(r.minutes).toBeGreaterThanOrEqual(1);
          expect(r.side === 'early' ? at < start : at > v.window.end).toBe(true);
        }
      }),
    );
  });
});

describe('splitSpan', () => {
  it('splits minutes into days, hours and minutes', () => {
    expect(splitSpan(1440 + 185)).toEqual({ days: 1, hours: 3, minutes: 5 });
  });
  it('property: the parts add back up to the span', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 1e6 }), (m) => {
      const s = splitSpan(m);
      expect(s.days * 1440 + s.hours * 60 + s.minutes).toBe(m);
      expect(s.hours).toBeLessThan(24);
      expect(s.minutes).toBeLessThan(60);
    }));
  });
});
