import type { Ticket } from '../ticket/schema';
import type { ReportFilters } from './types';

/** True when a ticket matches the filters' ticket dimensions (product line, region, customer, owner). */
export function ticketMatches(t: Ticket, f: ReportFilters): boolean {
  return (
    (f.productLine === undefined || t.productLine === f.productLine) &&
    (f.region === undefined || t.region === f.region) &&
    (f.customerId === undefined || t.customerId === f.customerId) &&
    (f.ownerId === undefined || t.ownerId === f.ownerId)
  );
}

/** True when an instant lies in [from, to). */
export function inPeriod(at: number, f: ReportFilters): boolean {
  return (f.from === undefined || at >= f.from) && (f.to === undefined || at < f.to);
}

/** The severity in effect at an instant: the latest history entry at or before it, else the first. */
export function severityAt(t: Ticket, at: number): string {
  const h = t.sla.severityHistory;
  let best = h[0];
  for (const e of h) if (e.at <= at && (best === undefined || best.at > at || e.at >= best.at)) best = e;
  return best?.severity ?? t.severity;
}
