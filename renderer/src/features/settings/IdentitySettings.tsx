import { useTranslation } from 'react-i18next';
import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../app/services';
import { useSession } from '../../app/session';
import { setActor } from '../../data';

/** Without a sync server, who uses this device is picked from the directory (the demo's people). */
export function IdentitySettings() {
  const { t } = useTranslation();
  const { db, sync } = useServices();
  const { session, setSession } = useSession();
  const engineers = useLiveQuery(async () => (await db.engineers.toArray()).sort((a, b) => a.name.localeCompare(b.name)), [db]) ?? [];
  const signedIn = !!sync.server() && !sync.status.get().needsLogin;
  const choose = async (id: string) => {
    const e = engineers.find((x) => x.id === id);
    if (!e) return;
    const actor = { userId: e.id, role: e.role, region: e.region };
    await setActor(db, actor);
    setSession(actor);
  };
  return (
    <section className="settings-section" aria-labelledby="identity-title">
      <h2 id="identity-title">{t('settings.identity')}</h2>
      <p className="muted">{signedIn ? t('settings.identitySignedIn') : t('settings.identityExplain')}</p>
      <label>
        {t('settings.actingAs')}
        <select aria-label={t('settings.actingAs')} value={session.userId} disabled={signedIn} onChange={(e) => void choose(e.target.value)}>
          {engineers.map((e) => (
            <option key={e.id} value={e.id}>{e.name} — {t(`settings.roles.${e.role}`)}</option>
          ))}
        </select>
      </label>
    </section>
  );
}
