import { useLiveQuery } from 'dexie-react-hooks';
import type { Visit } from '../../../../shared/dispatch';
import type { Customer, Engineer } from '../../../../shared/directory';
import type { Ticket } from '../../../../shared/ticket';
import { useServices } from '../../app/services';
import { parseVisitRows } from './visit-rows';

export type DispatchData = {
  visits: Visit[];
  engineers: Engineer[];
  customers: Map<string, Customer>;
  /** The tickets the visits belong to (for titles and live arrival deadlines). */
  tickets: Map<string, Ticket>;
};

/** Every visit with the directory and the visits' tickets, live. */
export function useDispatchData(): DispatchData | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => {
    const [rows, engineers, customers] = await Promise.all([db.visits.toArray(), db.engineers.toArray(), db.customers.toArray()]);
    const visits = parseVisitRows(rows);
    const ticketIds = [...new Set(visits.map((v) => v.ticketId).filter((id): id is string => id !== undefined))];
    const tickets = (await db.tickets.bulkGet(ticketIds)).filter((t): t is Ticket => t !== undefined);
    engineers.sort((a, b) => a.name.localeCompare(b.name));
    return { visits, engineers, customers: new Map(customers.map((c) => [c.id, c])), tickets: new Map(tickets.map((t) => [t.id, t])) };
  }, [db]);
}
