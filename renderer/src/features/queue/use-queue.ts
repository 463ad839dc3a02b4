import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../app/services';
import type { Ticket } from '../../../../shared/ticket';

export type QueueRows = { tickets: Ticket[]; total: number; customers: Map<string, string>; engineers: Map<string, string> };

/** The queue's rows, read through a live query so local writes and sync pulls show at once. */
export function useQueue(): QueueRows | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => {
    const [tickets, total, customers, engineers] = await Promise.all([
      db.tickets.orderBy('updatedAt').reverse().limit(2000).toArray(),
      db.tickets.count(),
      db.customers.toArray(),
      db.engineers.toArray(),
    ]);
    return {
      tickets,
      total,
      customers: new Map(customers.map((c) => [c.id, c.name])),
      engineers: new Map(engineers.map((e) => [e.id, e.name])),
    };
  }, [db]);
}
