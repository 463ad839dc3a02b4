import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useServices } from '../../app/services';
import { useSession } from '../../app/session';
import { getActor } from '../../data';
import { useSyncStatus } from './use-sync-status';

/**
 * Signing out: the server ends the session, and the user chooses whether the organisation's data
 * leaves this device (a shared or handed-over computer). Unsent changes are counted and kept
 * unless the user explicitly ticks that they may be discarded.
 */
export function SignOutPanel({ onDone, onCancel }: { onDone: (message: string) => void; onCancel: () => void }) {
  const { t } = useTranslation();
  const { db, sync } = useServices();
  const setSession = useSession((s) => s.setSession);
  const { pending } = useSyncStatus();
  const [removeData, setRemoveData] = useState(false);
  const [discard, setDiscard] = useState(false);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    setBusy(true);
    try {
      const r = await sync.logout(removeData ? { forget: { discardUnsent: discard } } : {});
      setSession(await getActor(db));
      const parts = [r.revoked ? t('sync.signOut.revoked') : t('sync.signOut.notRevoked')];
      if (r.forgot) parts.push(t('sync.signOut.removed'));
      if (r.forgot?.discardedUnsent) parts.push(t('sync.signOut.discarded', { count: r.forgot.discardedUnsent }));
      const kept = r.forgot ? r.forgot.keptUnsent : pending;
      if (kept > 0) parts.push(t('sync.signOut.kept', { count: kept }));
      onDone(parts.join(' '));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="sign-out-panel" role="group" aria-label={t('sync.signOut.title')}>
      <p>{t('sync.signOut.explain')}</p>
      {pending > 0 && <p className="warn" data-testid="sign-out-unsent">{t('sync.signOut.unsent', { count: pending })}</p>}
      <label className="check">
        <input type="checkbox" checked={removeData} onChange={(e) => (setRemoveData(e.target.checked), setDiscard(false))} />
        {t('sync.signOut.removeData')}
      </label>
      {removeData && pending > 0 && (
        <label className="check">
          <input type="checkbox" checked={discard} onChange={(e) => setDiscard(e.target.checked)} />
          {t('sync.signOut.discardUnsent', { count: pending })}
        </label>
      )}
      <div className="row">
        <button type="button" className="primary" disabled={busy} onClick={() => void confirm()}>{t('sync.signOut.confirm')}</button>
        <button type="button" disabled={busy} onClick={onCancel}>{t('sync.signOut.cancel')}</button>
      </div>
    </div>
  );
}
