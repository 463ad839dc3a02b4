// Loads every policy preset the app ships and runs its clocks on the shipped calendar presets.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePolicy, policyCalendarIds, type Policy } from '../../shared/policy';
import { calendarPresetSchema, computeClocks, type CalendarLookup } from '../../shared/sla';
import { makeTicket } from '../../shared/sla/clocks-fixtures.test-support';

const root = join(import.meta.dirname, '../../resources/presets');
const readDir = (dir: string): [string, unknown][] =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f, JSON.parse(readFileSync(join(root, dir, f), 'utf8')) as unknown]);

const calendars: CalendarLookup = Object.fromEntries(readDir('calendars').map(([, raw]) => {
  const p = calendarPresetSchema.parse(raw);
  return [p.id, p.calendar];
}));
const files = readDir('policies');
const policies = new Map<string, Policy>(files.map(([, raw]) => {
  const p = parsePolicy(raw);
  return [p.id, p];
}));
const policy = (id: string): Policy => {
  const p = policies.get(id);
  if (!p) throw new Error(`preset ${id} missing`);
  return p;
};

describe('policy presets', () => {
  it('ships the four seed policies, each valid, named after its file, on calendars that exist', () => {
    expect(files.length).toBeGreaterThanOrEqual(4);
    for (const [file, raw] of files) {
      const p = parsePolicy(raw);
      expect(file).toBe(`${p.id}.json`);
      for (const id of policyCalendarIds(p)) expect(Object.keys(calendars), `${p.id} uses calendar ${id}`).toContain(id);
    }
    for (const id of ['onsite-4-level-7x24', 'enterprise-edown', 'business-hours-3-severity', 'network-impact-rfo']) expect(policies.has(id)).toBe(true);
  });

  it('every level of every preset computes its clocks on the real calendars', () => {
    const createdAt = Date.UTC(2026, 5, 10, 2); // a Wednesday, 10:00 in Shanghai
    for (const p of policies.values()) {
      for (const level of p.severityLevels) {
        for (const channel of ['phone', 'email', 'portal'] as const) {
          const t = makeTicket({ policyId: p.id, severity: level.id, channel, createdAt, sla: { rfoRequestedAt: createdAt + 3_600_000 } });
          const clocks = computeClocks(t, p, createdAt + 2 * 3_600_000, calendars);
          expect(clocks.length, `${p.id}/${level.id}`).toBeGreaterThan(0);
          for (const c of clocks) if (c.state !== 'pending') expect(c.target, `${p.id}/${level.id}/${c.kind}`).toBeGreaterThan(createdAt);
        }
      }
    }
  });

  it('an invalid preset is rejected with every problem named', () => {
    const raw = structuredClone(files.find(([f]) => f === 'network-impact-rfo.json')?.[1]) as { priorityMatrix: { degradation: { low: string } }; warningThresholds: number[] };
    raw.priorityMatrix.degradation.low = 'P9';
    raw.warningThresholds = [75, 50];
    expect(() => parsePolicy(raw)).toThrow(/priorityMatrix\.degradation\.low: unknown priority "P9".*warningThresholds: warning thresholds must be strictly ascending|warningThresholds.*priorityMatrix/);
  });
});

describe('seed rules expressed by the presets', () => {
  const shanghai = (d: number, h: number, m = 0): number => Date.UTC(2026, 5, d, h - 8, m);
  const target = (p: Policy, over: Parameters<typeof makeTicket>[0], now: number, kind: string): number | undefined =>
    computeClocks(makeTicket({ policyId: p.id, ...over }), p, now, calendars).find((c) => c.kind === kind)?.target;

  it('003: 2 hours within Mon–Fri 08:30–17:00; severity 1 still 2 hours outside; e-mail answered next working day', () => {
    const p = policy('business-hours-3-severity');
    // Friday 12 June 2026, 16:00 Shanghai: 60 minutes today, 60 minutes on Monday.
    expect(target(p, { severity: '2', createdAt: shanghai(12, 16) }, shanghai(12, 16, 5), 'first_response')).toBe(shanghai(15, 9, 30));
    expect(target(p, { severity: '1', createdAt: shanghai(12, 16) }, shanghai(12, 16, 5), 'first_response')).toBe(shanghai(12, 18));
    expect(target(p, { severity: '3', channel: 'email', createdAt: shanghai(12, 16) }, shanghai(12, 16, 5), 'first_response')).toBe(shanghai(15, 17));
  });

  it('001: level 1 goes on site within 24 hours of the online window ending; level 2 within 3 working days', () => {
    const p = policy('onsite-4-level-7x24');
    // Wednesday 10 June 2026 09:00 Shanghai; level 1 online window 4 working hours -> 13:00.
    const onSite = computeClocks(makeTicket({ policyId: p.id, severity: '1', createdAt: shanghai(10, 9) }), p, shanghai(10, 14), calendars).find((c) => c.kind === 'on_site_arrival');
    expect(onSite).toMatchObject({ state: 'running', startedAt: shanghai(10, 13), target: shanghai(11, 13) });
    expect(target(p, { severity: '2', createdAt: shanghai(10, 9) }, shanghai(11, 9), 'on_site_arrival')).toBe(shanghai(15, 17));
  });

  it('004: the RFO is due 5 working days (Bulgarian calendar) after the request', () => {
    const p = policy('network-impact-rfo');
    const sofia = (d: number, h: number): number => Date.UTC(2026, 5, d, h - 3);
    // Requested Monday 15 June 2026 10:00 Sofia -> Monday 22 June 18:00 (Mon–Fri 09:00–18:00).
    expect(target(p, { severity: 'critical', createdAt: sofia(15, 8), sla: { resolvedAt: sofia(15, 9), rfoRequestedAt: sofia(15, 10) } }, sofia(15, 11), 'rfo')).toBe(sofia(22, 18));
  });
});
