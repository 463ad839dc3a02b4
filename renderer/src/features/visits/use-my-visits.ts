import { useLiveQuery } from 'dexie-react-hooks';
import type { Visit } from '../../../../shared/dispatch';
import type { Customer, Engineer } from '../../../../shared/directory';
import type { Ticket, TimelineEvent } from '../../../../shared/ticket';
import { useServices } from '../../app/services';
import { parseVisitRows } from '../dispatch';

export type MyVisitsData = { me?: Engineer; visits: Visit[]; engineers: Engineer[]; customers: Map<string, Customer>; tickets: Map<string, Ticket> };

/** The signed-in engineer's visits with their customers and tickets, all from the local store (works offline). */
export function useMyVisits(engineerId: string): MyVisitsData | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => {
    const [rows, engineers] = await Promise.all([db.visits.where('engineerId').equals(engineerId).toArray(), db.engineers.toArray()]);
    const visits = parseVisitRows(rows);
    const ticketIds = [...new Set(visits.flatMap((v) => (v.ticketId !== undefined ? [v.ticketId] : [])))];
    const customerIds = [...new Set(visits.map((v) => v.customerId))];
    const [tickets, customers] = await Promise.all([db.tickets.bulkGet(ticketIds), db.customers.bulkGet(customerIds)]);
    return {
      me: engineers.find((e) => e.id === engineerId),
      visits,
      engineers,
      customers: new Map(customers.filter((c): c is Customer => c !== undefined).map((c) => [c.id, c])),
      tickets: new Map(tickets.filter((t): t is Ticket => t !== undefined).map((t) => [t.id, t])),
    };
  }, [db, engineerId]);
}

/** A ticket's timeline in order (same order on every device). */
export function useTicketHistory(ticketId: string | undefined): TimelineEvent[] | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => {
    if (ticketId === undefined) return [];
    const events = await db.timeline.where('[ticketId+at]').between([ticketId, -Infinity], [ticketId, Infinity]).toArray();
    return events.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }, [db, ticketId]);
}
