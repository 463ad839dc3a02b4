import { useEffect, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useLiveQuery } from 'dexie-react-hooks';
import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useServices } from '../../app/services';
import { useSession } from '../../app/session';
import { getActor } from '../../data';
import { DEMO_TICKET_PREFIX } from '../../../../shared/demo';
import { checkSyncServerUrl } from '../../../../shared/sync/server-url';
import { useSyncStatus } from './use-sync-status';
import type { SyncHistoryEntry } from '../../app/sync-controller';
import { ConflictList } from './ConflictList';
import { SignOutPanel } from './SignOutPanel';

const loginFormSchema = z.object({
  // The message is the reason ('invalid' | 'insecure'), translated where it is shown.
  baseUrl: z.string().superRefine((value, ctx) => {
    const checked = checkSyncServerUrl(value);
    if (!checked.ok) ctx.addIssue({ code: 'custom', message: checked.reason });
  }),
  // Needed only when the same e-mail exists in several organisations (the server says so).
  tenant: z.string().trim(),
  email: z.string().trim().min(3, 'enter your e-mail'),
  password: z.string().min(1, 'enter your password'),
});
type LoginForm = z.infer<typeof loginFormSchema>;

/** Server URL, sign in/out, status and history of this device's sync. */
export function SyncSettings() {
  const { t, i18n } = useTranslation();
  const { db, sync } = useServices();
  const status = useSyncStatus();
  const setSession = useSession((s) => s.setSession);
  const server = sync.server();
  const [history, setHistory] = useState<SyncHistoryEntry[]>([]);
  const [message, setMessage] = useState('');
  const [signingOut, setSigningOut] = useState(false);
  const hasDemo = useLiveQuery(async () => (await db.tickets.where(':id').startsWith(DEMO_TICKET_PREFIX).limit(1).count()) > 0, [db], false);
  const form = useForm<LoginForm>({ resolver: zodResolver(loginFormSchema), defaultValues: { baseUrl: server?.baseUrl ?? '', tenant: server?.tenant ?? '', email: server?.email ?? '', password: '' } });
  useEffect(() => {
    void sync.history().then(setHistory);
  }, [sync, status.lastSyncedAt, status.state]);
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'medium' });

  const login = form.handleSubmit(async ({ password, ...settings }) => {
    try {
      const user = await sync.login(settings, password);
      setSession(await getActor(db));
      const demo = user.retiredDemo.tickets > 0 ? ` ${t('sync.demoRetired', { count: user.retiredDemo.tickets })}` : '';
      setMessage(t('sync.signedIn', { email: user.email }) + demo);
      form.setValue('password', '');
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  });
  const err = form.formState.errors;
  return (
    <section className="settings-section" aria-labelledby="sync-title">
      <h2 id="sync-title">{t('sync.title')}</h2>
      <p className="muted">{t('sync.explain')}</p>
      {hasDemo && <p className="muted" data-testid="sync-demo-note">{t('sync.explainDemo')}</p>}
      <form className="settings-form" onSubmit={(e) => void login(e)} noValidate>
        <label>{t('sync.server')}<input aria-label={t('sync.server')} placeholder="https://sync.example.com" {...form.register('baseUrl')} /></label>
        {err.baseUrl && <span className="error" role="alert">{t(err.baseUrl.message === 'insecure' ? 'sync.errors.insecureUrl' : 'sync.errors.url')}</span>}
        <label>{t('sync.tenant')}<input aria-label={t('sync.tenant')} {...form.register('tenant')} /></label>
        <label>{t('sync.email')}<input aria-label={t('sync.email')} type="email" autoComplete="username" {...form.register('email')} /></label>
        <label>{t('sync.password')}<input aria-label={t('sync.password')} type="password" autoComplete="current-password" {...form.register('password')} /></label>
        {(err.email || err.password) && <span className="error" role="alert">{t('sync.errors.fields')}</span>}
        <div className="row">
          <button type="submit" className="primary">{t('sync.signIn')}</button>
          {server && <button type="button" onClick={() => (setSigningOut(true), setMessage(''))}>{t('sync.signOut.button')}</button>}
          {server && <button type="button" onClick={() => void sync.syncNow()}>{t('sync.now')}</button>}
        </div>
        {message && <p role="status">{message}</p>}
      </form>
      {signingOut && <SignOutPanel onCancel={() => setSigningOut(false)} onDone={(m) => (setSigningOut(false), setMessage(`${t('sync.signedOut')} ${m}`))} />}
      <dl className="sync-facts">
        <div><dt>{t('sync.state')}</dt><dd data-testid="sync-state">{t(`sync.states.${status.state}`)}</dd></div>
        <div><dt>{t('sync.lastSyncedLabel')}</dt><dd>{status.lastSyncedAt ? fmt.format(status.lastSyncedAt) : '—'}</dd></div>
        <div><dt>{t('sync.pendingLabel')}</dt><dd>{status.pending}</dd></div>
        {status.lastError && <div><dt>{t('sync.lastError')}</dt><dd className="error">{status.lastError}</dd></div>}
      </dl>
      <h3>{t('sync.history')}</h3>
      {history.length === 0 ? (
        <p className="muted">{t('sync.noHistory')}</p>
      ) : (
        <ol className="sync-history">
          {history.map((h) => (
            <li key={h.at} className={h.ok ? '' : 'error'}>{fmt.format(h.at)} — {h.detail}</li>
          ))}
        </ol>
      )}
      <ConflictList />
    </section>
  );
}
