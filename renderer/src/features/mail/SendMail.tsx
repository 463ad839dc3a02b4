import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatBytes } from '../../../../shared/attachments';
import { mailPurposes, outboundMailSchema } from '../../../../shared/mail';
import type { Ticket } from '../../../../shared/ticket';
import { useMutations } from '../../app/mutations';
import { useServices } from '../../app/services';
import { addAttachment, AttachmentInputError, type PickedFile } from '../../data';
import { useOutcomeText } from '../../app/refusal-text';

function composeId(): string {
  const b = new Uint8Array(8);
  crypto.getRandomValues(b);
  return `mail-${Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')}`;
}

const splitAddresses = (s: string) => s.split(/[,;\s]+/).map((a) => a.trim()).filter((a) => a.length > 0);

/**
 * Sends an e-mail from the ticket through the organisation's support mailbox. Offline, the mail
 * waits in this device's outbox and the server sends it at the next sync; the timeline shows it
 * queued, then sent or failed with the reason. Files picked here become attachments of the ticket
 * (kept on this device until uploaded) and travel with the mail as MIME parts.
 */
export function SendMail({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const { db } = useServices();
  const picker = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<PickedFile[]>([]);
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
  const pick = async (list: FileList | null) => {
    const picked = await Promise.all(Array.from(list ?? []).map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })));
    setFiles((cur) => [...cur, ...picked]);
    if (picker.current) picker.current.value = '';
  };
  const send = async () => {
    const parsed = outboundMailSchema.safeParse({ ticketId: ticket.id, to: splitAddresses(to), cc: splitAddresses(cc), subject, text, purpose });
    if (!parsed.success) {
      const field = String(parsed.error.issues[0]?.path[0] ?? 'text');
      setError(t(`mail.send.invalid.${['to', 'cc', 'subject'].includes(field) ? field : 'text'}`));
      return;
    }
    // Files are attached to the ticket first (the mail may only carry what the ticket lists).
    const owner = { kind: 'mail' as const, id: composeId() };
    const attachments = [];
    for (const file of files) {
      try {
        const ref = await addAttachment(db, { ticketId: ticket.id, owner, file });
        attachments.push({ sha256: ref.sha256, name: ref.name });
      } catch (e) {
        setError(e instanceof AttachmentInputError && e.code !== 'refused' ? t(`attachments.error.${e.code}`, { name: file.name, ...e.params }) : e instanceof Error ? e.message : String(e));
        return;
      }
    }
    const r = await mutate('mail.send@1', { ...parsed.data, attachments });
    if (r.outcome !== 'applied') {
      setError(outcomeText(r, t('mail.send.failed')));
      return;
    }
    setError('');
    setText('');
    setFiles([]);
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
      {files.length > 0 && (
        <ul className="attachment-list" aria-label={t('mail.send.files', { count: files.length })}>
          {files.map((f, i) => (
            <li key={`${f.name}-${i}`} className="attachment">
              <span className="attachment-name">{f.name}</span>
              <span className="muted"> · {formatBytes(f.bytes.length)}</span>
              <button type="button" className="link" onClick={() => setFiles(files.filter((_, j) => j !== i))}>{t('mail.send.removeFile', { name: f.name })}</button>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="link" onClick={() => picker.current?.click()}>{t('mail.send.attach')}</button>
      <input ref={picker} type="file" multiple hidden aria-label={t('mail.send.attach')} data-testid="mail-attachment-input" onChange={(e) => void pick(e.target.files)} />
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
