import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Visit } from '../../../../shared/dispatch';
import { useServices } from '../../app/services';
import { useSession } from '../../app/session';
import { useMinute } from '../../app/use-now';
import { useConfig } from '../../config/config-store';
import { exportEngineerFeed } from '../dispatch';
import { groupMyVisits, type MyVisitGroups } from './my-visits';
import { useMyVisits } from './use-my-visits';
import { VisitDetail } from './VisitDetail';
import './visits.css';

const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The field engineer's screen: today's and upcoming visits of the signed-in user, fully offline. */
export function MyVisits() {
  const { t, i18n } = useTranslation();
  const { host } = useServices();
  const config = useConfig();
  const me = useSession((s) => s.session.userId);
  const data = useMyVisits(me);
  const now = useMinute();
  const [selectedId, setSelectedId] = useState<string>();
  const [handOffError, setHandOffError] = useState('');
  if (!data) return <p className="muted">{t('app.loading')}</p>;
  const zone = (data.me && config.calendars[data.me.calendarId]?.timeZone) ?? browserZone;
  const groups = groupMyVisits(data.visits, me, now, zone);
  const all = [...groups.today, ...groups.overdue, ...groups.upcoming, ...groups.done];
  const selected = all.find((v) => v.id === selectedId) ?? groups.today[0] ?? groups.overdue[0] ?? groups.upcoming[0];
  const fmt = new Intl.DateTimeFormat(i18n.language, { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', timeZone: zone });
  const item = (v: Visit) => (
    <li key={v.id}>
      <button type="button" className={`my-visit${selected?.id === v.id ? ' active' : ''}`} aria-current={selected?.id === v.id ? 'true' : undefined} data-testid="my-visit" data-visit-id={v.id} onClick={() => setSelectedId(v.id)}>
        <span className="mono">{v.window ? fmt.format(v.window.start) : ''}</span>
        <span>{data.customers.get(v.customerId)?.name ?? v.customerId}</span>
        <span className="muted">{t(`dispatch.status.${v.status}`)}</span>
      </button>
    </li>
  );
  const group = (key: keyof MyVisitGroups) =>
    groups[key].length > 0 && (
      <section key={key} aria-labelledby={`group-${key}`}>
        <h2 id={`group-${key}`}>{t(`visits.groups.${key}`, { count: groups[key].length })}</h2>
        <ul className="my-visit-list">{groups[key].map(item)}</ul>
      </section>
    );
  return (
    <section className="my-visits" aria-labelledby="my-visits-title">
      <header className="row">
        <h1 id="my-visits-title">{t('visits.title')}</h1>
        <span className="muted">{t('visits.signedInAs', { name: data.me?.name ?? me, zone })}</span>
        {data.me && (
          <button type="button" onClick={() => data.me && exportEngineerFeed(host, data.me, data.visits, { customers: data.customers, tickets: data.tickets, engineers: data.engineers, organizerEmail: data.me.email }, t('dispatch.feedName', { name: data.me.name })).catch((e: unknown) => setHandOffError(e instanceof Error ? e.message : String(e)))}>
            {t('dispatch.exportFeed')}
          </button>
        )}
      </header>
      {handOffError && <p className="error" role="alert">{t('dispatch.handOffFailed', { message: handOffError })}</p>}
      {data.me && data.me.role !== 'field_engineer' && <p className="muted">{t('visits.notFieldEngineer')}</p>}
      <div className="my-visits-body">
        <nav className="my-visits-list" aria-label={t('visits.title')}>
          {all.length === 0 ? <p className="muted">{t('visits.none')}</p> : (['today', 'overdue', 'upcoming', 'done'] as const).map(group)}
        </nav>
        {selected && <VisitDetail key={selected.id} visit={selected} data={data} zone={zone} onError={setHandOffError} />}
      </div>
    </section>
  );
}
