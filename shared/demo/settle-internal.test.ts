import { describe, expect, it } from 'vitest';
import { presetConfig } from '../config/preset-config';
import { internalContext, internalStatus, noProgressDue } from '../internal-clocks';
import { demoCustomers, demoEngineers } from './catalogue';
import { demoAssets, demoContracts, demoSites } from './contracts';

import { generateDemoData } from './generate';
import { demoScenarioTickets } from './scenarios';

const config = presetConfig();
const policies = new Map(Object.entries(config.policies));
const contracts = { customers: Object.fromEntries(demoCustomers.map((c) => [c.id, c])), sites: Object.fromEntries(demoSites.map((s) => [s.id, s])), assets: Object.fromEntries(demoAssets.map((a) => [a.id, a])), contracts: Object.fromEntries(demoContracts.map((c) => [c.id, c])) };
const rules = { calendars: config.calendars, matrices: Object.values(config.escalationMatrices), contracts };
const MIN = 60_000;
const WORKING = new Set(['received', 'acknowledged', 'in_progress', 'waiting_customer']);

describe('demo tickets under a policy with internal hand-off steps', () => {
  // Any generation time, day or night, weekday or Sunday.
  for (const now of [Date.UTC(2026, 5, 15, 10, 0), Date.UTC(2026, 11, 6, 22, 40), Date.UTC(2027, 2, 1, 4, 0)]) {
    it(`generated at ${new Date(now).toISOString()}: older calls were handed on in time, so the app opens without "your turn" breaches or a no-progress escalation to record`, () => {
      const demo = generateDemoData({ tickets: 200, now, policies, rules });
      const all = [...demo.tickets, ...demoScenarioTickets({ now, policies, firstNumber: 201, engineers: demoEngineers, rules }).map((d) => d.ticket)];
      const full = { policies, calendars: config.calendars, ...contracts };
      let withSteps = 0;
      for (const t of all) {
        const ctx = internalContext(t, full);
        if (!ctx || !WORKING.has(t.status)) continue;
        withSteps++;
        const status = internalStatus(t, ctx.process, ctx.meter, now);
        expect(status.current?.state, t.id).not.toBe('breached');
        expect(noProgressDue(status, now), t.id).toBeUndefined();
        // A call older than the first step's minutes has reached the engineer.
        if (now - t.createdAt >= 5 * MIN) expect(status.current?.step, t.id).not.toBe('reception_to_specialist');
      }
      expect(withSteps).toBeGreaterThan(3);
    });
  }
});
