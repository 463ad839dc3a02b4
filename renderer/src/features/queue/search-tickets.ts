import type { Ticket } from '../../../../shared/ticket';
import type { ServiceDeskDb } from '../../data/db';
import { searchTokens, ticketIndex } from '../../data/queue-keys';

/**
 * At most this many results (and this many hits read from each source). A search with more
 * matches than a screenful times ten wants another word, not more rows; each source's rows are
 * read and sorted by deadline, so the limit is most of a search's cost (500 took 45-55 ms at 100k).
 */
export const SEARCH_LIMIT = 200;

export type Found = Ticket & { qWords?: string[]; dueAt?: number };

/**
 * Full-text search over ticket id, title, product, contact, service id (word index), customer
 * names and note texts; every word must match (prefix match) the ticket's words or its customer's
 * name (the first, longest, may also match a note), results nearest deadline first.
 * Tickets come from range reads (one request per source: the word index, each matching
 * customer's tickets); only tickets found through a note alone are fetched by id. A list of ids
 * followed by a read per id costs one IndexedDB request per ticket, several times slower.
 */
const hasPrefix = (words: readonly string[] | undefined, w: string): boolean => (words ?? []).some((q) => q.startsWith(w));

export async function searchTickets(db: ServiceDeskDb, text: string): Promise<Found[]> {
  const [first, ...rest] = searchTokens(text).sort((a, b) => b.length - a.length);
  if (!first) return [];
  // Customer names count as the ticket's own words ("zephyrus manufacturing" finds its tickets); the directory is small.
  const nameWords = new Map((await db.customers.toArray()).map((c) => [c.id, searchTokens(c.name)]));
  const named = [...nameWords].filter(([, words]) => hasPrefix(words, first)).map(([id]) => id);
  const [byWords, byCustomer, noteTicketIds] = await Promise.all([
    db.tickets.where(ticketIndex.words).startsWith(first).limit(SEARCH_LIMIT).toArray() as Promise<Found[]>,
    // Each customer's nearest deadlines first, so a customer with more tickets than the limit shows the ones that matter.
    Promise.all(named.map((cid) => db.tickets.where(ticketIndex.customerDue).between([cid, -Infinity], [cid, Infinity]).limit(SEARCH_LIMIT).toArray() as Promise<Found[]>)),
    db.timeline
      .where(ticketIndex.words)
      .startsWith(first)
      .limit(SEARCH_LIMIT)
      .toArray()
      .then((evs) => evs.map((e) => e.ticketId)),
  ]);
  // A ticket matching several words of the prefix comes once per word.
  const found = new Map<string, Found>();
  for (const t of [...byWords, ...byCustomer.flat()]) found.set(t.id, t);
  const onlyInNotes = [...new Set(noteTicketIds)].filter((id) => !found.has(id));
  for (const t of (await db.tickets.bulkGet(onlyInNotes)) as (Found | undefined)[]) if (t) found.set(t.id, t);
  const all = [...found.values()];
  const matching = rest.length === 0 ? all : all.filter((t) => rest.every((w) => hasPrefix(t.qWords, w) || hasPrefix(nameWords.get(t.customerId), w)));
  return matching.sort((a, b) => (a.dueAt ?? 0) - (b.dueAt ?? 0) || (a.id < b.id ? -1 : 1)).slice(0, SEARCH_LIMIT);
}
