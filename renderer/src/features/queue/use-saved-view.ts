import type { SavedView } from '../../../../shared/views';
import type { Table } from 'dexie';
import type { Ticket } from '../../../../shared/ticket';
import { useServices } from '../../app/services';
import { readSavedViewPage, type SavedViewPage } from './saved-view-query';
import { useSharedLiveQuery } from './shared-live-query';
import { reuseRows } from './stable-rows';
import { measureQuery } from './use-queue-view';

function reusePage(prev: SavedViewPage | undefined, next: SavedViewPage): SavedViewPage {
  const rows = reuseRows(prev?.rows, next.rows);
  return prev && rows === prev.rows && prev.count === next.count && prev.strategy === next.strategy ? prev : { ...next, rows };
}

/** One window of a saved view's rows with the view's count, read along the plan's indexes (see readSavedViewPage). */
export function useSavedViewPage(view: SavedView | undefined, now: number, offset: number, limit: number): SavedViewPage | undefined {
  const { db } = useServices();
  // Only "breached only" depends on the clock; other views are not re-read each minute.
  const key = view ? `saved|${JSON.stringify([view.filters, view.sort])}|${view.filters.breachedOnly ? now : ''}|${offset}|${limit}` : null;
  return useSharedLiveQuery(
    db,
    key,
    async () => {
      if (!view) return { rows: [], count: 0, strategy: 'index' as const };
      const start = performance.now();
      const page = await readSavedViewPage(db.tickets as unknown as Table<Ticket & { dueAt?: number }, string>, view, now, offset, limit);
      measureQuery('sd:view-query', start, { viewId: `saved:${view.id}`, offset, limit, rows: page.rows.length, strategy: page.strategy });
      return page;
    },
    reusePage,
  );
}
