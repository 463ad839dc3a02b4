import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouter } from '../../app/router';
import { useSession } from '../../app/session';
import { useMinute } from '../../app/use-now';
import { builtInViews, type ViewContext } from './views';
import { prefetchViewPage, useViewCount } from './use-queue-view';
import { useServices } from '../../app/services';
import { SOON_MINUTES } from './QueuePage';
import { useMigrateLocalViews, useSavedViews } from './saved-views';
import { useSavedViewPage } from './use-saved-view';
import type { SavedView } from '../../../../shared/views';

const ViewLink = memo(function ViewLink({ id, labelKey, ctx, active }: { id: string; labelKey: string; ctx: ViewContext; active: boolean }) {
  const { t } = useTranslation();
  const navigate = useRouter((s) => s.navigate);
  const { db } = useServices();
  const count = useViewCount(id, ctx);
  return (
    <li>
      <a
        href={`#/queue/${id}`}
        aria-current={active ? 'page' : undefined}
        className={active ? 'active' : ''}
        onPointerEnter={() => prefetchViewPage(db, id, ctx)}
        onFocus={() => prefetchViewPage(db, id, ctx)}
        onClick={(e) => (e.preventDefault(), navigate({ screen: 'queue', view: id }))}
      >
        <span>{t(labelKey)}</span>
        <span className={`count${id === 'breached' && (count ?? 0) > 0 ? ' alert' : ''}`} data-testid={`count-${id}`}>{count ?? ''}</span>
      </a>
    </li>
  );
});

/** The built-in queues with live counts (each an index count); memoised: the app shell re-renders on every navigation. */
export const QueueSidebar = memo(function QueueSidebar({ activeView }: { activeView?: string }) {
  const me = useSession((s) => s.session.userId);
  const now = useMinute();
  const ctx = useMemo<ViewContext>(() => ({ me, now, soonMinutes: SOON_MINUTES }), [me, now]);
  useMigrateLocalViews(me);
  return (
    <>
      <ul className="views">
        {builtInViews.map((v) => (
          <ViewLink key={v.id} id={v.id} labelKey={v.labelKey} ctx={ctx} active={v.id === activeView} />
        ))}
      </ul>
      <SavedViewLinks me={me} now={now} activeView={activeView} />
    </>
  );
});

const SavedViewLink = memo(function SavedViewLink({ view, now, active }: { view: SavedView; now: number; active: boolean }) {
  const navigate = useRouter((s) => s.navigate);
  const id = `saved:${view.id}`;
  // Counted over the indexes its filters plan (see readSavedViewPage): index counts, key sets, or at most a thousand rows.
  const count = useSavedViewPage(view, now, 0, 0)?.count;
  return (
    <li>
      <a href={`#/queue/${id}`} aria-current={active ? 'page' : undefined} className={active ? 'active' : ''} onClick={(e) => (e.preventDefault(), navigate({ screen: 'queue', view: id }))}>
        <span>{view.name}</span>
        <span className="count" data-testid={`count-${id}`}>{count ?? ''}</span>
      </a>
    </li>
  );
});

/** The user's saved views with their counts. */
function SavedViewLinks({ me, now, activeView }: { me: string; now: number; activeView?: string }) {
  const { t } = useTranslation();
  const views = useSavedViews(me) ?? [];
  if (views.length === 0) return null;
  return (
    <>
      <div className="section-title">{t('views.mine')}</div>
      <ul className="views" data-testid="saved-views">
        {views.map((v) => (
          <SavedViewLink key={v.id} view={v} now={now} active={`saved:${v.id}` === activeView} />
        ))}
      </ul>
    </>
  );
}
