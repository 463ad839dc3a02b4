import type { DeadlineOf, Visit } from '../../../../shared/dispatch';
import { ticketClocks, type Clock } from '../../../../shared/sla';
import type { Ticket } from '../../../../shared/ticket';
import type { Config } from '../../config/config-store';

/** The ticket's on-site arrival clock at `now` (undefined when its level has none or the policy is unknown). */
export function onSiteClock(ticket: Ticket, config: Config, now: number): Clock | undefined {
  // A policy or calendar that is not loaded gives no clocks: no live deadline, the stored one is used.
  return ticketClocks(ticket, config, now).clocks.find((c) => c.kind === 'on_site_arrival');
}

/**
 * Where a visit's arrival deadline comes from: the live on-site clock of its ticket when that
 * clock has started (it follows severity changes and pauses), else the deadline stored on the visit.
 */
export function liveDeadlineOf(tickets: ReadonlyMap<string, Ticket>, config: Config, now: number): DeadlineOf {
  return (visit: Visit) => {
    const ticket = visit.ticketId !== undefined ? tickets.get(visit.ticketId) : undefined;
    const clock = ticket ? onSiteClock(ticket, config, now) : undefined;
    return clock?.target ?? visit.arrivalDeadline;
  };
}

/** The ticket as it would be if an on-site visit were requested by hand at `now` (the earliest request counts). */
export function withOnSiteRequest(ticket: Ticket, now: number): Ticket {
  const at = ticket.sla.onSiteRequestedAt;
  return at !== undefined && at <= now ? ticket : { ...ticket, sla: { ...ticket.sla, onSiteRequestedAt: now } };
}
