import type { Table } from 'dexie';
import { useServices } from '../../app/services';
import type { Ticket } from '../../../../shared/ticket';
import { findView, type ViewContext } from './views';
import { prefetchShared, useSharedLiveQuery } from './shared-live-query';
import type { ServiceDeskDb } from '../../data/db';
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

/** Rows a queue reads at a time: about four screens, around the visible rows. */
export const QUEUE_WINDOW = 80;

const pageKey = (viewId: string, ctx: ViewContext, offset: number, limit: number): string | null => {
  const key = ctxKey(viewId, ctx);
  return key && `page|${key}|${offset}|${limit}`;
};

function pageQuery(db: ServiceDeskDb, viewId: string, ctx: ViewContext, offset: number, limit: number): () => Promise<Ticket[]> {
  return async () => {
    const view = findView(viewId);
    if (!view) return [];
    const start = performance.now();
    const rows = (await view.range(db.tickets as unknown as Rows, ctx).offset(offset).limit(limit).toArray()) as unknown as Ticket[];
    measureQuery('sd:view-query', start, { viewId, offset, limit, rows: rows.length });
    return rows;
  };
}

/** One window of a view's rows, nearest deadline first: an index range with offset and limit. */
export function useViewPage(viewId: string, ctx: ViewContext, offset: number, limit: number): Ticket[] | undefined {
  const { db } = useServices();
  return useSharedLiveQuery(db, pageKey(viewId, ctx, offset, limit), pageQuery(db, viewId, ctx, offset, limit), reuseRows);
}

/** Reads a queue's first window before it is opened (pointer over its link), so opening it shows rows at once. */
export function prefetchViewPage(db: ServiceDeskDb, viewId: string, ctx: ViewContext): void {
  const key = pageKey(viewId, ctx, 0, QUEUE_WINDOW);
  if (key) prefetchShared(db, key, pageQuery(db, viewId, ctx, 0, QUEUE_WINDOW), reuseRows);
}
