import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Customer, Engineer } from '../../../../shared/directory';
import { renderEml } from '../../../../shared/mail';
import { buildRfoDraft, rfoDraftUnfinished, rfoLevels } from '../../../../shared/rfo';
import type { Clock } from '../../../../shared/sla/clocks';
import type { Ticket, TimelineEvent } from '../../../../shared/ticket';
import { useMutations } from '../../app/mutations';
import { useOutcomeText } from '../../app/refusal-text';
import { useServices } from '../../app/services';
import { useConfig } from '../../config/config-store';

type Props = { ticket: Ticket; clocks: Clock[]; customer?: Customer | undefined; timeline: TimelineEvent[]; engineers: Engineer[] };

/**
 * The reason-for-outage workflow on the ticket: record the customer's request (which starts the
 * RFO clock, due on the policy's RFO target), draft the report in the customer's language, and
 * record its delivery with the document, which stops the clock as met or breached.
 * Shown only where the policy promises an RFO, or once one was requested.
 */
export function RfoPanel({ ticket, clocks, customer, timeline, engineers }: Props) {
  const { t, i18n } = useTranslation();
  const mutate = useMutations();
  const outcomeText = useOutcomeText();
  const { host } = useServices();
  const policy = useConfig().policies.get(ticket.policyId);
  const [document, setDocument] = useState('');
  const [fileName, setFileName] = useState('');
  const [message, setMessage] = useState('');
  const requested = ticket.sla.rfoRequestedAt;
  const delivered = ticket.sla.rfoDeliveredAt;
  const offered = policy ? rfoLevels(policy) : [];
  if (requested === undefined && !offered.includes(ticket.severity)) return null;
  const clock = clocks.find((c) => c.kind === 'rfo');
  const zone = customer?.site.timeZone;
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short', ...(zone ? { timeZone: zone } : {}) });
  const language = customer?.language ?? i18n.language;

  const request = async () => {
    const r = await mutate('ticket.requestRfo@1', { ticketId: ticket.id });
    setMessage(r.outcome === 'applied' ? t('rfo.requestedNow') : outcomeText(r, t('rfo.refused')));
  };
  const build = () => {
    const level = policy?.severityLevels.find((l) => l.id === ticket.severity);
    return buildRfoDraft(ticket, language, { timeline, engineers, timeZone: zone ?? Intl.DateTimeFormat().resolvedOptions().timeZone, ...(level ? { severityLabel: level.label } : {}) });
  };
  const draft = () => {
    const d = build();
    setDocument(`${d.subject}\n\n${d.body}`);
    return d;
  };
  const openDraft = async () => {
    const d = draft();
    try {
      await host.invoke('draft.openEml', { fileName: `${ticket.id}-rfo.eml`, eml: renderEml(d) });
      setMessage(t('rfo.draftOpened'));
    } catch (e) {
      setMessage(e instanceof Error ? e.message : String(e));
    }
  };
  // Sent from the support mailbox: the server delivers the RFO (stops its clock) when the mail leaves.
  const sendMail = async () => {
    if (!document.trim() || rfoDraftUnfinished(document)) return setMessage(t('rfo.unfinished'));
    const d = build();
    const to = d.to.length > 0 ? d.to : [ticket.contactEmail].filter(Boolean);
    const r = await mutate('mail.send@1', { ticketId: ticket.id, to, cc: d.cc ?? [], subject: d.subject, text: document, purpose: 'rfo' });
    setMessage(r.outcome === 'applied' ? t('rfo.mailQueued') : outcomeText(r, t('rfo.refused')));
  };
  const deliver = async () => {
    if (rfoDraftUnfinished(document)) return setMessage(t('rfo.unfinished'));
    const r = await mutate('ticket.deliverRfo@1', { ticketId: ticket.id, document, fileName });
    setMessage(r.outcome === 'applied' ? t('rfo.deliveredNow') : outcomeText(r, t('rfo.refused')));
  };

  return (
    <section className="rfo" aria-label={t('rfo.title')} data-testid="rfo-panel">
      <h3>{t('rfo.title')}</h3>
      {requested === undefined ? (
        <>
          <p className="muted">{t('rfo.notRequested')}</p>
          <button type="button" onClick={() => void request()}>{t('rfo.request')}</button>
        </>
      ) : (
        <>
          <p>{t('rfo.requestedAt', { at: fmt.format(requested) })}</p>
          {clock?.target !== undefined && <p data-testid="rfo-due" className={clock.state === 'breached' ? 'error' : ''}>{t('rfo.due', { at: fmt.format(clock.target) })}</p>}
          {delivered !== undefined ? (
            <p data-testid="rfo-outcome">{t(clock?.state === 'breached' ? 'rfo.deliveredLate' : 'rfo.deliveredOnTime', { at: fmt.format(delivered) })}</p>
          ) : (
            <div className="rfo-deliver">
              <div className="row">
                <button type="button" onClick={() => draft()}>{t('rfo.compose')}</button>
                <button type="button" onClick={() => void openDraft()}>{t('rfo.openDraft')}</button>
              </div>
              <label className="wide">
                {t('rfo.document')}
                <textarea rows={8} value={document} onChange={(e) => setDocument(e.target.value)} />
              </label>
              <label>
                {t('rfo.fileName')}
                <input value={fileName} onChange={(e) => setFileName(e.target.value)} placeholder="RFO.pdf" />
              </label>
              <div className="row">
                <button type="button" className="primary" onClick={() => void sendMail()}>{t('rfo.sendMail')}</button>
                <button type="button" onClick={() => void deliver()}>{t('rfo.deliver')}</button>
              </div>
            </div>
          )}
        </>
      )}
      {message && <p role="status">{message}</p>}
    </section>
  );
}
