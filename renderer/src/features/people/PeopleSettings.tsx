import { useCallback, useEffect, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../shared/directory';
import { useServices } from '../../app/services';
import { useSession } from '../../app/session';
import { presetCalendars } from '../../config/presets';
import { useSyncStatus } from '../sync';
import { AddPersonForm } from './AddPersonForm';
import { createPeopleApi } from './people-api';
import { PersonRow } from './PersonRow';
import './people.css';

/**
 * Settings › People: an admin signed in to the sync server lists the organisation's people, adds
 * someone, changes role, region, calendar and skills, and deactivates (which ends their sessions).
 * Everything goes through the running server; devices pull the directory changes.
 */
export function PeopleSettings() {
  const { t } = useTranslation();
  const { db, host, sync } = useServices();
  const session = useSession((s) => s.session);
  const status = useSyncStatus();
  const server = sync.server();
  const baseUrl = server?.baseUrl;
  const signedIn = !!baseUrl && !status.needsLogin;
  const isAdmin = session.role === 'admin';
  const api = useMemo(() => (baseUrl ? createPeopleApi(baseUrl, async () => (await host.invoke('secrets.getToken', { serverUrl: baseUrl })).token ?? undefined) : undefined), [baseUrl, host]);
  const own = useLiveQuery(async () => (await db.calendars.toArray()).map((c) => ({ id: String(c.id), name: String(c.name ?? c.id) })), [db]);
  // The server accepts the shipped presets and the organisation's own calendars.
  const calendars = useMemo(() => {
    const byId = new Map<string, { id: string; name: string }>(presetCalendars.map((c) => [c.id, { id: c.id, name: c.name }]));
    for (const c of own ?? []) byId.set(c.id, c);
    return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name));
  }, [own]);
  const [people, setPeople] = useState<Person[] | undefined>();
  const [error, setError] = useState('');
  const [message, setMessage] = useState('');

  const reload = useCallback(async () => {
    if (!api || !signedIn || !isAdmin) return;
    try {
      setPeople(await api.list());
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
      <h2 id="people-title">{t('people.title')}</h2>
      <p className="muted">{t('people.explain')}</p>
    </>
  );
  if (!signedIn || !api) return <section className="settings-section" aria-labelledby="people-title">{header}<p data-testid="people-unavailable">{t('people.needServer')}</p></section>;
  if (!isAdmin) return <section className="settings-section" aria-labelledby="people-title">{header}<p data-testid="people-unavailable">{t('people.adminOnly')}</p></section>;

  const changed = (p: Person, what: 'added' | 'changed' | 'deactivated' | 'reactivated') => {
    setMessage(t(`people.done.${what}`, { email: p.email }));
    void reload();
  };
  return (
    <section className="settings-section people" aria-labelledby="people-title">
      {header}
      {error && <p className="error" role="alert">{error}</p>}
      {message && <p role="status">{message}</p>}
      {people === undefined ? (
        <p className="muted">{t('people.loading')}</p>
      ) : (
        <table className="people-table">
          <thead>
            <tr>
              <th>{t('people.name')}</th><th>{t('people.role')}</th><th>{t('people.region')}</th><th>{t('people.calendar')}</th><th>{t('people.skills')}</th><th>{t('people.status')}</th><th>{t('people.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => <PersonRow key={`${p.id}-${p.role}-${p.region}-${p.calendarId}-${p.skills.join()}-${p.active}`} person={p} api={api} calendars={calendars} isMe={p.id === session.userId} onChanged={changed} />)}
          </tbody>
        </table>
      )}
      <AddPersonForm api={api} calendars={calendars} onAdded={(p) => changed(p, 'added')} />
    </section>
  );
}
