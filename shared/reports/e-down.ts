// E-Down incidents: each stretch a ticket spent at its policy's E-Down level.
import type { Policy } from '../policy/schema';
import type { Ticket } from '../ticket/schema';
import { nearestRank, sortNumbers } from './percentile';
import type { EDownIncident, EDownSummary, ReportFilters } from './types';

const MINUTE = 60_000;

/** The stretches at `levelId` in a ticket's severity history; each ends on leaving the level or at resolution. */
export function eDownIncidentsOf(t: Ticket, levelId: string, now: number): EDownIncident[] {
  const history = [...t.sla.severityHistory].sort((a, b) => a.at - b.at);
  const resolvedAt = t.sla.resolvedAt;
  const out: EDownIncident[] = [];
  for (let i = 0; i < history.length; i++) {
    const entry = history[i];
    if (!entry || entry.severity !== levelId) continue;
    // Consecutive entries at the same level are one stretch.
    if (i > 0 && history[i - 1]?.severity === levelId) continue;
    if (resolvedAt !== undefined && resolvedAt < entry.at) continue;
    let left: number | undefined;
    for (let j = i + 1; j < history.length; j++) {
      const next = history[j];
      if (next && next.severity !== levelId) {
        left = next.at;
        break;
      }
    }
    const candidates = [left, resolvedAt !== undefined && resolvedAt >= entry.at ? resolvedAt : undefined].filter((x): x is number => x !== undefined);
    const end = candidates.length ? Math.min(...candidates) : undefined;
    const incident: EDownIncident = { ticketId: t.id, customerId: t.customerId, levelId, start: entry.at, durationMinutes: ((end ?? Math.max(now, entry.at)) - entry.at) / MINUTE };
    if (end !== undefined) incident.end = end;
    out.push(incident);
  }
  return out;
}

/** E-Down incidents of the given (already ticket-filtered) tickets that overlap the period, longest first. */
export function summarizeEDown(tickets: readonly Ticket[], policies: ReadonlyMap<string, Policy>, f: ReportFilters, now: number): EDownSummary {
  const incidents: EDownIncident[] = [];
  for (const t of tickets) {
    const levelId = policies.get(t.policyId)?.eDown?.levelId;
    if (levelId === undefined || (f.severity !== undefined && f.severity !== levelId)) continue;
    // Cheap pre-check: most tickets never reach E-Down.
    if (!t.sla.severityHistory.some((h) => h.severity === levelId)) continue;
    for (const i of eDownIncidentsOf(t, levelId, now)) {
      const end = i.end ?? now;
      if ((f.to === undefined || i.start < f.to) && (f.from === undefined || end >= f.from)) incidents.push(i);
    }
  }
  incidents.sort((a, b) => b.durationMinutes - a.durationMinutes || a.start - b.start);
  const sorted = sortNumbers(incidents.map((i) => i.durationMinutes));
  return {
    count: incidents.length,
    ongoing: incidents.filter((i) => i.end === undefined).length,
    medianMinutes: nearestRank(sorted, 50),
    p90Minutes: nearestRank(sorted, 90),
    incidents,
  };
}
