import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Engineer } from '../../../../shared/directory';
import { endOfWorkingDay, type InterimState } from '../../../../shared/internal-clocks';
import type { Meter } from '../../../../shared/sla/clocks-meter';
import type { Ticket } from '../../../../shared/ticket';
import { useMutations } from '../../app/mutations';
import { useOutcomeText } from '../../app/refusal-text';
import { useSession } from '../../app/session';
import { interimDraft } from './interim-draft';

type Props = { ticket: Ticket; engineers: Engineer[]; interim: InterimState | undefined; meter: Meter; now: number };

/**
 * "Not solvable today": schedules the interim report to the engineer's superior for the end of the
 * working day on the ticket's calendar; from then on the panel prompts with a draft the engineer
 * completes and sends through the support mailbox (an internal mail), which records it.
 */
export function InterimReport({ ticket, engineers, interim, meter, now }: Props) {
  const { t, i18n } = useTranslation();
  const mutate = useMutations();
  const outcomeText = useOutcomeText();
  const me = useSession((s) => s.session.userId);
  const [text, setText] = useState('');
  const [message, setMessage] = useState('');
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  const open = !['resolved', 'confirmed', 'closed'].includes(ticket.status);
  // The superior: the manager of whoever owns the ticket (or of the signed-in user).
  const worker = engineers.find((e) => e.id === (ticket.ownerId ?? me));
  const superior = engineers.find((e) => e.id === worker?.managerId);

  const schedule = async () => {
    const r = await mutate('ticket.interimReport@1', { ticketId: ticket.id, action: 'schedule', at: endOfWorkingDay(meter, Date.now()), ...(superior ? { to: superior.id } : {}) });
    setMessage(r.outcome === 'applied' ? t('handoff.interim.scheduledNow') : outcomeText(r, t('handoff.refused')));
  };
  const send = async () => {
    if (!text.trim()) return setMessage(t('handoff.interim.empty'));
    if (superior) {
      const mail = await mutate('mail.send@1', { ticketId: ticket.id, to: [superior.email], cc: [], subject: t('handoff.interim.subject', { id: ticket.id, title: ticket.title }), text, purpose: 'escalation' });
      if (mail.outcome !== 'applied') return setMessage(outcomeText(mail, t('handoff.refused')));
    }
    const r = await mutate('ticket.interimReport@1', { ticketId: ticket.id, action: 'sent', text });
    setMessage(r.outcome === 'applied' ? t(superior ? 'handoff.interim.sentNow' : 'handoff.interim.recordedNow') : outcomeText(r, t('handoff.refused')));
  };

  if (!interim) {
    return open ? (
      <div className="handoff-interim">
        <button type="button" onClick={() => void schedule()}>{t('handoff.interim.button')}</button>
        <span className="muted">{t('handoff.interim.explain')}</span>
        {message && <p role="status">{message}</p>}
      </div>
    ) : null;
  }
  if (interim.sentAt !== undefined) return <p data-testid="interim-state">{t('handoff.interim.sent', { at: fmt.format(interim.sentAt) })}</p>;
  const due = now >= interim.scheduledAt;
  return (
    <div className="handoff-interim" data-testid="interim-state">
      <p className={due ? 'error' : ''} role={due ? 'alert' : undefined}>
        {due ? t('handoff.interim.prompt', { to: superior?.name ?? t('handoff.superiorUnknown') }) : t('handoff.interim.scheduled', { at: fmt.format(interim.scheduledAt), to: superior?.name ?? t('handoff.superiorUnknown') })}
      </p>
      <div className="row">
        <button type="button" onClick={() => setText(interimDraft(t, ticket, fmt.format(now)))}>{t('handoff.interim.draft')}</button>
      </div>
      <label className="wide">
        {t('handoff.interim.text')}
        <textarea rows={6} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
      <button type="button" className="primary" onClick={() => void send()}>{t(superior ? 'handoff.interim.send' : 'handoff.interim.record')}</button>
      {message && <p role="status">{message}</p>}
    </div>
  );
}
