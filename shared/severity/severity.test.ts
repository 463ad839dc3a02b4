import { describe, expect, it } from 'vitest';
import { changeSeverity } from './change';
import { EDownRejectedError, validateEDown } from './e-down';
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

describe('changeSeverity', () => {
  it('records who, when and why, appends to the history and re-derives priority', () => {
    const t = makeTicket({ severity: '3', impact: 'non_service_affecting', urgency: 'low', priority: 'p3' });
    const { ticket, event } = changeSeverity(t, { severity: '2', impact: 'degradation', urgency: 'high', reason: ' packet loss rising ' }, policy, at(2, 10), 'eng-7');
    expect(ticket).toMatchObject({ severity: '2', impact: 'degradation', urgency: 'high', priority: 'p1', updatedAt: at(2, 10) });
    expect(ticket.sla.severityHistory).toEqual([
      { at: MON_0900, severity: '3' },
      { at: at(2, 10), severity: '2' },
    ]);
    expect(event).toMatchObject({ kind: 'severity_changed', by: 'eng-7', at: at(2, 10), reason: 'packet loss rising', from: { severity: '3', priority: 'p3' }, to: { severity: '2', priority: 'p1' } });
    expect(t.severity).toBe('3');
  });

  it('keeps the priority when only severity changes (a tier floor is not lost)', () => {
    const t = makeTicket({ severity: '3', impact: 'degradation', urgency: 'low', priority: 'p2' });
    expect(changeSeverity(t, { severity: '2', reason: 'customer asked' }, policy, at(2, 10), 'eng-1').ticket.priority).toBe('p2');
  });

  it('rejects a change without a reason, to an unknown level, or with nothing to change', () => {
    const t = makeTicket({ severity: '3' });
    expect(() => changeSeverity(t, { severity: '2', reason: '  ' }, policy, at(2, 10), 'eng-1')).toThrow(/needs a reason/);
    expect(() => changeSeverity(t, { severity: '7', reason: 'x' }, policy, at(2, 10), 'eng-1')).toThrow(/severity "7" is not a level/);
    expect(() => changeSeverity(t, { severity: '3', reason: 'x' }, policy, at(2, 10), 'eng-1')).toThrow(/nothing to change/);
    expect(() => changeSeverity(makeTicket({ status: 'closed' }), { severity: '2', reason: 'x' }, policy, at(2, 10), 'eng-1')).toThrow(/closed/);
  });

  it('E-Down needs the complete questionnaire and then runs its clocks 24x7', () => {
    const t = makeTicket({ severity: '1' });
    expect(() => changeSeverity(t, { severity: 'edown', reason: 'all production stopped' }, policy, at(2, 10), 'eng-1')).toThrow(EDownRejectedError);
    const { ticket } = changeSeverity(t, { severity: 'edown', reason: 'all production stopped', eDown: answers }, policy, at(2, 10), 'eng-1');
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
