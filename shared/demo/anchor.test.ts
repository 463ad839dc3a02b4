// The first-run demo set, made with the app's rules, looks like a desk on an ordinary day at the
// moment it is made: some cases breaching within the hour, some paused, most on track or resolved
// within target, a few breached recently (not by days), under every policy.
import { describe, expect, it } from 'vitest';
import { presetConfig } from '../config/preset-config';
import { ticketClocks } from '../sla/ticket-clocks';
import { ticketSchema } from '../ticket/schema';
import { momentOf, type DemoMoment } from './anchor';
import { demoAssets, demoCatalogue, demoContracts, demoSites } from './contracts';
import { demoCustomers } from './catalogue';
import { generateDemoData, type DemoRules } from './index';

const config = presetConfig();
const policies = new Map(Object.entries(config.policies));
const byId = <T extends { id: string }>(rows: readonly T[]) => new Map(rows.map((r) => [r.id, r]));
const contracts = { products: byId(demoCatalogue), customers: byId(demoCustomers), sites: byId(demoSites), assets: byId(demoAssets), contracts: byId(demoContracts) };
const rules: DemoRules = { calendars: config.calendars, matrices: Object.values(config.escalationMatrices), contracts };
const desk = { ...config, ...contracts };
const HOUR = 3_600_000;

/** Counts of each moment per policy and overall. */
function mixAt(now: number) {
  const { tickets } = generateDemoData({ tickets: 60, now, policies, rules });
  const total: Record<DemoMoment, number> = { due_within_hour: 0, paused: 0, on_track: 0, breached_recently: 0, resolved_met: 0 };
  const perPolicy = new Map<string, Set<DemoMoment>>();
  let oldestBreachHours = 0;
  for (const t of tickets) {
    const m = momentOf(t, desk, now);
    total[m]++;
    perPolicy.set(t.policyId, (perPolicy.get(t.policyId) ?? new Set()).add(m));
    if (m === 'breached_recently') {
      const breachedAt = Math.min(...ticketClocks(t, desk, now).clocks.filter((c) => c.state === 'breached' && c.completedAt === undefined).map((c) => c.target ?? now));
      oldestBreachHours = Math.max(oldestBreachHours, (now - breachedAt) / HOUR);
    }
  }
  return { tickets, total, perPolicy, oldestBreachHours };
}

describe('demo tickets anchored to the moment the demo is made', () => {
  it('a Monday morning in Europe: the mix for seed 42', () => {
    const now = Date.UTC(2026, 5, 15, 8, 30);
    const { tickets, total, perPolicy, oldestBreachHours } = mixAt(now);
    for (const t of tickets) expect(ticketSchema.safeParse(t).success, t.id).toBe(true);
    expect(total).toEqual({ due_within_hour: 7, paused: 12, on_track: 18, breached_recently: 5, resolved_met: 18 });
    // Breached ones breached within the last 12 hours, never by days.
    expect(oldestBreachHours).toBeLessThanOrEqual(12);
    // Every policy's tickets show more than one moment (not all breached, not all quiet).
    for (const [policy, moments] of perPolicy) expect(moments.size, policy).toBeGreaterThan(1);
    expect(perPolicy.size).toBe(new Set(demoCustomers.map((c) => c.policyId)).size);
  });

  it('at any hour, fewer than two in five open tickets are breached and some are paused', () => {
    for (const hour of [0, 6, 13, 20]) {
      const now = Date.UTC(2026, 5, 17, hour, 15);
      const { total } = mixAt(now);
      const open = total.due_within_hour + total.paused + total.on_track + total.breached_recently;
      expect(total.breached_recently / open, `at ${hour}:15 UTC`).toBeLessThan(2 / 5);
      expect(total.due_within_hour, `at ${hour}:15 UTC`).toBeGreaterThan(0);
      expect(total.paused, `at ${hour}:15 UTC`).toBeGreaterThan(0);
      expect(total.resolved_met, `at ${hour}:15 UTC`).toBeGreaterThan(0);
    }
  });

  it('is the same for the same seed and moment', () => {
    const now = Date.UTC(2026, 5, 15, 8, 30);
    expect(generateDemoData({ tickets: 60, now, policies, rules })).toEqual(generateDemoData({ tickets: 60, now, policies, rules }));
  });
});
