import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useRouter } from '../../app/router';
import { useSession } from '../../app/session';
import { useMinute } from '../../app/use-now';
import { builtInViews, type ViewContext } from './views';
import { useViewCount } from './use-queue-view';
import { SOON_MINUTES } from './QueuePage';
import { useSavedViews } from './saved-views';

function ViewLink({ id, labelKey, ctx, active }: { id: string; labelKey: string; ctx: ViewContext; active: boolean }) {
  const { t } = useTranslation();
  const navigate = useRouter((s) => s.navigate);
  const count = useViewCount(id, ctx);
  return (
    <li>
      <a href={`#/queue/${id}`} aria-current={active ? 'page' : undefined} className={active ? 'active' : ''} onClick={(e) => (e.preventDefault(), navigate({ screen: 'queue', view: id }))}>
        <span>{t(labelKey)}</span>
        <span className={`count${id === 'breached' && (count ?? 0) > 0 ? ' alert' : ''}`} data-testid={`count-${id}`}>{count ?? ''}</span>
      </a>
    </li>
  );
}

/** The built-in queues with live counts (each an index count). */
export function QueueSidebar({ activeView }: { activeView?: string }) {
  const me = useSession((s) => s.session.userId);
  const now = useMinute();
  const ctx = useMemo<ViewContext>(() => ({ me, now, soonMinutes: SOON_MINUTES }), [me, now]);
  return (
    <>
      <ul className="views">
        {builtInViews.map((v) => (
          <ViewLink key={v.id} id={v.id} labelKey={v.labelKey} ctx={ctx} active={v.id === activeView} />
        ))}
      </ul>
      <SavedViewLinks me={me} activeView={activeView} />
    </>
  );
}

/** The user's saved views (counted on their own screen: a filtered view's count is a scan). */
function SavedViewLinks({ me, activeView }: { me: string; activeView?: string }) {
  const { t } = useTranslation();
  const navigate = useRouter((s) => s.navigate);
  const views = useSavedViews(me) ?? [];
  if (views.length === 0) return null;
  return (
    <>
      <div className="section-title">{t('views.mine')}</div>
      <ul className="views" data-testid="saved-views">
        {views.map((v) => {
          const id = `saved:${v.id}`;
          return (
            <li key={v.id}>
              <a href={`#/queue/${id}`} aria-current={id === activeView ? 'page' : undefined} className={id === activeView ? 'active' : ''} onClick={(e) => (e.preventDefault(), navigate({ screen: 'queue', view: id }))}>
                <span>{v.name}</span>
              </a>
            </li>
          );
        })}
      </ul>
    </>
  );
}
