import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../app/services';
import type { Ticket, TimelineEvent } from '../../../../shared/ticket';
import type { Customer, Engineer } from '../../../../shared/directory';

export type TicketData = { ticket: Ticket; timeline: TimelineEvent[]; customer?: Customer; engineers: Engineer[] };

/** A ticket with its ordered timeline, customer and the engineer directory; null when not found. */
export function useTicket(id: string): TicketData | null | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => {
    const ticket = await db.tickets.get(id);
    if (!ticket) return null;
    const [timeline, customer, engineers] = await Promise.all([
      db.timeline.where('[ticketId+at]').between([id, -Infinity], [id, Infinity]).toArray(),
      db.customers.get(ticket.customerId),
      db.engineers.toArray(),
    ]);
    // Same order on every device: by instant, then by id.
    timeline.sort((a, b) => a.at - b.at || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { ticket, timeline, customer, engineers };
  }, [db, id]);
}
