import type { Ticket } from '../../../../shared/ticket';
import type { ServiceDeskDb } from '../../data/db';
import { searchTokens, ticketIndex } from '../../data/queue-keys';

/** How many tickets the palette lists: enough to pick from, few enough to read at a glance. */
export const PALETTE_TICKETS = 8;

type Indexed = Ticket & { qWords?: string[] };

/**
 * Tickets whose id or title words start with every word typed ("sd-0042", "router reboot"), from
 * the same word index the queue search reads: one range read, whatever the store's size.
 */
export async function findTicketsForPalette(db: ServiceDeskDb, query: string): Promise<Ticket[]> {
  const [first, ...rest] = searchTokens(query).sort((a, b) => b.length - a.length);
  if (!first) return [];
  const hits = (await db.tickets.where(ticketIndex.words).startsWith(first).limit(200).toArray()) as Indexed[];
  const seen = new Set<string>();
  const out: Ticket[] = [];
  for (const t of hits) {
    if (seen.has(t.id) || !rest.every((w) => (t.qWords ?? []).some((q) => q.startsWith(w)))) continue;
    seen.add(t.id);
    out.push(t);
  }
  // An exact id first: typing a ticket's id should open that ticket with Enter.
  const q = query.trim().toLowerCase();
  out.sort((a, b) => Number(b.id.toLowerCase() === q) - Number(a.id.toLowerCase() === q) || (a.id < b.id ? -1 : 1));
  return out.slice(0, PALETTE_TICKETS);
}
