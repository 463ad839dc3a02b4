import { useServices } from '../../app/services';
import { uncachedRead } from '../../data';
import type { Ticket } from '../../../../shared/ticket';
import { searchTickets } from './search-tickets';
import { useSharedLiveQuery } from './shared-live-query';
import { reuseRows } from './stable-rows';
import { measureQuery } from './use-queue-view';

/** The tickets matching the search box's text (searchTickets), kept live; undefined while reading. */
export function useSearch(text: string): Ticket[] | undefined {
  const { db } = useServices();
  return useSharedLiveQuery(
    db,
    text.trim() ? `search|${text}` : null,
    async () => {
      const start = performance.now();
      // Up to 500 tickets per search, several searches kept live for a while: not in Dexie's cache.
      const found = await uncachedRead(db, [db.tickets, db.customers, db.timeline], () => searchTickets(db, text));
      measureQuery('sd:search-query', start, { text, rows: found.length });
      return found;
    },
    reuseRows,
    0,
  );
}
