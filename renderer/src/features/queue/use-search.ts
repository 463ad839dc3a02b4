import { useServices } from '../../app/services';
import type { Ticket } from '../../../../shared/ticket';
import { searchTokens } from './queue-keys';
import { useSharedLiveQuery } from './shared-live-query';
import { reuseRows } from './stable-rows';
import { measureQuery } from './use-queue-view';

const SEARCH_LIMIT = 500;
type Found = Ticket & { qWords?: string[]; dueAt?: number };

/**
 * Full-text search over ticket id, title, product, contact, service id (word index), customer
 * names and note texts; every word must match (prefix match), results nearest deadline first.
 * The three lookups run side by side; only the matching tickets are read.
 */
export function useSearch(text: string): Ticket[] | undefined {
  const { db } = useServices();
  return useSharedLiveQuery(
    db,
    text.trim() ? `search|${text}` : null,
    async () => {
      const tokens = searchTokens(text);
      const [first, ...rest] = tokens.sort((a, b) => b.length - a.length);
      if (!first) return [];
      const start = performance.now();
      const needle = text.trim().toLowerCase();
      const byCustomerName = async (): Promise<string[]> => {
        if (rest.length > 0) return [];
        const customers = await db.customers.filter((c) => c.name.toLowerCase().includes(needle)).primaryKeys();
        return (await Promise.all(customers.map((cid) => db.tickets.where('customerId').equals(cid).limit(SEARCH_LIMIT).primaryKeys()))).flat();
      };
      const [byWords, byCustomer, byNotes] = await Promise.all([
        db.tickets.where('qWords').startsWith(first).limit(SEARCH_LIMIT).primaryKeys(),
        byCustomerName(),
        db.timeline.where('qWords').startsWith(first).limit(SEARCH_LIMIT).toArray().then((evs) => evs.map((e) => e.ticketId)),
      ]);
      const ids = new Set<string>([...byWords, ...byCustomer, ...byNotes]);
      const tickets = (await db.tickets.bulkGet([...ids])).filter((t): t is Found => t !== undefined);
      const all = rest.length === 0 ? tickets : tickets.filter((t) => rest.every((w) => (t.qWords ?? []).some((q) => q.startsWith(w))));
      const found = all.sort((a, b) => (a.dueAt ?? 0) - (b.dueAt ?? 0)).slice(0, SEARCH_LIMIT);
      measureQuery('sd:search-query', start, { text, rows: found.length });
      return found;
    },
    reuseRows,
    0,
  );
}
