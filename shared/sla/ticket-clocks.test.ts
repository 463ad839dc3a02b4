import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeClocks } from './clocks';
import { describeClocksProblem, ticketClocks } from './ticket-clocks';
import { HOUR, MON_0900, makeTicket, testCalendars, testPolicy } from './clocks-fixtures.test-support';

const policy = testPolicy();
const config = { policies: new Map([[policy.id, policy]]), calendars: testCalendars };

describe('ticketClocks', () => {
  it('gives exactly the clocks computeClocks gives when the configuration is complete', () => {
    const t = makeTicket();
    const r = ticketClocks(t, config, MON_0900 + 3 * HOUR);
    expect(r.problem).toBeUndefined();
    expect(r.clocks).toEqual(computeClocks(t, policy, MON_0900 + 3 * HOUR, testCalendars));
    expect(r.clocks.map((c) => c.kind)).toContain('resolution');
  });

  it('names a missing policy instead of returning a silent empty list', () => {
    const r = ticketClocks(makeTicket({ policyId: 'gone' }), config, MON_0900);
    expect(r).toEqual({ clocks: [], problem: { kind: 'no_policy', policyId: 'gone' } });
    expect(describeClocksProblem(r.problem!)).toContain('"gone"');
  });

  it('names a calendar the policy uses that is not loaded', () => {
    const r = ticketClocks(makeTicket(), { policies: config.policies, calendars: { always: testCalendars['always']! } }, MON_0900);
    expect(r.clocks).toEqual([]);
    expect(r.problem).toEqual({ kind: 'no_calendar', calendarId: 'office' });
  });

  it('names a severity the policy has no level for', () => {
    const t = { ...makeTicket(), severity: '9' };
    expect(ticketClocks(t, config, MON_0900).problem).toEqual({ kind: 'no_level', severity: '9' });
  });

  it('accepts policies as a plain record too', () => {
    expect(ticketClocks(makeTicket(), { policies: { test: policy }, calendars: testCalendars }, MON_0900).problem).toBeUndefined();
  });

  it('never throws, whichever part of the configuration is missing, and has clocks exactly when nothing is', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.subarray(Object.keys(testCalendars)), fc.constantFrom('edown', '1', '2', '3', 'x'), fc.integer({ min: 0, max: 30 * 24 }), (withPolicy, calendarIds, severity, hours) => {
        const calendars = Object.fromEntries(calendarIds.map((id) => [id, testCalendars[id]!]));
        const t = { ...makeTicket({ severity: severity === 'x' ? '1' : severity }), severity };
        const r = ticketClocks(t, { policies: withPolicy ? config.policies : new Map(), calendars }, MON_0900 + hours * HOUR);
        let expected: unknown[] | undefined;
        try {
          expected = withPolicy ? computeClocks(t, policy, MON_0900 + hours * HOUR, calendars) : undefined;
        } catch {
          expected = undefined;
        }
        if (expected) expect({ clocks: r.clocks, policy: r.policy, problem: r.problem, terms: r.entitlement?.terms }).toEqual({ clocks: expected, policy, problem: undefined, terms: 'policy' });
        else expect(r.problem).toBeDefined();
      }),
      { numRuns: 200 },
    );
  });
});
