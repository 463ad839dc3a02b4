import { createFaultVisit, type Visit } from '../../../../shared/dispatch';
import type { Customer } from '../../../../shared/directory';
import type { Ticket } from '../../../../shared/ticket';
import type { Config } from '../../config/config-store';
import { faultVisitId } from './auto-fault-visits';
import { onSiteClock, withOnSiteRequest } from './deadlines';

/** A visit still to be carried out (a ticket with one needs no second request). */
export function isLiveVisit(v: Visit): boolean {
  return v.status !== 'cancelled' && v.status !== 'completed';
}

/**
 * The fault visit for an on-site request made by hand: the ticket's first on-site visit gets the
 * same id the automatic one would (so the two never both exist), later ones a counter.
 */
export function handRequestedVisit(ticket: Ticket, customer: Customer, existing: readonly Visit[], config: Config, now: number, by: string): Visit {
  const base = faultVisitId(ticket.id);
  const ids = new Set(existing.map((v) => v.id));
  let id = base;
  for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
  const target = onSiteClock(withOnSiteRequest(ticket, now), config, now)?.target;
  return createFaultVisit(ticket, customer, { id, reason: 'requested_by_hand', now, by, ...(target !== undefined ? { arrivalDeadline: target } : {}) });
}
