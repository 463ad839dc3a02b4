import { useTranslation } from 'react-i18next';
import type { TimelineEvent } from '../../../../shared/ticket';
import { AttachmentList } from '../attachments';
import type { EscalationMatrix } from '../../../../shared/escalation';
import { useEscalationMatrices } from '../escalation';
import { conflictFieldText, conflictValueText, priorityText, severityText } from '../../i18n/vocabulary';
import { internalEventText } from '../handoff';
import { translateEscalationReason, translateLevelName, visitChangeText } from './recorded-text';

type Translate = (k: string, o?: Record<string, unknown>) => string;
type Context = { t: Translate; language: string; names: ReadonlyMap<string, string>; matrices: readonly EscalationMatrix[]; format: (at: number) => string };

function describe(e: TimelineEvent, c: Context): string {
  const { t } = c;
  switch (e.kind) {
    case 'created':
      return e.severityOverride ? t('intake.timeline.createdOverride', { derived: severityText(t, e.severityOverride.derived), reason: e.severityOverride.reason }) : t('timeline.created');
    case 'note':
      return e.text;
    case 'status_changed':
      return t('timeline.status', { from: t(`status.${e.from}`), to: t(`status.${e.to}`) }) + (e.reason ? ` — ${e.reason}` : '');
    case 'severity_changed':
      return t('timeline.severity', { from: severityText(t, e.from.severity), to: severityText(t, e.to.severity), priority: priorityText(t, e.to.priority) }) + (e.impactClassGives ? t('intake.timeline.overridesImpact', { derived: severityText(t, e.impactClassGives) }) : '') + ` — ${e.reason}`;
    case 'assigned':
      return t('timeline.assigned', { to: e.to ? (c.names.get(e.to) ?? e.to) : t('owner.none') });
    case 'customer_update':
      return t('timeline.customerUpdate') + (e.text ? `: ${e.text}` : '');
    case 'sla_alert':
      return e.threshold >= 100 ? t('timeline.breach', { clock: t(`clocks.${e.clock}`) }) : t('timeline.warning', { clock: t(`clocks.${e.clock}`), threshold: e.threshold });
    case 'escalated': {
      const ask = translateEscalationReason(e.ask, t);
      return t('timeline.escalated', { level: translateLevelName(e.levelName, c.matrices, c.language), to: e.recipients.join(', ') }) + (ask ? ` — ${ask}` : '');
    }
    case 'visit':
      return visitChangeText(e.change, e.detail, t, c.names, c.format);
    case 'deferred':
      return t('timeline.deferred', { who: e.agreedWith, until: c.format(e.until) }) + (e.note ? ` — ${e.note}` : '');
    case 'defect_reference':
      return e.reference ? t('timeline.defectReferenceSet', { reference: e.reference }) : t('timeline.defectReferenceCleared');
    case 'rfo':
      return e.step === 'requested' ? t('timeline.rfoRequested') : t('timeline.rfoDelivered', { document: e.fileName || e.document.split('\n')[0] });
    case 'conflict':
      return t('timeline.conflict', { field: conflictFieldText(t, e.field), mine: conflictValueText(t, e.field, e.mine, c.names), theirs: conflictValueText(t, e.field, e.theirs, c.names) });
    case 'mail':
      return t(`mail.timeline.${e.status}`, { to: e.to.join(', '), subject: e.subject, reason: e.reason }) + (e.text ? `\n\n${e.text}` : '');
    case 'internal_step':
      return internalEventText(e, t, c.names, c.format);
  }
}

/** Every event of the ticket in one ordered list. */
export function Timeline({ events, names }: { events: TimelineEvent[]; names: Map<string, string> }) {
  const { t, i18n } = useTranslation();
  const matrices = useEscalationMatrices();
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  const context: Context = { t, language: i18n.language, names, matrices, format: (at) => fmt.format(at) };
  return (
    <ol className="timeline" aria-label={t('ticket.timeline')}>
      {events.map((e) => (
        <li key={e.id} className={`event event-${e.kind}${e.kind === 'note' ? ` note-${e.visibility}` : ''}`} data-kind={e.kind}>
          <div className="event-meta">
            <time dateTime={new Date(e.at).toISOString()}>{fmt.format(e.at)}</time>
            <span>{e.by === 'system' ? t('timeline.system') : (names.get(e.by) ?? e.by)}</span>
            <span className="event-kind">{t(`timeline.kind.${e.kind}`)}{e.kind === 'note' ? ` · ${t(`note.${e.visibility}`)}` : ''}</span>
          </div>
          <div className="event-body">{describe(e, context)}</div>
          {e.kind === 'note' && <AttachmentList ticketId={e.ticketId} owner={{ kind: 'note', id: e.id }} compact />}
        </li>
      ))}
    </ol>
  );
}
