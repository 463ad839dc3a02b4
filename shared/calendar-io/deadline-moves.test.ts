import { describe, expect, it } from 'vitest';
import { HOUR, MIN, MON_0900, makeTicket, officeCalendar, testCalendars, testPolicy } from '../sla/clocks-fixtures.test-support';
import { computeClocks } from '../sla/clocks';
import { deadlineMoves, policiesUsingCalendar } from './deadline-moves';

const policy = testPolicy();
const policies = new Map([[policy.id, policy]]);

describe('deadlineMoves', () => {
  it('lists each open clock whose target moves, with old/new targets and the delta; untouched and closed tickets are absent', () => {
    // Severity 3: first response 480 business minutes, from Monday 09:00 → due Monday 17:00.
    const sev3 = makeTicket({ id: 'SD-A', severity: '3', status: 'received' });
    const closed = makeTicket({ id: 'SD-B', severity: '3', status: 'closed' });
    // Created Thursday: its clocks end after the new Tuesday holiday only for long targets.
    const later = makeTicket({ id: 'SD-C', severity: '3', status: 'received', createdAt: MON_0900 + 3 * 24 * HOUR });
    const after = { ...testCalendars, office: { ...officeCalendar, overrides: { ...officeCalendar.overrides, '2026-03-02': [] } } };
    const now = MON_0900 + 30 * MIN;
    const { moves, failed } = deadlineMoves([sev3, closed, later], policies, testCalendars, after, now);
    expect(failed).toEqual([]);
    const fr = moves.find((m) => m.ticketId === 'SD-A' && m.clock === 'first_response');
    // Monday closed: 480 minutes are Tuesday 09:00–17:00 (Wednesday is already a holiday).
    expect(fr).toMatchObject({ oldTarget: MON_0900 + 8 * HOUR, newTarget: MON_0900 + 24 * HOUR + 8 * HOUR, deltaMinutes: 24 * 60 });
    const old = computeClocks(sev3, policy, now, testCalendars).find((c) => c.kind === 'resolution');
    const moved = moves.find((m) => m.ticketId === 'SD-A' && m.clock === 'resolution');
    expect(moved?.oldTarget).toBe(old?.target);
    expect(moved?.deltaMinutes).toBeGreaterThan(0);
    expect(moves.some((m) => m.ticketId === 'SD-B')).toBe(false);
    expect(moves.some((m) => m.ticketId === 'SD-C' && m.clock === 'first_response')).toBe(false);
  });

  it('reports tickets whose clocks cannot be computed instead of failing the whole list', () => {
    const t = makeTicket({ id: 'SD-X', severity: '3', status: 'received' });
    const { moves, failed } = deadlineMoves([t], policies, testCalendars, { always: testCalendars.always as never }, MON_0900);
    expect(moves).toEqual([]);
    expect(failed).toEqual([{ ticketId: 'SD-X', message: expect.stringContaining('office') }]);
  });
});

describe('policiesUsingCalendar', () => {
  it('finds policies by their default calendar and by calendars named on a level', () => {
    expect([...policiesUsingCalendar([policy], 'office')]).toEqual(['test']);
    expect([...policiesUsingCalendar([policy], 'always')]).toEqual(['test']);
    expect([...policiesUsingCalendar([policy], 'other')]).toEqual([]);
  });
});
