// computeClocks over 100k generated tickets on the shipped presets (goal < 300 ms),
// next to baselines measured in the same run: reading the same facts, and JSON-cloning tickets.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parsePolicy, type Policy } from '../../shared/policy';
import { calendarPresetSchema, computeClocks, nextWatchList, type CalendarLookup } from '../../shared/sla';
import { makeTicket } from '../../shared/sla/clocks-fixtures.test-support';
import type { Ticket } from '../../shared/ticket';

const N = 100_000;
const MIN = 60_000;
const root = join(import.meta.dirname, '../../resources/presets');
const load = (dir: string): unknown[] =>
  readdirSync(join(root, dir))
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(root, dir, f), 'utf8')) as unknown);

// A small deterministic PRNG so every run measures the same tickets.
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function generate(policies: Policy[], now: number): Ticket[] {
  const r = rng(42);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const out: Ticket[] = [];
  for (let i = 0; i < N; i++) {
    const policy = pick(policies);
    const levels = policy.severityLevels.map((l) => l.id);
    const createdAt = now - Math.floor(r() * 20 * 1440) * MIN;
    const age = now - createdAt;
    const first = pick(levels);
    const history = [{ at: createdAt, severity: first }];
    if (r() < 0.3) history.push({ at: createdAt + Math.floor(r() * age), severity: pick(levels) });
    const severity = history[history.length - 1]?.severity ?? first;
    const pauses: { from: number; to?: number }[] = [];
    let cursor = createdAt;
    const pauseCount = r() < 0.4 ? 1 + Math.floor(r() * 3) : 0;
    for (let p = 0; p < pauseCount; p++) {
      const from = cursor + Math.floor(r() * (now - cursor) * 0.5);
      const to = from + Math.floor(r() * (now - from) * 0.5);
      pauses.push(p === pauseCount - 1 && r() < 0.3 ? { from } : { from, to });
      cursor = to;
    }
    const stillWaiting = pauses.some((p) => p.to === undefined);
    const resolved = !stillWaiting && r() < 0.35;
    const resolvedAt = resolved ? createdAt + Math.floor(r() * age) : undefined;
    const updates: number[] = [];
    for (let u = createdAt; r() < 0.6; ) {
      u += Math.floor(r() * 90) * MIN;
      if (u < now) updates.push(u);
      else break;
    }
    out.push(
      makeTicket({
        id: `SD-BNCH-${i}`,
        policyId: policy.id,
        severity,
        channel: pick(['phone', 'email', 'portal'] as const),
        createdAt,
        status: stillWaiting ? 'waiting_customer' : resolved ? 'resolved' : 'in_progress',
        sla: {
          severityHistory: history,
          pauses,
          customerUpdates: updates,
          ...(r() < 0.7 ? { respondedAt: createdAt + Math.floor(r() * 300) * MIN } : {}),
          ...(resolvedAt !== undefined ? { resolvedAt } : {}),
          ...(r() < 0.1 ? { onSiteRequestedAt: createdAt + Math.floor(r() * age) } : {}),
          ...(resolvedAt !== undefined && r() < 0.2 ? { rfoRequestedAt: resolvedAt + Math.floor(r() * (now - resolvedAt)) } : {}),
        },
      }),
    );
  }
  return out;
}

function time(fn: () => number): { ms: number; sink: number } {
  const t0 = performance.now();
  const sink = fn();
  return { ms: performance.now() - t0, sink };
}

export async function run(): Promise<void> {
  const policies = load('policies').map(parsePolicy);
  const calendars: CalendarLookup = Object.fromEntries(load('calendars').map((raw) => {
    const p = calendarPresetSchema.parse(raw);
    return [p.id, p.calendar];
  }));
  const byId = new Map(policies.map((p) => [p.id, p]));
  const now = Date.UTC(2026, 5, 17, 6, 30);
  const tickets = generate(policies, now);

  const readFacts = (): number => {
    let s = 0;
    for (const t of tickets) {
      s += t.createdAt + (t.sla.respondedAt ?? 0) + (t.sla.resolvedAt ?? 0) + t.sla.pauses.length + t.sla.customerUpdates.length + t.sla.severityHistory.length;
      s += byId.get(t.policyId)?.warningThresholds.length ?? 0;
    }
    return s;
  };
  const jsonClone = (): number => {
    let s = 0;
    for (const t of tickets) s += (JSON.parse(JSON.stringify(t)) as Ticket).createdAt;
    return s;
  };
  const clocks = (): number => {
    let s = 0;
    for (const t of tickets) {
      const p = byId.get(t.policyId);
      if (p) s += computeClocks(t, p, now, calendars).length;
    }
    return s;
  };

  const cold = time(clocks);
  const runs = [time(clocks), time(clocks), time(clocks)];
  const warm = runs.reduce((a, b) => (b.ms < a.ms ? b : a));
  const read = [time(readFacts), time(readFacts), time(readFacts)].reduce((a, b) => (b.ms < a.ms ? b : a));
  const clone = [time(jsonClone), time(jsonClone)].reduce((a, b) => (b.ms < a.ms ? b : a));
  const watchList = (): number => nextWatchList(tickets, byId, calendars, now).length;
  const watchCold = time(watchList);
  const watch = [time(watchList), time(watchList)].reduce((a, b) => (b.ms < a.ms ? b : a));

  const states = new Map<string, number>();
  for (const t of tickets) for (const c of computeClocks(t, byId.get(t.policyId) as Policy, now, calendars)) states.set(c.state, (states.get(c.state) ?? 0) + 1);
  const us = (ms: number): string => ((ms * 1000) / N).toFixed(2);
  console.log(`tickets: ${N}, clocks: ${warm.sink} (${[...states].map(([k, v]) => `${k} ${v}`).join(', ')}), policies: ${policies.length}, calendars: ${Object.keys(calendars).length}`);
  console.log(`computeClocks cold (first pass, fills calendar caches): ${cold.ms.toFixed(1)} ms = ${us(cold.ms)} µs/ticket`);
  console.log(`computeClocks warm (best of 3):                        ${warm.ms.toFixed(1)} ms = ${us(warm.ms)} µs/ticket  (goal < 300 ms: ${warm.ms < 300 ? 'met' : 'NOT met'})`);
  console.log(`baseline: read the same facts:                         ${read.ms.toFixed(1)} ms = ${us(read.ms)} µs/ticket  -> computeClocks is ${(warm.ms / read.ms).toFixed(1)}x`);
  console.log(`baseline: JSON clone each ticket:                      ${clone.ms.toFixed(1)} ms = ${us(clone.ms)} µs/ticket  -> computeClocks is ${(warm.ms / clone.ms).toFixed(2)}x`);
  console.log(`nextWatchList (${watch.sink} entries, sorted): cold ${watchCold.ms.toFixed(1)} ms, warm ${watch.ms.toFixed(1)} ms = ${(watch.ms / warm.ms).toFixed(2)}x computeClocks, ${(watch.ms / clone.ms).toFixed(2)}x the JSON clone`);
  await Promise.resolve();
}
