// Deferrals by agreement: each stretch a ticket's work waited, with the customer's consent, for
// the time both sides agreed on. Counted apart from the clocks, because a deferred ticket is
// neither met nor breached for that stretch: its clocks stood still.
import type { Ticket } from '../ticket/schema';
import type { Deferral, DeferralSummary, ReportFilters } from './types';

const MINUTE = 60_000;

/** Deferrals of the given (already ticket-filtered) tickets that overlap the period, latest first. */
export function summarizeDeferrals(tickets: readonly Ticket[], f: ReportFilters, now: number): DeferralSummary {
  const deferrals: Deferral[] = [];
  const ticketIds = new Set<string>();
  for (const t of tickets) {
    for (const d of t.sla.deferrals ?? []) {
      if ((f.to !== undefined && d.from >= f.to) || (f.from !== undefined && d.until < f.from)) continue;
      // The severity filter matches the level in effect when the deferral started.
      if (f.severity !== undefined && severityAt(t, d.from) !== f.severity) continue;
      deferrals.push({ ticketId: t.id, customerId: t.customerId, start: d.from, end: d.until, agreedWith: d.agreedWith, durationMinutes: (d.until - d.from) / MINUTE, ongoing: d.from <= now && now < d.until });
      ticketIds.add(t.id);
    }
  }
  deferrals.sort((a, b) => b.start - a.start || a.ticketId.localeCompare(b.ticketId));
  return { count: deferrals.length, tickets: ticketIds.size, ongoing: deferrals.filter((d) => d.ongoing).length, deferrals };
}

function severityAt(t: Ticket, at: number): string {
  let severity = t.sla.severityHistory[0]?.severity ?? t.severity;
  for (const h of t.sla.severityHistory) if (h.at <= at) severity = h.severity;
  return severity;
}
