import { describe, expect, it } from 'vitest';
import { presetConfig } from '../config/preset-config';
import { computeClocks } from '../sla/clocks';
import { ticketSchema } from '../ticket/schema';
import { timelineEventSchema } from '../ticket/timeline';
import { demoEngineers } from './catalogue';
import { demoScenarioTickets } from './scenarios';

const config = presetConfig();
const policies = new Map(Object.entries(config.policies));
const rules = { calendars: config.calendars, matrices: Object.values(config.escalationMatrices) };
const MIN = 60_000;

describe('demo scenario tickets', () => {
  // Any generation time: the obligations they show are anchored to it.
  for (const now of [Date.UTC(2026, 5, 15, 10, 0), Date.UTC(2026, 11, 5, 23, 30), Date.UTC(2027, 2, 1, 4, 0)]) {
    it(`anchored to ${new Date(now).toISOString()}: a first response due within the hour, a paused clock, met targets, an RFO requested and one delivered, a deferral and the SPR at M2`, () => {
      const demo = demoScenarioTickets({ now, policies, firstNumber: 61, engineers: demoEngineers, rules });
      for (const d of demo) {
        expect(ticketSchema.safeParse(d.ticket).success, d.ticket.id).toBe(true);
        for (const e of d.events) expect(timelineEventSchema.safeParse(e).success, e.id).toBe(true);
      }
      const clocks = demo.map((d) => ({ t: d.ticket, c: computeClocks(d.ticket, policies.get(d.ticket.policyId) ?? [...policies.values()][0]!, now, config.calendars) }));
      expect(clocks.some(({ c }) => c.some((k) => k.state === 'running' && k.target !== undefined && k.target > now && k.target - now <= 60 * MIN))).toBe(true);
      expect(clocks.some(({ c }) => c.some((k) => k.state === 'paused'))).toBe(true);
      expect(clocks.some(({ t, c }) => t.status === 'resolved' && c.every((k) => k.state !== 'breached') && c.some((k) => k.kind === 'resolution' && k.state === 'met'))).toBe(true);
      expect(clocks.some(({ c }) => c.some((k) => k.kind === 'rfo' && k.state === 'running'))).toBe(true);
      expect(clocks.some(({ c }) => c.some((k) => k.kind === 'rfo' && k.state === 'met'))).toBe(true);
      expect(demo.some((d) => d.events.some((e) => e.kind === 'deferred'))).toBe(true);
      // At M2 (where the E-Down policy asks for the SPR), with the SPR named.
      const m2 = config.policies['enterprise-edown']?.defectReference?.requiredFromLevel ?? Infinity;
      expect(demo.some((d) => d.ticket.defectReference && d.ticket.escalationLevel >= m2)).toBe(true);
      // None of them is breached: they show obligations being kept.
      expect(clocks.filter(({ c }) => c.some((k) => k.state === 'breached')).map(({ t }) => t.id)).toEqual([]);
    });
  }
});

describe('demo scenario tickets with internal hand-off steps', () => {
  it('one call with the receptionist\'s 5 minutes running and one with the engineer, under the policy with internal steps', async () => {
    const { internalContext, internalStatus } = await import('../internal-clocks');
    const now = Date.UTC(2026, 5, 15, 10, 0);
    const demo = demoScenarioTickets({ now, policies, firstNumber: 61, engineers: demoEngineers, rules });
    const states = demo.filter((d) => d.ticket.customerId === 'cust-andes').flatMap((d) => {
      const ctx = internalContext(d.ticket, { policies: config.policies, calendars: config.calendars });
      return ctx ? [internalStatus(d.ticket, ctx.process, ctx.meter, now)] : [];
    });
    expect(states.map((s) => [s.current?.step, s.current?.state, s.current?.person])).toEqual([
      ['reception_to_specialist', 'running', 'eng-rosa'],
      ['engineer_reports_completion', 'waiting', 'eng-rosa'],
    ]);
  });
});
