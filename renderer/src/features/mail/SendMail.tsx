import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { mailPurposes, outboundMailSchema } from '../../../../shared/mail';
import type { Ticket } from '../../../../shared/ticket';
import { useMutations } from '../../app/mutations';
import { useOutcomeText } from '../../app/refusal-text';

const splitAddresses = (s: string) => s.split(/[,;\s]+/).map((a) => a.trim()).filter((a) => a.length > 0);

/**
 * Sends an e-mail from the ticket through the organisation's support mailbox. Offline, the mail
 * waits in this device's outbox and the server sends it at the next sync; the timeline shows it
 * queued, then sent or failed with the reason.
 */
export function SendMail({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const mutate = useMutations();
  const outcomeText = useOutcomeText();
  const [open, setOpen] = useState(false);
  const [to, setTo] = useState(ticket.contactEmail);
  const [cc, setCc] = useState('');
  const [subject, setSubject] = useState(ticket.title);
  const [text, setText] = useState('');
  const [purpose, setPurpose] = useState<(typeof mailPurposes)[number]>('customer_update');
  const [error, setError] = useState('');
  const [status, setStatus] = useState('');

  if (!open)
    return (
      <div className="send-mail-closed">
        <button type="button" onClick={() => (setOpen(true), setStatus(''))}>{t('mail.send.open')}</button>
        {status && <p role="status">{status}</p>}
      </div>
    );
  const send = async () => {
    const parsed = outboundMailSchema.safeParse({ ticketId: ticket.id, to: splitAddresses(to), cc: splitAddresses(cc), subject, text, purpose });
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? 'text');
      setError(t(`mail.send.invalid.${['to', 'cc', 'subject'].includes(field) ? field : 'text'}`));
      return;
    }
    const r = await mutate('mail.send@1', parsed.data);
    if (r.outcome !== 'applied') {
      setError(outcomeText(r, t('mail.send.failed')));
      return;
    }
    setError('');
    setText('');
    setOpen(false);
    setStatus(t('mail.send.queued'));
  };
  return (
    <form className="send-mail" aria-label={t('mail.send.title')} onSubmit={(e) => (e.preventDefault(), void send())} noValidate>
      <h3>{t('mail.send.title')}</h3>
      <label>{t('mail.send.to')}<input aria-label={t('mail.send.to')} value={to} onChange={(e) => setTo(e.target.value)} /></label>
      <label>{t('mail.send.cc')}<input aria-label={t('mail.send.cc')} value={cc} onChange={(e) => setCc(e.target.value)} /></label>
      <label>{t('mail.send.subject')}<input aria-label={t('mail.send.subject')} value={subject} onChange={(e) => setSubject(e.target.value)} /></label>
      <label>{t('mail.send.text')}<textarea aria-label={t('mail.send.text')} rows={6} value={text} onChange={(e) => setText(e.target.value)} /></label>
      <label>{t('mail.send.purpose')}
        <select aria-label={t('mail.send.purpose')} value={purpose} onChange={(e) => setPurpose(e.target.value as (typeof mailPurposes)[number])}>
          {mailPurposes.map((p) => <option key={p} value={p}>{t(`mail.send.purposes.${p}`)}</option>)}
        </select>
      </label>
      <p className="muted">{t('mail.send.explain', { id: ticket.id })}</p>
      <div className="row">
        <button type="submit" className="primary">{t('mail.send.submit')}</button>
        <button type="button" onClick={() => (setOpen(false), setError(''))}>{t('mail.cancel')}</button>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      {status && <p role="status">{status}</p>}
    </form>
  );
}
