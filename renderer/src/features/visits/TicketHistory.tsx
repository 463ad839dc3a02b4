import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from '../../../../shared/ticket';
import { actorName, visitEntryText } from '../dispatch';

type Readable = { names: ReadonlyMap<string, string>; format: (instant: number) => string };

function text(e: TimelineEvent, t: (k: string, o?: Record<string, unknown>) => string, r: Readable): string {
  switch (e.kind) {
    case 'note':
      return e.text;
    case 'status_changed':
      return `${t(`status.${e.from}`)} → ${t(`status.${e.to}`)}${e.reason ? ` — ${e.reason}` : ''}`;
    case 'severity_changed':
      return `${e.from.severity} → ${e.to.severity} — ${e.reason}`;
    case 'visit':
      return visitEntryText(e.change, e.detail, t, r.names, r.format);
    case 'customer_update':
      return e.text;
    case 'escalated':
      return `${e.levelName}${e.ask ? ` — ${e.ask}` : ''}`;
    case 'sla_alert':
      return t(`clocks.${e.clock}`);
    default:
      return '';
  }
}

/** The ticket's history for the engineer on site (read from the local store, so also offline), in the screen's zone. */
export function TicketHistory({ events, names, zone }: { events: readonly TimelineEvent[]; names: ReadonlyMap<string, string>; zone: string }) {
  const { t, i18n } = useTranslation();
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short', timeZone: zone });
  if (events.length === 0) return <p className="muted">{t('visits.noHistory')}</p>;
  return (
    <ol className="ticket-history" aria-label={t('visits.history')}>
      {events.map((e) => (
        <li key={e.id} data-kind={e.kind}>
          <span className="muted">{fmt.format(e.at)} · {actorName(e.by, names, t('timeline.system'))} · {t(`timeline.kind.${e.kind}`)}</span>
          <div>{text(e, t, { names, format: (x) => fmt.format(x) })}</div>
        </li>
      ))}
    </ol>
  );
}
