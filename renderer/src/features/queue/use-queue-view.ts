import type { Table } from 'dexie';
import { useServices } from '../../app/services';
import type { Ticket } from '../../../../shared/ticket';
import { findView, type ViewContext } from './views';
import { searchTokens } from './queue-keys';
import { useSharedLiveQuery } from './shared-live-query';
import { reuseRows } from './stable-rows';

type Rows = Table<{ id: string }, string>;

/**
 * User Timing entries ('sd:view-query', 'sd:search-query') so benches and DevTools see the data
 * query alone. Only the latest stays in the buffer (queries rerun all day); a PerformanceObserver sees every one.
 */
export function measureQuery(name: string, start: number, detail: Record<string, unknown>): void {
  performance.clearMeasures(name);
  performance.measure(name, { start, end: performance.now(), detail });
}

/** The inputs a view's range depends on, as part of its query key (only time-bound views re-run each minute). */
function ctxKey(viewId: string, ctx: ViewContext): string | null {
  const view = findView(viewId);
  if (!view) return null;
  return `${viewId}|${ctx.me}|${view.usesNow ? `${ctx.now}|${ctx.soonMinutes}` : ''}`;
}

/** How many tickets a view holds: an index count, never a table scan; shared by the sidebar and the queue page. */
export function useViewCount(viewId: string, ctx: ViewContext): number | undefined {
  const { db } = useServices();
  const key = ctxKey(viewId, ctx);
  return useSharedLiveQuery(db, key && `count|${key}`, () => findView(viewId)?.range(db.tickets as unknown as Rows, ctx).count() ?? Promise.resolve(0));
}

/** One window of a view's rows, nearest deadline first: an index range with offset and limit. */
export function useViewPage(viewId: string, ctx: ViewContext, offset: number, limit: number): Ticket[] | undefined {
  const { db } = useServices();
  const key = ctxKey(viewId, ctx);
  return useSharedLiveQuery(
    db,
    key && `page|${key}|${offset}|${limit}`,
    async () => {
      const view = findView(viewId);
      if (!view) return [];
      const start = performance.now();
      const rows = (await view.range(db.tickets as unknown as Rows, ctx).offset(offset).limit(limit).toArray()) as unknown as Ticket[];
      measureQuery('sd:view-query', start, { viewId, offset, limit, rows: rows.length });
      return rows;
    },
    reuseRows,
  );
}

const SEARCH_LIMIT = 500;

/**
 * Full-text search over ticket id, title, product, contact, service id (word index), customer
 * names and note texts; every word must match (prefix match), results nearest deadline first.
 */
export function useSearch(text: string): Ticket[] | undefined {
  const { db } = useServices();
  return useSharedLiveQuery(db, text.trim() ? `search|${text}` : null, async () => {
    const tokens = searchTokens(text);
    const [first, ...rest] = tokens.sort((a, b) => b.length - a.length);
    if (!first) return [];
    const start = performance.now();
    const ids = new Set<string>(await db.tickets.where('qWords').startsWith(first).limit(SEARCH_LIMIT).primaryKeys());
    if (rest.length === 0) {
      const customers = await db.customers.filter((c) => c.name.toLowerCase().includes(text.trim().toLowerCase())).primaryKeys();
      for (const cid of customers) for (const id of await db.tickets.where('customerId').equals(cid).limit(SEARCH_LIMIT).primaryKeys()) ids.add(id);
    }
    for (const id of await db.timeline.where('qWords').startsWith(first).limit(SEARCH_LIMIT).toArray().then((evs) => evs.map((e) => e.ticketId))) ids.add(id);
    const tickets = (await db.tickets.bulkGet([...ids])).filter((t): t is Ticket & { qWords: string[]; dueAt: number } => t !== undefined) as (Ticket & { qWords?: string[]; dueAt?: number })[];
    const all = rest.length === 0 ? tickets : tickets.filter((t) => rest.every((w) => (t.qWords ?? []).some((q) => q.startsWith(w))));
    const found = all.sort((a, b) => (a.dueAt ?? 0) - (b.dueAt ?? 0)).slice(0, SEARCH_LIMIT);
    measureQuery('sd:search-query', start, { text, rows: found.length });
    return found;
  }, reuseRows, 0);
}
