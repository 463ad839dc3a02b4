import { createFaultVisit, type Visit } from '../../../../shared/dispatch';
import type { Ticket, TicketStatus } from '../../../../shared/ticket';
import type { Mutate } from '../../app/mutations';
import type { Config } from '../../config/config-store';
import type { ServiceDeskDb } from '../../data/db';
import { onSiteClock } from './deadlines';

/** Tickets still being worked; resolved, confirmed and closed ones need nobody on site. */
const openStatuses: readonly TicketStatus[] = ['received', 'acknowledged', 'in_progress', 'waiting_customer'];

/** The one automatic fault visit of a ticket: the same id on every device, so it is created once. */
export function faultVisitId(ticketId: string): string {
  return `visit-${ticketId}-onsite`;
}

function hasOnSiteTarget(ticket: Ticket, config: Config): boolean {
  const level = config.policies.get(ticket.policyId)?.severityLevels.find((l) => l.id === ticket.severity);
  return level?.targets.on_site_arrival !== undefined;
}

export type AutoVisitsOptions = {
  /** Signed in to a sync server: only tickets the server knows (or will, from this device's outbox). */
  syncedOnly?: boolean;
};

/**
 * Open tickets whose on-site arrival clock is running at `now` and that have no visit yet, as the
 * fault visits to create. Bounded: only open tickets whose nearest SLA target (the `dueAt` index)
 * has already passed are read, since a running on-site clock means the online window ended
 * (its target lies before now) or a visit was requested by hand (and then a visit exists).
 */
export async function findDueFaultVisits(db: ServiceDeskDb, config: Config, now: number, by: string, opts: AutoVisitsOptions = {}): Promise<Visit[]> {
  const candidates: Ticket[] = [];
  for (const status of openStatuses) {
    const rows = await db.tickets.where('[status+dueAt]').between([status, -Infinity], [status, now], true, true).toArray();
    candidates.push(...rows.filter((t) => hasOnSiteTarget(t, config)));
  }
  if (opts.syncedOnly && candidates.length > 0) {
    // Tickets with no sync state exist on this device only (the first-run demo data): the server
    // would refuse their visit as "ticket not found", and the visit would come back every minute.
    const states = await db.syncState.bulkGet(candidates.map((t): ['tickets', string] => ['tickets', t.id]));
    // Known to the server (a version) or created here and waiting in the outbox (no copy before it).
    const known = new Set(states.filter((s) => s !== undefined && (s.version > 0 || (s.hasShadow === 1 && !s.shadow))).map((s) => s?.id));
    candidates.splice(0, candidates.length, ...candidates.filter((t) => known.has(t.id)));
  }
  const running = candidates
    .map((ticket) => ({ ticket, clock: onSiteClock(ticket, config, now) }))
    .filter((x) => x.clock?.startedAt !== undefined && x.clock.completedAt === undefined);
  if (running.length === 0) return [];
  const ids = running.map((x) => x.ticket.id);
  const withVisit = new Set((await db.visits.where('ticketId').anyOf(ids).toArray()).map((v) => v.ticketId));
  const existingIds = new Set((await db.visits.bulkGet(ids.map(faultVisitId))).filter((v) => v !== undefined).map((v) => v.id));
  const customers = await db.customers.bulkGet(running.map((x) => x.ticket.customerId));
  const out: Visit[] = [];
  running.forEach(({ ticket, clock }, i) => {
    const customer = customers[i];
    if (!customer || withVisit.has(ticket.id) || existingIds.has(faultVisitId(ticket.id))) return;
    const byHand = ticket.sla.onSiteRequestedAt !== undefined && ticket.sla.onSiteRequestedAt <= (clock?.startedAt ?? now);
    out.push(
      createFaultVisit(ticket, customer, {
        id: faultVisitId(ticket.id),
        reason: byHand ? 'requested_by_hand' : 'online_window_expired',
        now,
        by,
        ...(clock?.target !== undefined ? { arrivalDeadline: clock.target } : {}),
      }),
    );
  });
  return out;
}

export type AutoVisitsResult = { created: string[]; failed: Array<{ ticketId: string; message: string }> };

/** Creates the due fault visits through the synced 'visit.create@1' mutation; failures are reported, not thrown. */
export async function createDueFaultVisits(db: ServiceDeskDb, mutate: Mutate, config: Config, now: number, by: string, opts: AutoVisitsOptions = {}): Promise<AutoVisitsResult> {
  const result: AutoVisitsResult = { created: [], failed: [] };
  for (const visit of await findDueFaultVisits(db, config, now, by, opts)) {
    // Another window (or a pull) may have made it since the search: creating it again would be refused.
    if (await db.visits.get(visit.id)) continue;
    const r = await mutate('visit.create@1', { visit });
    if (r.outcome === 'applied') result.created.push(visit.id);
    else result.failed.push({ ticketId: visit.ticketId ?? visit.id, message: r.message ?? r.outcome });
  }
  return result;
}
