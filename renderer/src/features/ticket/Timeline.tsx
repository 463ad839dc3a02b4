import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from '../../../../shared/ticket';
import { AttachmentList } from '../attachments';

function describe(e: TimelineEvent, t: (k: string, o?: Record<string, unknown>) => string, fmt: Intl.DateTimeFormat): string {
  switch (e.kind) {
    case 'created':
      return t('timeline.created');
    case 'note':
      return e.text;
    case 'status_changed':
      return t('timeline.status', { from: t(`status.${e.from}`), to: t(`status.${e.to}`) }) + (e.reason ? ` — ${e.reason}` : '');
    case 'severity_changed':
      return t('timeline.severity', { from: e.from.severity, to: e.to.severity, priority: e.to.priority }) + ` — ${e.reason}`;
    case 'assigned':
      return t('timeline.assigned', { to: e.to ?? t('owner.none') });
    case 'customer_update':
      return t('timeline.customerUpdate') + (e.text ? `: ${e.text}` : '');
    case 'sla_alert':
      return e.threshold >= 100 ? t('timeline.breach', { clock: t(`clocks.${e.clock}`) }) : t('timeline.warning', { clock: t(`clocks.${e.clock}`), threshold: e.threshold });
    case 'escalated':
      return t('timeline.escalated', { level: e.levelName, to: e.recipients.join(', ') }) + (e.ask ? ` — ${e.ask}` : '');
    case 'visit':
      return t('timeline.visit', { change: e.change }) + (e.detail ? ` — ${e.detail}` : '');
    case 'deferred':
      return t('timeline.deferred', { who: e.agreedWith, until: fmt.format(e.until) }) + (e.note ? ` — ${e.note}` : '');
    case 'rfo':
      return e.step === 'requested' ? t('timeline.rfoRequested') : t('timeline.rfoDelivered', { document: e.fileName || e.document.split('\n')[0] });
    case 'conflict':
      return t('timeline.conflict', { field: e.field, mine: e.mine, theirs: e.theirs });
    case 'mail':
      return t(`mail.timeline.${e.status}`, { to: e.to.join(', '), subject: e.subject, reason: e.reason }) + (e.text ? `\n\n${e.text}` : '');
  }
}

/** Every event of the ticket in one ordered list. */
export function Timeline({ events, names }: { events: TimelineEvent[]; names: Map<string, string> }) {
  const { t, i18n } = useTranslation();
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  return (
    <ol className="timeline" aria-label={t('ticket.timeline')}>
      {events.map((e) => (
        <li key={e.id} className={`event event-${e.kind}${e.kind === 'note' ? ` note-${e.visibility}` : ''}`} data-kind={e.kind}>
          <div className="event-meta">
            <time dateTime={new Date(e.at).toISOString()}>{fmt.format(e.at)}</time>
            <span>{names.get(e.by) ?? e.by}</span>
            <span className="event-kind">{t(`timeline.kind.${e.kind}`)}{e.kind === 'note' ? ` · ${t(`note.${e.visibility}`)}` : ''}</span>
          </div>
          <div className="event-body">{describe(e, t, fmt)}</div>
          {e.kind === 'note' && <AttachmentList ticketId={e.ticketId} owner={{ kind: 'note', id: e.id }} compact />}
        </li>
      ))}
    </ol>
  );
}
