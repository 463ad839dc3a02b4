// Escalations and on-site visits per week, from the timeline and the visits table.
import type { Ticket } from '../ticket/schema';
import type { TimelineEvent } from '../ticket/timeline';
import { inPeriod, severityAt, ticketMatches } from './filters';
import type { EscalationSummary, ReportFilters, ReportVisit, VisitSummary } from './types';

const byKey = <T extends { week: string }>(a: T, b: T): number => (a.week < b.week ? -1 : a.week > b.week ? 1 : 0);

/** Escalations ('escalated' events) in the period on matching tickets: manual vs automatic, by level and week. */
export function summarizeEscalations(
  events: readonly TimelineEvent[],
  tickets: ReadonlyMap<string, Ticket>,
  f: ReportFilters,
  weekOf: (at: number) => string,
): EscalationSummary {
  const levels = new Map<number, { level: number; levelName: string; manual: number; automatic: number; lastAt: number }>();
  const weeks = new Map<string, { week: string; manual: number; automatic: number }>();
  let manual = 0;
  let automatic = 0;
  for (const e of events) {
    if (e.kind !== 'escalated' || !inPeriod(e.at, f)) continue;
    const t = tickets.get(e.ticketId);
    if (!t || !ticketMatches(t, f)) continue;
    if (f.severity !== undefined && severityAt(t, e.at) !== f.severity) continue;
    const field = e.automatic ? 'automatic' : 'manual';
    if (e.automatic) automatic++;
    else manual++;
    let l = levels.get(e.level);
    if (!l) levels.set(e.level, (l = { level: e.level, levelName: e.levelName, manual: 0, automatic: 0, lastAt: e.at }));
    // The newest event names the level, in case the matrix renamed it.
    if (e.at >= l.lastAt) {
      l.levelName = e.levelName;
      l.lastAt = e.at;
    }
    l[field]++;
    const week = weekOf(e.at);
    let w = weeks.get(week);
    if (!w) weeks.set(week, (w = { week, manual: 0, automatic: 0 }));
    w[field]++;
  }
  return {
    total: manual + automatic,
    manual,
    automatic,
    byLevel: [...levels.values()].sort((a, b) => a.level - b.level).map(({ level, levelName, manual: m, automatic: a }) => ({ level, levelName, manual: m, automatic: a })),
    byWeek: [...weeks.values()].sort(byKey),
  };
}

/** Where and when a visit counts: its ticket's dimensions when it has one, else its own. */
function visitMatches(v: ReportVisit, at: number, tickets: ReadonlyMap<string, Ticket>, f: ReportFilters): boolean {
  if (f.ownerId !== undefined && v.engineerId !== f.ownerId) return false;
  const t = v.ticketId === undefined ? undefined : tickets.get(v.ticketId);
  if (t && f.severity !== undefined && severityAt(t, at) !== f.severity) return false;
  if (!t && f.severity !== undefined) return false;
  const dims = t ?? v;
  return (
    (f.productLine === undefined || dims.productLine === f.productLine) &&
    (f.region === undefined || dims.region === f.region) &&
    (f.customerId === undefined || dims.customerId === f.customerId)
  );
}

/**
 * On-site visits per week: a visit counts at its arrival, or at its booked start while not yet
 * there; cancelled and unscheduled visits do not count. Visits known only from 'visit' timeline
 * events (not in the visits table) count at their 'arrive' event.
 */
export function summarizeVisits(
  visits: readonly ReportVisit[],
  events: readonly TimelineEvent[],
  tickets: ReadonlyMap<string, Ticket>,
  f: ReportFilters,
  weekOf: (at: number) => string,
): VisitSummary {
  const counted: { at: number; v: ReportVisit }[] = [];
  const known = new Set<string>();
  for (const v of visits) {
    known.add(v.id);
    if (v.status === 'cancelled' || v.status === 'unscheduled') continue;
    const at = v.arrivedAt ?? v.window?.start;
    if (at !== undefined) counted.push({ at, v });
  }
  const arrivals = new Map<string, { at: number; v: ReportVisit }>();
  const cancelled = new Set<string>();
  for (const e of events) {
    if (e.kind !== 'visit' || known.has(e.visitId)) continue;
    if (e.change === 'cancel') cancelled.add(e.visitId);
    if (e.change === 'arrive' && !arrivals.has(e.visitId)) arrivals.set(e.visitId, { at: e.at, v: { id: e.visitId, ticketId: e.ticketId, status: 'arrived', engineerId: e.by } });
  }
  for (const [id, a] of arrivals) if (!cancelled.has(id)) counted.push(a);

  const weeks = new Map<string, number>();
  let total = 0;
  for (const { at, v } of counted) {
    if (!inPeriod(at, f) || !visitMatches(v, at, tickets, f)) continue;
    total++;
    const week = weekOf(at);
    weeks.set(week, (weeks.get(week) ?? 0) + 1);
  }
  return { total, byWeek: [...weeks].map(([week, count]) => ({ week, count })).sort(byKey) };
}
