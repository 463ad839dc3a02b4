// The per-clock part of the compliance report: every counted clock goes to its kind's total, its
// group and its week. Clocks are computed once per ticket.
import type { Policy } from '../policy/schema';
import type { Clock } from '../sla/clocks-types';
import { describeClocksProblem, ticketClocks } from '../sla/ticket-clocks';
import { clockKinds, type ClockKind } from '../sla/watch';
import type { Ticket } from '../ticket/schema';
import { inPeriod } from './filters';
import { addToTally, newTally, statsOf, type Tally } from './stats';
import type { ClockSection, ReportInput, SkippedTicket } from './types';

type KindTallies = { total: Tally; groups: Map<string, Tally>; weeks: Map<string, Tally> };

const MAX_SKIPPED_LISTED = 50;

/** The instant a clock counts at: its completion, or its breach while it still runs; else undefined. */
export function countedAt(c: Clock): number | undefined {
  if (c.completedAt !== undefined) return c.completedAt;
  return c.state === 'breached' ? c.target : undefined;
}

function groupKey(input: ReportInput, t: Ticket, c: Clock, week: string): string {
  switch (input.groupBy) {
    case 'severity': return c.severity;
    case 'productLine': return t.productLine;
    case 'region': return t.region;
    case 'customer': return t.customerId;
    case 'engineer': return t.ownerId ?? '';
    case 'week': return week;
    case 'clock': return c.kind;
  }
}

function cell(map: Map<string, Tally>, key: string): Tally {
  let t = map.get(key);
  if (!t) map.set(key, (t = newTally()));
  return t;
}

export type ClockTallyResult = { sections: Map<ClockKind, KindTallies>; skipped: SkippedTicket[]; skippedCount: number };

/** Computes every matching ticket's clocks once and tallies those finished (or breached) in the period. */
export function tallyClocks(input: ReportInput, tickets: readonly Ticket[], weekOf: (at: number) => string): ClockTallyResult {
  const { filters, now, calendars, policies } = input;
  const config = { ...input.contracts, policies, calendars };
  const sections = new Map<ClockKind, KindTallies>(clockKinds.map((k) => [k, { total: newTally(), groups: new Map(), weeks: new Map() }]));
  const skipped: SkippedTicket[] = [];
  let skippedCount = 0;
  const skip = (ticketId: string, reason: string): void => {
    skippedCount++;
    if (skipped.length < MAX_SKIPPED_LISTED) skipped.push({ ticketId, reason });
  };
  for (const t of tickets) {
    const { clocks, problem } = ticketClocks(t, config, now);
    if (problem) {
      skip(t.id, describeClocksProblem(problem));
      continue;
    }
    for (const c of clocks) {
      const at = countedAt(c);
      if (at === undefined || !inPeriod(at, filters)) continue;
      if (filters.severity !== undefined && c.severity !== filters.severity) continue;
      const s = sections.get(c.kind);
      if (!s) continue;
      const week = weekOf(at);
      const met = c.state === 'met';
      const minutes = c.completedAt === undefined ? undefined : c.elapsedMinutes;
      addToTally(s.total, met, c.unit, minutes);
      addToTally(cell(s.groups, groupKey(input, t, c, week)), met, c.unit, minutes);
      addToTally(cell(s.weeks, week), met, c.unit, minutes);
    }
  }
  return { sections, skipped, skippedCount };
}

/** Severity ids in policy order (most severe first), with their labels joined across policies. */
export function severityOrder(policies: ReadonlyMap<string, Policy>): Map<string, { rank: number; label: string }> {
  const out = new Map<string, { rank: number; label: string }>();
  for (const p of policies.values()) {
    p.severityLevels.forEach((l, i) => {
      const known = out.get(l.id);
      if (!known) out.set(l.id, { rank: i, label: l.label });
      else out.set(l.id, { rank: Math.min(known.rank, i), label: known.label.split(' / ').includes(l.label) ? known.label : `${known.label} / ${l.label}` });
    });
  }
  return out;
}

/** Turns the tallies into report sections with groups in a stable, meaningful order. */
export function clockSections(input: ReportInput, sections: ClockTallyResult['sections']): ClockSection[] {
  const severities = input.groupBy === 'severity' ? severityOrder(input.policies) : undefined;
  const order = (a: string, b: string): number => {
    if (severities) {
      const d = (severities.get(a)?.rank ?? 1e9) - (severities.get(b)?.rank ?? 1e9);
      if (d !== 0) return d;
    }
    if (input.groupBy === 'clock') return clockKinds.indexOf(a as ClockKind) - clockKinds.indexOf(b as ClockKind);
    return a < b ? -1 : a > b ? 1 : 0;
  };
  return clockKinds.map((kind) => {
    const s = sections.get(kind) ?? { total: newTally(), groups: new Map<string, Tally>(), weeks: new Map<string, Tally>() };
    const groups = [...s.groups.keys()].sort(order).map((key) => ({ key, label: severities?.get(key)?.label ?? key, ...statsOf(s.groups.get(key) ?? newTally()) }));
    const trend = [...s.weeks.keys()].sort().map((week) => ({ week, ...statsOf(s.weeks.get(week) ?? newTally()) }));
    return { kind, total: statsOf(s.total), groups, trend };
  });
}
