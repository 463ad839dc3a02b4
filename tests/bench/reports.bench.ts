// complianceReport over 100k demo tickets (issue 9: a report over 100k tickets in under 1 s), next
// to baselines measured in the same run: computeClocks alone over the same tickets, and a plain
// loop reading the fields the report filters and groups on.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateDemoData } from '../../shared/demo';
import { parsePolicy, type Policy } from '../../shared/policy';
import { complianceReport, type ReportGrouping } from '../../shared/reports';
import { calendarPresetSchema, computeClocks, type CalendarLookup } from '../../shared/sla';

const N = 100_000;
const root = join(import.meta.dirname, '../../resources/presets');
const load = (dir: string): unknown[] =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(root, dir, f), 'utf8')) as unknown);

function best(label: string, runs: number, fn: () => unknown): number {
  let min = Infinity;
  let sink: unknown;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    sink = fn();
    min = Math.min(min, performance.now() - t0);
  }
  if (sink === undefined) throw new Error(`${label}: produced nothing`);
  return min;
}

export async function run(): Promise<void> {
  const policies = new Map<string, Policy>(load('policies').map((p) => parsePolicy(p)).map((p) => [p.id, p]));
  const calendars: CalendarLookup = Object.fromEntries(load('calendars').map((c) => calendarPresetSchema.parse(c)).map((c) => [c.id, c.calendar]));
  const now = Date.UTC(2026, 5, 15, 10, 0);
  const t0 = performance.now();
  const { tickets } = generateDemoData({ tickets: N, now, policies });
  console.log(`generated ${N} demo tickets in ${(performance.now() - t0).toFixed(0)} ms`);

  const fieldLoop = best('fields', 5, () => {
    let n = 0;
    for (const t of tickets) if (t.productLine.length + t.region.length + t.customerId.length + (t.ownerId?.length ?? 0) > 0 && t.sla.severityHistory.length > 0) n++;
    return n;
  });
  const clocksOnly = best('clocks', 3, () => {
    let n = 0;
    for (const t of tickets) {
      const p = policies.get(t.policyId);
      if (p) n += computeClocks(t, p, now, calendars).length;
    }
    return n;
  });
  console.log(`baseline plain field loop: ${fieldLoop.toFixed(1)} ms`);
  console.log(`baseline computeClocks alone: ${clocksOnly.toFixed(0)} ms`);

  const last30 = { from: now - 30 * 86_400_000, to: now };
  const cases: { label: string; groupBy: ReportGrouping; filters: Record<string, string | number> }[] = [
    { label: 'all time, by severity', groupBy: 'severity', filters: {} },
    { label: 'last 30 days, by week', groupBy: 'week', filters: last30 },
    { label: 'last 30 days, by customer, severity 1', groupBy: 'customer', filters: { ...last30, severity: '1' } },
    { label: 'all time, by engineer, Asia/Shanghai weeks', groupBy: 'engineer', filters: {} },
  ];
  for (const c of cases) {
    let counted = 0;
    const ms = best(c.label, 3, () => {
      const r = complianceReport({ tickets, policies, calendars, now, filters: c.filters, groupBy: c.groupBy, timeZone: c.label.includes('Shanghai') ? 'Asia/Shanghai' : 'UTC' });
      counted = r.clocks.reduce((a, s) => a + s.total.met + s.total.breached, 0);
      return r;
    });
    console.log(
      `complianceReport ${c.label}: ${ms.toFixed(0)} ms (${(ms / clocksOnly).toFixed(2)}x computeClocks, ${(ms / fieldLoop).toFixed(0)}x field loop; ${counted} clocks counted) ` +
        (ms < 1000 ? 'goal < 1 s: met' : 'goal < 1 s: MISSED'),
    );
  }
}
