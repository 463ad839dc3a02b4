import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../app/services';
import { useRouter } from '../../app/router';
import { useSyncStatus } from './use-sync-status';
import { badgeState } from './badge-state';

/** One line in the sidebar: is this device in sync, and if not, why. */
export function SyncBadge() {
  const { t, i18n } = useTranslation();
  const { db, sync } = useServices();
  const status = useSyncStatus();
  const navigate = useRouter((s) => s.navigate);
  const pending = useLiveQuery(() => db.outbox.count(), [db]) ?? 0;
  const online = typeof navigator === 'undefined' || navigator.onLine;
  const server = sync.server();
  const time = status.lastSyncedAt ? new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' }).format(status.lastSyncedAt) : undefined;
  const badge = badgeState(status, !!server, online, time);
  return (
    <button type="button" className={`sync-badge sync-${badge.tone}`} data-testid="sync-badge" onClick={() => navigate({ screen: 'settings', section: 'sync' })}>
      <span>{t(badge.key, badge.params)}</span>
      {pending > 0 && <span className="pending">{t('sync.pending', { count: pending })}</span>}
      {status.conflicts > 0 && <span className="conflicts">{t('sync.conflicts', { count: status.conflicts })}</span>}
    </button>
  );
}
