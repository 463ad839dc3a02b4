import { isDemoTicketId } from '../../../../shared/demo';
import { createFaultVisit, faultVisitId, type Visit } from '../../../../shared/dispatch';
import type { Ticket, TicketStatus } from '../../../../shared/ticket';
import type { Mutate } from '../../app/mutations';
import type { Config } from '../../config/config-store';
import { syncScope, type ServiceDeskDb } from '../../data/db';
import { ticketIndex } from '../../data/queue-keys';
import { DueRangeCache, type TicketRow } from '../../data/due-range-cache';
import { onSiteClock } from './deadlines';

/** Tickets still being worked; resolved, confirmed and closed ones need nobody on site. */
const openStatuses: readonly TicketStatus[] = ['received', 'acknowledged', 'in_progress', 'waiting_customer'];

export { faultVisitId };

function hasOnSiteTarget(ticket: Ticket, config: Config): boolean {
  const level = config.policies.get(ticket.policyId)?.severityLevels.find((l) => l.id === ticket.severity);
  return level?.targets.on_site_arrival !== undefined;
}

export type AutoVisitsOptions = {
  /** Signed in to a sync server: leave out the device-only demo tickets. */
  syncedOnly?: boolean;
  /** Held between runs (the service keeps one): only tickets written since the last run are read again. */
  held?: FaultVisitCandidates;
};

const DAY_MS = 24 * 60 * 60_000;

/**
 * The open tickets with an on-site target whose nearest SLA target falls before the end of
 * tomorrow, kept up to date from the writes: the service runs every minute, and re-reading every
 * breached ticket each time kept IndexedDB busy while people opened tickets.
 */
export class FaultVisitCandidates {
  private config: Config | undefined;
  private readonly cache: DueRangeCache<TicketRow>;
  constructor(db: ServiceDeskDb) {
    this.cache = new DueRangeCache<TicketRow>(db, (row) => (this.config && openStatuses.includes(row.status) && hasOnSiteTarget(row, this.config) ? row : undefined));
  }
  /** Open tickets with an on-site target and dueAt <= now, in the order of the [status+dueAt] index per open status. */
  async due(config: Config, now: number): Promise<Ticket[]> {
    this.config = config;
    const held = await this.cache.refresh((Math.floor(now / DAY_MS) + 2) * DAY_MS, config);
    const rank = (t: TicketRow) => openStatuses.indexOf(t.status);
    return [...held.values()]
      .filter((t) => (t.dueAt ?? Infinity) <= now)
      .sort((a, b) => rank(a) - rank(b) || (a.dueAt ?? 0) - (b.dueAt ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }
  stop(): void {
    this.cache.stop();
  }
}

/**
 * Open tickets whose on-site arrival clock is running at `now` and that have no visit yet, as the
 * fault visits to create. Bounded: only open tickets whose nearest SLA target (the `dueAt` index)
 * has already passed are read, since a running on-site clock means the online window ended
 * (its target lies before now) or a visit was requested by hand (and then a visit exists).
 */
export async function findDueFaultVisits(db: ServiceDeskDb, config: Config, now: number, by: string, opts: AutoVisitsOptions = {}): Promise<Visit[]> {
  let candidates: Ticket[];
  if (opts.held) candidates = await opts.held.due(config, now);
  else {
    candidates = [];
    for (const status of openStatuses) {
      const rows = await db.tickets.where(ticketIndex.statusDue).between([status, -Infinity], [status, now], true, true).toArray();
      candidates.push(...rows.filter((t) => hasOnSiteTarget(t, config)));
    }
  }
  // Signed in, the first-run demo tickets exist on this device only: the server would refuse their
  // visit ("ticket not found") and the visit, rolled back, would be created again every minute.
  const due = opts.syncedOnly ? candidates.filter((t) => !isDemoTicketId(t.id)) : candidates;
  const running = due
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
    // Another window (or a pull) may have made it since the search: checked and created in one
    // transaction, so a second run on this store cannot slip in between (creating it twice is refused).
    const r = await db.transaction('rw', syncScope(db), async () => ((await db.visits.get(visit.id)) ? undefined : mutate('visit.create@1', { visit })));
    if (!r) continue;
    if (r.outcome === 'applied') result.created.push(visit.id);
    else result.failed.push({ ticketId: visit.ticketId ?? visit.id, message: r.message ?? r.outcome });
  }
  return result;
}
