// Which open tickets' deadlines a calendar change moves, and by how much: every clock is computed
// under the old and the new calendars and the targets compared.
import type { Policy } from '../policy/schema';
import { policyCalendarIds } from '../policy/schema';
import { computeClocks, type CalendarLookup, type Clock, type ClockState } from '../sla/clocks';
import { ticketClocks, type DeskConfig } from '../sla/ticket-clocks';
import type { ClockKind } from '../sla/watch';
import type { Ticket } from '../ticket/schema';

/** One clock whose deadline moves; delta in wall-clock minutes (positive = later). */
export type DeadlineMove = {
  ticketId: string;
  clock: ClockKind;
  oldTarget: number;
  newTarget: number;
  deltaMinutes: number;
  oldState: ClockState;
  newState: ClockState;
};

export type DeadlineMovesResult = { moves: DeadlineMove[]; failed: Array<{ ticketId: string; message: string }> };

/** Ids of the policies that run any clock on the calendar (as default, per level or per clock). */
export function policiesUsingCalendar(policies: Iterable<Policy>, calendarId: string): Set<string> {
  const out = new Set<string>();
  for (const p of policies) if (policyCalendarIds(p).includes(calendarId)) out.add(p.id);
  return out;
}

function openTargets(clocks: Clock[]): Map<ClockKind, Clock> {
  const m = new Map<ClockKind, Clock>();
  for (const c of clocks) if (c.completedAt === undefined && c.target !== undefined) m.set(c.kind, c);
  return m;
}

/** Deadlines (targets of clocks not yet completed) that differ between the two calendar sets at `now`. */
export function deadlineMoves(tickets: readonly Ticket[], policies: ReadonlyMap<string, Policy>, before: CalendarLookup, after: CalendarLookup, now: number): DeadlineMovesResult {
  const moves: DeadlineMove[] = [];
  const failed: DeadlineMovesResult['failed'] = [];
  for (const ticket of tickets) {
    if (ticket.status === 'closed') continue;
    const policy = policies.get(ticket.policyId);
    if (!policy) continue;
    let old: Map<ClockKind, Clock>;
    let next: Map<ClockKind, Clock>;
    try {
      old = openTargets(computeClocks(ticket, policy, now, before));
      next = openTargets(computeClocks(ticket, policy, now, after));
    } catch (e) {
      failed.push({ ticketId: ticket.id, message: e instanceof Error ? e.message : String(e) });
      continue;
    }
    for (const [kind, a] of old) {
      const b = next.get(kind);
      if (!b || a.target === undefined || b.target === undefined || a.target === b.target) continue;
      moves.push({ ticketId: ticket.id, clock: kind, oldTarget: a.target, newTarget: b.target, deltaMinutes: (b.target - a.target) / 60_000, oldState: a.state, newState: b.state });
    }
  }
  return { moves, failed };
}

/**
 * Deadlines that differ between two whole configurations (a contract, site or customer edit):
 * each ticket's clocks come from its entitlement under each, through ticketClocks.
 */
export function configDeadlineMoves(tickets: readonly Ticket[], before: DeskConfig, after: DeskConfig, now: number): DeadlineMovesResult {
  const moves: DeadlineMove[] = [];
  const failed: DeadlineMovesResult['failed'] = [];
  for (const ticket of tickets) {
    if (ticket.status === 'closed') continue;
    const a = ticketClocks(ticket, before, now);
    const b = ticketClocks(ticket, after, now);
    if (b.problem && !a.problem) {
      failed.push({ ticketId: ticket.id, message: b.problem.kind });
      continue;
    }
    const old = openTargets(a.clocks);
    const next = openTargets(b.clocks);
    for (const [kind, x] of old) {
      const y = next.get(kind);
      if (!y || x.target === undefined || y.target === undefined || x.target === y.target) continue;
      moves.push({ ticketId: ticket.id, clock: kind, oldTarget: x.target, newTarget: y.target, deltaMinutes: (y.target - x.target) / 60_000, oldState: x.state, newState: y.state });
    }
  }
  moves.sort((m, n) => Math.abs(n.deltaMinutes) - Math.abs(m.deltaMinutes) || m.ticketId.localeCompare(n.ticketId));
  return { moves, failed };
}
