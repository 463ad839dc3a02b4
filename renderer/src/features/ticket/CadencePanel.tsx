import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer } from '../../../../shared/directory';
import type { Clock } from '../../../../shared/sla/clocks';
import type { Ticket } from '../../../../shared/ticket';
import { customerUpdateKinds, renderCustomerUpdate, suggestedUpdateKind, type CustomerUpdateKind } from '../../../../shared/customer-update';
import { renderEml } from '../../../../shared/mail';
import { useMutations } from '../../app/mutations';
import { useServices } from '../../app/services';
import { useSession } from '../../app/session';
import { formatMinutes, clockUrgency } from '../clocks';
import { useOutcomeText } from '../../app/refusal-text';

/** The countdown to the next customer update, and the update itself from a template in the customer's language. */
export function CadencePanel({ ticket, clocks, customer }: { ticket: Ticket; clocks: Clock[]; customer?: Customer }) {
  const { t, i18n } = useTranslation();
  const outcomeText = useOutcomeText();
  const { host, db } = useServices();
  const mutate = useMutations();
  const me = useSession((s) => s.session.userId);
  const cadence = clocks.find((c) => c.kind === 'update_cadence');
  const sent = ticket.sla.customerUpdates.length;
  const [kind, setKind] = useState<CustomerUpdateKind>(suggestedUpdateKind(sent, ticket.status));
  const [draft, setDraft] = useState<{ subject: string; body: string } | null>(null);
  const [message, setMessage] = useState('');
  const language = customer?.language ?? i18n.language;

  const compose = async (k: CustomerUpdateKind) => {
    const engineer = (await db.engineers.get(me))?.name ?? me;
    const next = cadence?.target !== undefined && cadence.state === 'running' ? new Intl.DateTimeFormat(language, { timeStyle: 'short', timeZone: customer?.site.timeZone }).format(cadence.target) : '';
    setDraft(renderCustomerUpdate(k, language, { ticketId: ticket.id, title: ticket.title, contact: ticket.contactName || (customer?.name ?? ''), engineer, status: t(`status.${ticket.status}`, { lng: language }), nextUpdate: next }));
  };
  const openDraft = async () => {
    if (!draft) return;
    try {
      await host.invoke('draft.openEml', { fileName: `${ticket.id}-update-${sent + 1}.eml`, eml: renderEml({ to: ticket.contactEmail ? [ticket.contactEmail] : [], subject: draft.subject, body: draft.body }) });
      setMessage(t('cadence.opened'));
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };
  const recordSent = async () => {
    const r = await mutate('ticket.recordCustomerUpdate@1', { ticketId: ticket.id, text: draft ? `${draft.subject}\n\n${draft.body}` : '' });
    setMessage(r.outcome === 'applied' ? t('cadence.recorded') : outcomeText(r, ''));
    if (r.outcome === 'applied') setDraft(null);
  };

  return (
    <section className="cadence" aria-label={t('cadence.title')}>
      <h3>{t('cadence.title')}</h3>
      {!cadence || cadence.state === 'met' || cadence.state === 'pending' ? (
        <p className="muted">{t('cadence.none')}</p>
      ) : (
        <p className={`clock-${clockUrgency(cadence)}`} data-testid="cadence-countdown">
          {cadence.remainingMinutes < 0
            ? t('cadence.overdue', { time: formatMinutes(-cadence.remainingMinutes, i18n.language) })
            : t('cadence.due', { time: formatMinutes(cadence.remainingMinutes, i18n.language) })}
        </p>
      )}
      <p className="muted">{t('cadence.sent', { count: sent })}</p>
      <div className="row">
        <select aria-label={t('cadence.template')} value={kind} onChange={(e) => setKind(e.target.value as CustomerUpdateKind)}>
          {customerUpdateKinds.map((k) => (
            <option key={k} value={k}>{t(`cadence.kinds.${k}`)}</option>
          ))}
        </select>
        <button type="button" onClick={() => void compose(kind)}>{t('cadence.compose')}</button>
      </div>
      {draft && (
        <div className="cadence-draft">
          <input aria-label={t('cadence.subject')} value={draft.subject} onChange={(e) => setDraft({ ...draft, subject: e.target.value })} />
          <textarea aria-label={t('cadence.body')} rows={8} value={draft.body} onChange={(e) => setDraft({ ...draft, body: e.target.value })} />
          <div className="row">
            <button type="button" onClick={() => void openDraft()}>{t('cadence.openDraft')}</button>
            <button type="button" onClick={() => void host.invoke('clipboard.writeText', { text: `${draft.subject}\n\n${draft.body}` })}>{t('cadence.copy')}</button>
          </div>
        </div>
      )}
      <button type="button" className="primary" onClick={() => void recordSent()}>{t('cadence.recordSent')}</button>
      {message && <p role="status">{message}</p>}
    </section>
  );
}
