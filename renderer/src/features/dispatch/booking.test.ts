import { describe, expect, it } from 'vitest';
import { isBookingBlocked } from '../../../../shared/dispatch';
import { demoEngineers } from '../../../../shared/demo';
import { bookingFormSchemaFor, findingsFor, formWindow, instantToWallTime, wallTimeToInstant } from './booking';
import { NOW, config, makeVisit } from './fixtures.test-support';

const inputs = { engineers: demoEngineers, calendars: config.calendars, now: NOW };

describe('booking form and checks', () => {
  it('reads the typed start as wall time in the board zone, across a DST change', () => {
    expect(wallTimeToInstant('2026-03-12T09:00', 'Asia/Shanghai')).toBe(Date.UTC(2026, 2, 12, 1));
    expect(wallTimeToInstant('2026-03-30T09:00', 'Europe/Sofia')).toBe(Date.UTC(2026, 2, 30, 6));
    expect(wallTimeToInstant('2026-03-27T09:00', 'Europe/Sofia')).toBe(Date.UTC(2026, 2, 27, 7));
    expect(wallTimeToInstant('2026-02-30T09:00', 'UTC')).toBeUndefined();
    expect(instantToWallTime(Date.UTC(2026, 2, 12, 1), 'Asia/Shanghai')).toBe('2026-03-12T09:00');
    expect(formWindow({ start: '2026-03-12T09:00', durationMinutes: 90 }, 'Asia/Shanghai')).toEqual({ start: Date.UTC(2026, 2, 12, 1), end: Date.UTC(2026, 2, 12, 2, 30) });
  });

  it('refuses an overlapping booking for the same engineer and explains which visit is in the way', () => {
    const booked = makeVisit({ id: 'visit-booked', engineerId: 'eng-kai', status: 'tentative', window: { start: Date.UTC(2026, 2, 11, 2), end: Date.UTC(2026, 2, 11, 4) } });
    const next = makeVisit({ id: 'visit-next' });
    const findings = findingsFor(next, 'eng-kai', { start: Date.UTC(2026, 2, 11, 3), end: Date.UTC(2026, 2, 11, 5) }, 0, { ...inputs, visits: [booked, next] });
    expect(findings.map((f) => [f.code, f.severity, f.details['otherVisitId']])).toEqual([['overlap', 'block', 'visit-booked']]);
    expect(isBookingBlocked(findings)).toBe(true);
    // Another engineer is free, but outside her region and skills: warnings only.
    const rosa = findingsFor(next, 'eng-rosa', { start: Date.UTC(2026, 2, 11, 3), end: Date.UTC(2026, 2, 11, 5) }, 0, { ...inputs, visits: [booked, next] });
    expect(rosa.map((f) => f.code).sort()).toEqual(['missing_skill', 'wrong_region']);
    expect(isBookingBlocked(rosa)).toBe(false);
  });

  it('uses the live deadline and warns when the window starts after it', () => {
    const v = makeVisit({ arrivalDeadline: Date.UTC(2026, 2, 20) });
    const f = findingsFor(v, 'eng-kai', { start: Date.UTC(2026, 2, 13, 1), end: Date.UTC(2026, 2, 13, 3) }, 30, { ...inputs, visits: [], deadline: Date.UTC(2026, 2, 12, 9) });
    expect(f.map((x) => [x.code, x.severity])).toEqual([['after_deadline', 'warn']]);
    expect(() => findingsFor(v, 'eng-nobody', { start: 1, end: 2 }, 0, { ...inputs, visits: [] })).toThrow(/not in the directory/);
  });

  it('moving a visit needs a reason; booking one does not', () => {
    const form = { engineerId: 'eng-kai', start: '2026-03-12T09:00', durationMinutes: 60, travelBufferMinutes: 0, reason: ' ' };
    expect(bookingFormSchemaFor('schedule').safeParse(form).success).toBe(true);
    const r = bookingFormSchemaFor('reschedule').safeParse(form);
    expect(r.success ? [] : r.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['reason', 'reasonRequired']]);
    const bad = bookingFormSchemaFor('schedule').safeParse({ ...form, durationMinutes: 5, travelBufferMinutes: -1 });
    expect(bad.success ? [] : bad.error.issues.map((i) => i.message)).toEqual(['durationMin', 'travelMin']);
  });
});

describe('finding sentences', () => {
  it('says "once travel time is counted" only when the windows themselves do not overlap', async () => {
    const { findingText } = await import('./finding-text');
    const t = ((key: string) => key) as never;
    const booked = makeVisit({ id: 'visit-booked', engineerId: 'eng-kai', status: 'tentative', travelBufferMinutes: 30, window: { start: Date.UTC(2026, 2, 11, 2), end: Date.UTC(2026, 2, 11, 4) } });
    const text = (start: number, end: number) => {
      const f = findingsFor(makeVisit({ id: 'n' }), 'eng-kai', { start, end }, 0, { ...inputs, visits: [booked] }).find((x) => x.code === 'overlap');
      return f ? findingText(f, { t, engineerName: 'Kai Chen', formatTime: String, window: { start, end } }) : 'none';
    };
    expect(text(Date.UTC(2026, 2, 11, 1), Date.UTC(2026, 2, 11, 3))).toBe('dispatch.finding.overlap');
    expect(text(Date.UTC(2026, 2, 11, 0), Date.UTC(2026, 2, 11, 1, 45))).toBe('dispatch.finding.overlapTravel');
    expect(text(Date.UTC(2026, 2, 11, 0), Date.UTC(2026, 2, 11, 1, 30))).toBe('none');
  });
});
