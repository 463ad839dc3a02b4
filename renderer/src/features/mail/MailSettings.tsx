import { useCallback, useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { MailboxView } from '../../../../shared/mail';
import { useServices } from '../../app/services';
import { useSession } from '../../app/session';
import { presetPolicies } from '../../config/presets';
import { useSyncStatus } from '../sync';
import { createMailApi } from './mail-api';
import { MailboxForm } from './MailboxForm';

/**
 * Settings › Mail: an admin signed in to the sync server sets up the support mailboxes the server
 * polls (new mail becomes tickets) and sends through (updates sent from tickets).
 */
export function MailSettings() {
  const { t, i18n } = useTranslation();
  const { db, host, sync } = useServices();
  const session = useSession((s) => s.session);
  const status = useSyncStatus();
  const baseUrl = sync.server()?.baseUrl;
  const signedIn = !!baseUrl && !status.needsLogin;
  const isAdmin = session.role === 'admin';
  const api = useMemo(() => (baseUrl ? createMailApi(baseUrl, async () => (await host.invoke('secrets.getToken', { serverUrl: baseUrl })).token ?? undefined) : undefined), [baseUrl, host]);
  const own = useLiveQuery(async () => (await db.policies.toArray()).map((p) => ({ id: String(p.id), name: String(p.name ?? p.id) })), [db]);
  // The server knows the shipped presets and the organisation's own policies, as every device does.
  const policies = useMemo(() => {
    const byId = new Map(presetPolicies.map((p) => [p.id, { id: p.id, name: p.name }]));
    for (const p of own ?? []) byId.set(p.id, p);
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [own]);
  const [boxes, setBoxes] = useState<MailboxView[] | undefined>();
  const [editing, setEditing] = useState<MailboxView | 'new' | undefined>();
  const [error, setError] = useState('');
  const [message, setMessage] = useState('');
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });

  const reload = useCallback(async () => {
    if (!api || !signedIn || !isAdmin) return;
    try {
      setBoxes(await api.list());
      setError('');
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }, [api, signedIn, isAdmin]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const header = (
    <>
      <h2 id="mail-title">{t('mail.title')}</h2>
      <p className="muted">{t('mail.explain')}</p>
    </>
  );
  if (!signedIn || !api) return <section className="settings-section" aria-labelledby="mail-title">{header}<p>{t('mail.needServer')}</p></section>;
  if (!isAdmin) return <section className="settings-section" aria-labelledby="mail-title">{header}<p>{t('mail.adminOnly')}</p></section>;

  const remove = async (b: MailboxView) => {
    if (!window.confirm(t('mail.confirmRemove', { name: b.settings.name }))) return;
    try {
      await api.remove(b.settings.id);
      setMessage(t('mail.removed', { name: b.settings.name }));
      await reload();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <section className="settings-section mail-settings" aria-labelledby="mail-title">
      {header}
      {error && <p className="error" role="alert">{error}</p>}
      {message && <p role="status">{message}</p>}
      {boxes === undefined ? (
        <p className="muted">{t('mail.loading')}</p>
      ) : boxes.length === 0 ? (
        <p>{t('mail.none')}</p>
      ) : (
        <ul className="mailboxes">
          {boxes.map((b) => (
            <li key={b.settings.id} data-testid={`mailbox-${b.settings.id}`}>
              <strong>{b.settings.name}</strong> · {b.settings.imap.user} · {b.settings.enabled ? t('mail.on') : t('mail.off')}
              <div className="muted">
                {b.lastPollAt === null ? t('mail.neverPolled') : t('mail.lastPoll', { at: fmt.format(b.lastPollAt) })}
                {b.lastError && <span className="error"> · {t('mail.lastError', { reason: b.lastError })}</span>}
              </div>
              <button type="button" onClick={() => setEditing(b)}>{t('mail.edit')}</button>
              <button type="button" onClick={() => void remove(b)}>{t('mail.remove')}</button>
            </li>
          ))}
        </ul>
      )}
      {editing === undefined ? (
        <button type="button" className="primary" onClick={() => setEditing('new')}>{t('mail.add')}</button>
      ) : (
        <MailboxForm
          key={editing === 'new' ? 'new' : editing.settings.id}
          api={api}
          existing={editing === 'new' ? undefined : editing}
          policies={policies}
          onCancel={() => setEditing(undefined)}
          onSaved={(m) => {
            setEditing(undefined);
            setMessage(t('mail.saved', { name: m.settings.name }));
            void reload();
          }}
        />
      )}
    </section>
  );
}
