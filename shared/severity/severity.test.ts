import { describe, expect, it } from 'vitest';
import { changeSeverity } from './change';
import { validateEDown } from './e-down';
import { whatIfSeverity } from './what-if';
import { makeTicket, testCalendars, testPolicy, MON_0900 } from '../sla/clocks-fixtures.test-support';
import { initialPriority, priorityFor } from '../policy/priority';
import type { EDownAnswers } from '../ticket/schema';

const policy = testPolicy();
const at = (d: number, h: number, m = 0): number => Date.UTC(2026, 2, d, h, m);
const answers: EDownAnswers = {
  reason: 'server_unresponsive_or_exiting',
  usersTotal: 400,
  usersAffected: 380,
  actionsTaken: 'Restarted the application server twice',
  downSince: at(2, 8),
  technicalContact: 'Dana Ops, +1 555 0100, dana@example.com',
};

describe('priority', () => {
  it('comes from the impact x urgency matrix, raised to the contract tier floor', () => {
    expect(priorityFor(policy, 'degradation', 'low')).toBe('p3');
    expect(initialPriority(policy, 'degradation', 'low', '7x24_hotline')).toBe('p2');
    expect(initialPriority(policy, 'service_affecting', 'high', '7x24_hotline')).toBe('p1');
    expect(initialPriority(policy, 'degradation', 'low', 'business_hours')).toBe('p3');
  });
});

const ctx = (now: number, by = 'eng-1') => ({ now, by, eventId: `ev-${now}` });

/** Runs the command and fails the test with the refusal's reason when it refuses. */
function applied(r: ReturnType<typeof changeSeverity>) {
  if (!r.ok) throw new Error(r.refusal.message);
  return r;
}

describe('changeSeverity (the severity command)', () => {
  it('records who, when and why, appends to the history and re-derives priority', () => {
    const t = makeTicket({ severity: '3', impact: 'non_service_affecting', urgency: 'low', priority: 'p3' });
    const { ticket, event, fields } = applied(changeSeverity(t, { severity: '2', impact: 'degradation', urgency: 'high', reason: ' packet loss rising ' }, { policy }, ctx(at(2, 10), 'eng-7')));
    expect(ticket).toMatchObject({ severity: '2', impact: 'degradation', urgency: 'high', priority: 'p1', updatedAt: at(2, 10) });
    expect(ticket.sla.severityHistory).toEqual([
      { at: MON_0900, severity: '3' },
      { at: at(2, 10), severity: '2' },
    ]);
    expect(event).toMatchObject({ id: `ev-${at(2, 10)}`, kind: 'severity_changed', by: 'eng-7', at: at(2, 10), reason: 'packet loss rising', from: { severity: '3', priority: 'p3' }, to: { severity: '2', priority: 'p1' } });
    expect(fields).toEqual(['severity', 'impact', 'urgency', 'priority', 'sla', 'updatedAt']);
    expect(t.severity).toBe('3');
  });

  it('keeps the priority when only severity changes: 2 -> 1 on a critical ticket stays critical', () => {
    // The matrix says degradation/low is p3, but this ticket was raised to p1 (critical): re-grading
    // the severity alone must not silently drop it.
    const t = makeTicket({ severity: '2', impact: 'degradation', urgency: 'low', priority: 'p1' });
    expect(applied(changeSeverity(t, { severity: '1', reason: 'customer asked' }, { policy }, ctx(at(2, 10)))).ticket.priority).toBe('p1');
    expect(applied(changeSeverity(t, { severity: '3', impact: 'degradation', urgency: 'low', reason: 'calmer' }, { policy }, ctx(at(2, 10)))).ticket.priority).toBe('p1');
  });

  it('when impact or urgency change the matrix decides, raised to the contract tier floor; an unknown tier never lowers', () => {
    const t = makeTicket({ severity: '2', impact: 'degradation', urgency: 'high', priority: 'p1' });
    const lower = { severity: '2', impact: 'non_service_affecting' as const, urgency: 'low' as const, reason: 'only a test system' };
    expect(applied(changeSeverity(t, lower, { policy, tier: 'business_hours' }, ctx(at(2, 10)))).ticket.priority).toBe('p3');
    expect(applied(changeSeverity(t, lower, { policy, tier: '7x24_hotline' }, ctx(at(2, 10)))).ticket.priority).toBe('p2');
    expect(applied(changeSeverity(t, lower, { policy }, ctx(at(2, 10)))).ticket.priority).toBe('p1');
    const low = makeTicket({ impact: 'non_service_affecting', urgency: 'low', priority: 'p3' });
    expect(applied(changeSeverity(low, { impact: 'service_affecting', urgency: 'high', reason: 'all sites' }, { policy }, ctx(at(2, 10)))).ticket.priority).toBe('p1');
  });

  it('refuses, with a code and a reason, a change without a reason, to an unknown level, or on a closed ticket', () => {
    const t = makeTicket({ severity: '3' });
    const refusal = (r: ReturnType<typeof changeSeverity>) => (r.ok ? undefined : r.refusal);
    expect(refusal(changeSeverity(t, { severity: '2', reason: '  ' }, { policy }, ctx(at(2, 10))))).toMatchObject({ code: 'reason_required' });
    expect(refusal(changeSeverity(t, { severity: '7', reason: 'x' }, { policy }, ctx(at(2, 10))))).toMatchObject({ code: 'unknown_level', message: expect.stringMatching(/severity "7" is not a level/) });
    expect(refusal(changeSeverity(makeTicket({ status: 'closed' }), { severity: '2', reason: 'x' }, { policy }, ctx(at(2, 10))))).toMatchObject({ code: 'ticket_closed', message: expect.stringMatching(/closed/) });
    expect(refusal(changeSeverity(makeTicket({ status: 'closed' }), { severity: '2', reason: 'x' }, { policy: undefined }, ctx(at(2, 10))))).toMatchObject({ code: 'ticket_closed' });
    expect(refusal(changeSeverity(t, { severity: '2', reason: 'x' }, { policy }, ctx(at(2, 10), ' ')))).toMatchObject({ code: 'author_required' });
  });

  it('asking for the grading the ticket already has changes nothing (a replay is harmless)', () => {
    const t = makeTicket({ severity: '3' });
    const r = applied(changeSeverity(t, { severity: '3', reason: 'x' }, { policy }, ctx(at(2, 10))));
    expect(r.ticket).toBe(t);
    expect(r.fields).toEqual([]);
    expect(r.event).toBeUndefined();
  });

  it('without the policy on this device the change is applied as asked, priority kept', () => {
    const t = makeTicket({ severity: '3', impact: 'degradation', urgency: 'low', priority: 'p3' });
    const r = applied(changeSeverity(t, { severity: '1', impact: 'service_affecting', urgency: 'high', reason: 'site down' }, { policy: undefined }, ctx(at(2, 10))));
    expect(r.ticket).toMatchObject({ severity: '1', impact: 'service_affecting', priority: 'p3' });
  });

  it('E-Down needs the complete questionnaire and then runs its clocks 24x7', () => {
    const t = makeTicket({ severity: '1' });
    const r = changeSeverity(t, { severity: 'edown', reason: 'all production stopped' }, { policy }, ctx(at(2, 10)));
    expect(r.ok ? undefined : r.refusal).toMatchObject({ code: 'edown_incomplete', message: expect.stringMatching(/Choose why production is down/) });
    const { ticket } = applied(changeSeverity(t, { severity: 'edown', reason: 'all production stopped', eDown: answers }, { policy }, ctx(at(2, 10))));
    expect(ticket.eDown).toEqual(answers);
    expect(ticket.severity).toBe('edown');
  });
});

describe('validateEDown', () => {
  const later = { atCreation: false, channel: 'portal' as const };
  it('explains every missing answer', () => {
    const problems = validateEDown(makeTicket(), { usersTotal: 10, usersAffected: 20 }, policy, later);
    expect(problems.join('\n')).toMatch(/Choose why production is down/);
    expect(problems.join('\n')).toMatch(/Users affected \(20\) cannot exceed the total users \(10\)/);
    expect(problems.join('\n')).toMatch(/actions taken so far/);
    expect(problems.join('\n')).toMatch(/since when the system has been down/);
    expect(problems.join('\n')).toMatch(/technical contact who can be reached for the whole incident/);
    expect(validateEDown(makeTicket(), answers, policy, later)).toEqual([]);
  });

  it('cannot be chosen when a case is first logged through the portal, only afterwards', () => {
    expect(validateEDown(makeTicket(), answers, policy, { atCreation: true, channel: 'portal' })).toEqual([
      'E-Down cannot be chosen when a case is first logged through the portal; log the case first, then raise it to E-Down.',
    ]);
    expect(validateEDown(makeTicket(), answers, policy, { atCreation: true, channel: 'phone' })).toEqual([]);
  });

  it('is refused by a policy without E-Down and for a resolved ticket', () => {
    const { eDown: _unused, ...rest } = policy;
    expect(validateEDown(makeTicket(), answers, { ...rest, severityLevels: rest.severityLevels.slice(1) }, later)).toEqual(['Policy "Test policy" does not offer E-Down.']);
    expect(validateEDown(makeTicket({ status: 'resolved' }), answers, policy, later)[0]).toMatch(/reopen it first/);
  });
});

describe('whatIfSeverity', () => {
  it("previews each clock's current and new target without changing the ticket", () => {
    const t = makeTicket({ severity: '3' });
    const before = structuredClone(t);
    const rows = whatIfSeverity(t, { severity: '1' }, policy, testCalendars, at(2, 10));
    const res = rows.find((r) => r.kind === 'resolution');
    expect(res?.current?.target).toBe(at(16, 17));
    expect(res?.proposed?.target).toBe(at(3, 17));
    const cadence = rows.find((r) => r.kind === 'update_cadence');
    expect(cadence?.current).toBeUndefined();
    expect(cadence?.proposed?.target).toBe(at(2, 9, 10));
    expect(t).toEqual(before);
  });
});
