import { useTranslation } from 'react-i18next';
import { defaultViewColumns, type SavedView } from '../../../../shared/views';
import type { Ticket } from '../../../../shared/ticket';
import { findView, type ViewContext } from './views';
import { useViewCount, useViewPage } from './use-queue-view';
import { useSavedViews } from './saved-views';
import { useSavedViewPage } from './use-saved-view';
import type { Column } from './columns';

export type QueueSource = { exists: boolean; title: string; count: number | undefined; page: Ticket[] | undefined; columns: readonly Column[]; saved?: SavedView };

/** A built-in queue (one index range) or a saved view (planned over its filters' indexes), paged from `offset`. */
export function useQueueSource(viewId: string, ctx: ViewContext, offset: number, limit: number, names: Map<string, string> | undefined): QueueSource {
  const { t } = useTranslation();
  const savedId = viewId.startsWith('saved:') ? viewId.slice(6) : undefined;
  const savedViews = useSavedViews(ctx.me);
  const saved = savedViews?.find((v) => v.id === savedId);
  const builtIn = savedId ? undefined : findView(viewId);
  // The page first: its read is issued before the count's, so the rows (painted first) do not wait behind it.
  const builtInPage = useViewPage(builtIn ? viewId : '', ctx, offset, limit);
  const builtInCount = useViewCount(builtIn ? viewId : '', ctx);
  const savedPage = useSavedViewPage(saved, ctx.now, offset, limit);
  // The same count query as the sidebar's, so it is usually known already.
  const savedCount = useSavedViewPage(saved, ctx.now, 0, 0)?.count ?? savedPage?.count;
  if (savedId !== undefined && savedViews === undefined) return { exists: true, title: '', count: undefined, page: undefined, columns: defaultViewColumns };
  if (saved) return { exists: true, title: saved.name, count: savedCount, page: savedPage?.rows, columns: saved.columns, saved };
  if (!builtIn) return { exists: false, title: viewId, count: 0, page: [], columns: defaultViewColumns };
  const title = t(builtIn.labelKey, { value: builtIn.param ? (names?.get(builtIn.param) ?? builtIn.param) : '' });
  return { exists: true, title, count: builtInCount, page: builtInPage, columns: defaultViewColumns };
}
