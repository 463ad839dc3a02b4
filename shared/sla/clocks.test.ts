import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeClocks, type Clock } from './clocks';
import type { ClockKind } from './watch';
import { HOUR, MIN, MON_0900, makeTicket, testCalendars, testPolicy, testPolicyInput } from './clocks-fixtures.test-support';
import { policySchema } from '../policy/schema';
import { changeSeverity, type SeverityChange } from '../severity/change';
import type { Ticket } from '../ticket/schema';
import { transition } from '../ticket/status';

const policy = testPolicy();
const at = (d: number, h: number, m = 0): number => Date.UTC(2026, 2, d, h, m);

/** Re-grades through the severity command; a refusal fails the test with its reason. */
function regrade(t: Ticket, change: SeverityChange, now: number): Ticket {
  const r = changeSeverity(t, change, { policy }, { now, by: 'eng-1', eventId: `e-${now}` });
  if (!r.ok) throw new Error(r.refusal.message);
  return r.ticket;
}

function clock(clocks: Clock[], kind: ClockKind): Clock {
  const c = clocks.find((x) => x.kind === kind);
  if (!c) throw new Error(`no ${kind} clock`);
  return c;
}

describe('computeClocks', () => {
  it('runs on business time: a deadline skips the night and the weekend', () => {
    const t = makeTicket({ createdAt: at(6, 16) }); // Friday 16:00
    const fr = clock(computeClocks(t, policy, at(6, 18), testCalendars), 'first_response');
    expect(fr).toMatchObject({ state: 'running', startedAt: at(6, 16), target: at(9, 10), elapsedMinutes: 60, remainingMinutes: 60 });
    expect(fr.thresholdsCrossed).toEqual([50]);
    expect(fr).toMatchObject({ nextThreshold: 75, nextEventAt: at(9, 9, 30) });
  });

  it('names the next warning threshold, then the breach, then reports a negative remainder', () => {
    const t = makeTicket();
    const fr = (now: number): Clock => clock(computeClocks(t, policy, now, testCalendars), 'first_response');
    expect(fr(at(2, 9, 30))).toMatchObject({ state: 'running', nextThreshold: 50, nextEventAt: at(2, 10), thresholdsCrossed: [] });
    expect(fr(at(2, 10))).toMatchObject({ nextThreshold: 75, nextEventAt: at(2, 10, 30), thresholdsCrossed: [50] });
    expect(fr(at(2, 10, 45))).toMatchObject({ nextThreshold: 100, nextEventAt: at(2, 11) });
    const late = fr(at(2, 11, 30));
    expect(late).toMatchObject({ state: 'breached', remainingMinutes: -30, elapsedMinutes: 150, thresholdsCrossed: [50, 75, 100] });
    expect(late.nextEventAt).toBeUndefined();
  });

  it('met and breached clocks record when they finished', () => {
    const met = makeTicket({ sla: { respondedAt: at(2, 10) } });
    expect(clock(computeClocks(met, policy, at(3, 9), testCalendars), 'first_response')).toMatchObject({ state: 'met', completedAt: at(2, 10), elapsedMinutes: 60, remainingMinutes: 60 });
    const late = makeTicket({ sla: { respondedAt: at(2, 12) } });
    expect(clock(computeClocks(late, policy, at(3, 9), testCalendars), 'first_response')).toMatchObject({ state: 'breached', remainingMinutes: -60 });
  });

  it('pauses while waiting for the customer when the policy says so, and only those clocks', () => {
    const t = makeTicket({ sla: { respondedAt: at(2, 9, 5), pauses: [{ from: at(2, 10), to: at(2, 12) }] } });
    const clocks = computeClocks(t, policy, at(2, 12, 30), testCalendars);
    expect(clock(clocks, 'online_resolution')).toMatchObject({ state: 'running', target: at(2, 15), elapsedMinutes: 90, remainingMinutes: 150, nextEventAt: at(2, 13) });
    expect(clock(clocks, 'resolution')).toMatchObject({ target: at(5, 11) }); // Tue 17:00 + 2 h, Wednesday is a holiday
    expect(clock(clocks, 'first_response')).toMatchObject({ state: 'met', target: at(2, 11) }); // not paused by this policy
  });

  it('a clock paused right now shows the deadline if the wait ended now and arms nothing', () => {
    const t = makeTicket({ status: 'waiting_customer', sla: { respondedAt: at(2, 9, 5), pauses: [{ from: at(2, 10) }] } });
    const online = clock(computeClocks(t, policy, at(2, 11), testCalendars), 'online_resolution');
    expect(online).toMatchObject({ state: 'paused', target: at(2, 14), elapsedMinutes: 60, remainingMinutes: 180 });
    expect(online.nextEventAt).toBeUndefined();
  });

  it('paused time is never lost when severity changes', () => {
    let t = makeTicket({ severity: '2', sla: { respondedAt: at(2, 9, 5), pauses: [{ from: at(2, 10), to: at(2, 12) }] } });
    expect(clock(computeClocks(t, policy, at(2, 12, 30), testCalendars), 'resolution').target).toBe(at(9, 11));
    t = regrade(t, { severity: '1', reason: 'whole site down now' }, at(2, 12, 30));
    const res = clock(computeClocks(t, policy, at(2, 12, 45), testCalendars), 'resolution');
    expect(res).toMatchObject({ severity: '1', startedAt: MON_0900, target: at(5, 11), elapsedMinutes: 105 });
  });

  it('paused time is never lost when the policy changes', () => {
    const input = testPolicyInput();
    const other = policySchema.parse({ ...input, id: 'other', severityLevels: input.severityLevels.map((l) => (l.id === '1' ? { ...l, targets: { resolution: { unit: 'business_minutes', value: 480 } } } : l)) });
    const t = makeTicket({ policyId: 'other', sla: { pauses: [{ from: at(2, 10), to: at(2, 12) }] } });
    expect(clock(computeClocks(t, other, at(2, 12, 30), testCalendars), 'resolution')).toMatchObject({ target: at(3, 11), elapsedMinutes: 90 });
  });

  it('a severity change re-targets running clocks from their original start (no reset)', () => {
    let t = makeTicket({ severity: '3' });
    expect(clock(computeClocks(t, policy, at(2, 10), testCalendars), 'resolution').target).toBe(at(16, 17)); // 10 open days, Wednesday 4th closed
    t = regrade(t, { severity: '1', reason: 'production stopped' }, at(2, 10));
    const clocks = computeClocks(t, policy, at(2, 10, 30), testCalendars);
    expect(clock(clocks, 'resolution')).toMatchObject({ startedAt: MON_0900, target: at(3, 17), elapsedMinutes: 90 });
    expect(clock(clocks, 'first_response')).toMatchObject({ startedAt: MON_0900, target: at(2, 11) });
    expect(clock(clocks, 'online_resolution')).toMatchObject({ startedAt: MON_0900, target: at(2, 13) });
  });

  it('a finished clock keeps the target of the severity it finished under', () => {
    let t = makeTicket({ severity: '3', sla: { respondedAt: at(2, 13) } });
    t = regrade(t, { severity: '1', reason: 'escalated by customer' }, at(2, 14));
    expect(clock(computeClocks(t, policy, at(2, 15), testCalendars), 'first_response')).toMatchObject({ state: 'met', severity: '3', target: at(2, 17) });
  });

  it("one clock's reset never disturbs another", () => {
    let t = makeTicket({ status: 'acknowledged', sla: { respondedAt: at(2, 9, 5) } });
    t = transition(t, 'in_progress', at(2, 9, 6), 'eng-1').ticket;
    const before = computeClocks(t, policy, at(2, 9, 20), testCalendars);
    const updated = { ...t, sla: { ...t.sla, customerUpdates: [at(2, 9, 8)] } };
    const after = computeClocks(updated, policy, at(2, 9, 20), testCalendars);
    expect(clock(after, 'update_cadence')).toMatchObject({ startedAt: at(2, 9, 8), target: at(2, 9, 38) });
    for (const k of ['first_response', 'online_resolution', 'resolution'] as const) expect(clock(after, k)).toEqual(clock(before, k));
    // Reopening restarts resolution from its original start; the met first response is untouched.
    const resolved = transition(t, 'resolved', at(2, 12), 'eng-1').ticket;
    const reopened = transition(resolved, 'in_progress', at(2, 14), 'customer', 'not fixed').ticket;
    const r = computeClocks(reopened, policy, at(2, 14), testCalendars);
    expect(clock(r, 'resolution')).toMatchObject({ state: 'running', startedAt: MON_0900, target: at(3, 17) });
    expect(clock(r, 'first_response')).toEqual(clock(before, 'first_response'));
  });

  it('update cadence: 10 -> 30 -> 60 minutes from the last customer update, then every 60', () => {
    const cadence = (updates: number[], now: number): Clock => clock(computeClocks(makeTicket({ sla: { customerUpdates: updates } }), policy, now, testCalendars), 'update_cadence');
    expect(cadence([], at(2, 9, 5))).toMatchObject({ state: 'running', unit: 'elapsed_minutes', target: at(2, 9, 10) });
    expect(cadence([at(2, 9, 8)], at(2, 9, 9))).toMatchObject({ target: at(2, 9, 38) });
    expect(cadence([at(2, 9, 8), at(2, 9, 30)], at(2, 9, 31))).toMatchObject({ target: at(2, 10, 30) });
    expect(cadence([at(2, 9, 8), at(2, 9, 30), at(2, 10)], at(2, 10, 1))).toMatchObject({ target: at(2, 11) });
    expect(cadence([at(2, 9, 8)], at(2, 9, 40))).toMatchObject({ state: 'breached', remainingMinutes: -2 });
  });

  it('chained: the on-site clock starts when the online window ends unresolved', () => {
    const t = makeTicket({ sla: { respondedAt: at(2, 9, 5) } });
    expect(clock(computeClocks(t, policy, at(2, 12), testCalendars), 'on_site_arrival')).toMatchObject({ state: 'pending', elapsedMinutes: 0, remainingMinutes: 1440 });
    const running = clock(computeClocks(t, policy, at(2, 14), testCalendars), 'on_site_arrival');
    expect(running).toMatchObject({ state: 'running', startedAt: at(2, 13), target: at(3, 13), unit: 'elapsed_minutes', elapsedMinutes: 60 });
    const arrived = { ...t, sla: { ...t.sla, arrivedAt: at(3, 9) } };
    expect(clock(computeClocks(arrived, policy, at(3, 10), testCalendars), 'on_site_arrival')).toMatchObject({ state: 'met', completedAt: at(3, 9) });
    const fixedInTime = { ...t, sla: { ...t.sla, resolvedAt: at(2, 12) } };
    expect(clock(computeClocks(fixedInTime, policy, at(3, 10), testCalendars), 'on_site_arrival').state).toBe('pending');
  });

  it('chained: the on-site clock starts when a visit is requested by hand', () => {
    const t = makeTicket({ sla: { onSiteRequestedAt: at(2, 10) } });
    expect(clock(computeClocks(t, policy, at(2, 11), testCalendars), 'on_site_arrival')).toMatchObject({ state: 'running', startedAt: at(2, 10), target: at(3, 10) });
  });

  it('on-site within working days for level 2: three open dates after the window ended', () => {
    const t = makeTicket({ severity: '2' });
    const c = clock(computeClocks(t, policy, at(3, 10), testCalendars), 'on_site_arrival');
    expect(c).toMatchObject({ state: 'running', startedAt: at(2, 17), target: at(6, 17), unit: 'working_days', totalMinutes: 3 * 480 });
  });

  it('RFO: due 5 working days after the request, pending until requested', () => {
    const t = makeTicket({ sla: { resolvedAt: at(2, 12) } });
    expect(clock(computeClocks(t, policy, at(2, 13), testCalendars), 'rfo')).toMatchObject({ state: 'pending', totalMinutes: 4 * 60 + 5 * 480 }); // as if asked now: rest of today + 5 days
    const asked = { ...t, sla: { ...t.sla, rfoRequestedAt: at(2, 13) } };
    expect(clock(computeClocks(asked, policy, at(2, 14), testCalendars), 'rfo')).toMatchObject({ state: 'running', target: at(10, 17) });
    const delivered = { ...asked, sla: { ...asked.sla, rfoDeliveredAt: at(9, 16) } };
    expect(clock(computeClocks(delivered, policy, at(11, 9), testCalendars), 'rfo')).toMatchObject({ state: 'met', completedAt: at(9, 16) });
  });

  it('electronic channel: a portal case at level 2 is answered by the end of the next working day', () => {
    const portal = makeTicket({ severity: '2', channel: 'portal' });
    expect(clock(computeClocks(portal, policy, at(2, 10), testCalendars), 'first_response').target).toBe(at(3, 17));
    const phone = makeTicket({ severity: '2' });
    expect(clock(computeClocks(phone, policy, at(2, 10), testCalendars), 'first_response').target).toBe(at(2, 13));
  });

  it('a level with its own calendar runs 24x7 (E-Down outside office hours)', () => {
    const t = makeTicket({ severity: 'edown', createdAt: at(6, 16) });
    const clocks = computeClocks(t, policy, at(6, 17), testCalendars);
    expect(clock(clocks, 'resolution')).toMatchObject({ calendarId: 'always', target: at(6, 20) });
    expect(clocks.map((c) => c.kind)).toEqual(['first_response', 'resolution']);
  });

  it('rejects an unknown severity, a missing calendar and the wrong policy with clear errors', () => {
    expect(() => computeClocks(makeTicket({ severity: '9' }), policy, MON_0900, testCalendars)).toThrow(/severity "9" is not a level of policy "test"/);
    expect(() => computeClocks(makeTicket(), policy, MON_0900, {})).toThrow(/calendar "office", which is not loaded/);
    expect(() => computeClocks(makeTicket({ policyId: 'x' }), policy, MON_0900, testCalendars)).toThrow(/follows policy "x"/);
  });
});

// Brute force: step minute by minute over the office calendar (UTC, Mon–Fri 09–17, 4 March closed).
function openMinute(t: number): boolean {
  const d = new Date(t);
  const wd = d.getUTCDay();
  const h = d.getUTCHours();
  return wd >= 1 && wd <= 5 && h >= 9 && h < 17 && !(d.getUTCMonth() === 2 && d.getUTCDate() === 4);
}

describe('computeClocks against a minute-stepping reference', () => {
  it('business-time targets subtract exactly the paused open time (property)', () => {
    const start0 = Date.UTC(2026, 2, 1);
    const arb = fc.record({
      startMin: fc.integer({ min: 0, max: 14 * 1440 }),
      allowance: fc.integer({ min: 1, max: 2400 }),
      pauses: fc.array(fc.record({ offset: fc.integer({ min: 0, max: 6 * 1440 }), length: fc.integer({ min: 1, max: 2000 }) }), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(arb, ({ startMin, allowance, pauses }) => {
        const createdAt = start0 + startMin * MIN;
        const ps = pauses.map((p) => ({ from: createdAt + p.offset * MIN, to: createdAt + (p.offset + p.length) * MIN }));
        const input = testPolicyInput();
        const pol = policySchema.parse({ ...input, severityLevels: [{ id: '1', label: 'S1', targets: { resolution: { unit: 'business_minutes', value: allowance } } }], eDown: undefined });
        const t = makeTicket({ createdAt, sla: { pauses: ps } });
        const now = createdAt + 90 * 1440 * MIN;
        const res = clock(computeClocks(t, pol, now, testCalendars), 'resolution');
        let counted = 0;
        let m = createdAt;
        for (; counted < allowance; m += MIN) if (openMinute(m) && !ps.some((p) => m >= p.from && m < p.to)) counted++;
        expect(res.target).toBe(m);
        expect(res.remainingMinutes).toBeLessThan(0);
        expect(res.elapsedMinutes + res.remainingMinutes).toBeCloseTo(allowance, 9);
      }),
      { numRuns: 300 },
    );
  });

  it('elapsed plus remaining always equals the allowance while running (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5 * 24 * 60 }), (offsetMin) => {
        const t = makeTicket({ severity: '3', sla: { pauses: [{ from: at(2, 11), to: at(3, 10) }] } });
        const res = clock(computeClocks(t, policy, MON_0900 + offsetMin * MIN, testCalendars), 'resolution');
        expect(res.elapsedMinutes + res.remainingMinutes).toBeCloseTo(4800, 6);
        expect(res.elapsedMinutes).toBeGreaterThanOrEqual(0);
      }),
    );
    expect(HOUR).toBe(60 * MIN);
  });
});
