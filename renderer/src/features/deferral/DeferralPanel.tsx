import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { deferredUntil } from '../../../../shared/deferral';
import type { Ticket } from '../../../../shared/ticket';
import { useMutations } from '../../app/mutations';
import { useOutcomeText } from '../../app/refusal-text';

/** Tomorrow 09:00 local time: the usual "next business day" a deferral agrees on, as a datetime-local value. */
function tomorrowMorning(now: number): string {
  const d = new Date(now);
  d.setDate(d.getDate() + 1);
  d.setHours(9, 0, 0, 0);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/**
 * Deferral by agreement: a non-service-affecting fault raised outside normal hours may wait
 * until the next business day when both sides agree. Records who agreed and when work resumes;
 * the clocks pause until then. Shown only for non-service-affecting tickets still being worked.
 */
export function DeferralPanel({ ticket, now }: { ticket: Ticket; now: number }) {
  const { t, i18n } = useTranslation();
  const mutate = useMutations();
  const outcomeText = useOutcomeText();
  const [open, setOpen] = useState(false);
  const [agreedWith, setAgreedWith] = useState(ticket.contactName);
  const [until, setUntil] = useState(() => tomorrowMorning(now));
  const [message, setMessage] = useState('');
  const active = deferredUntil(ticket, now);
  const workable = ticket.impact === 'non_service_affecting' && !['resolved', 'confirmed', 'closed'].includes(ticket.status);
  if (!workable && active === undefined) return null;
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });

  const save = async () => {
    const at = new Date(until).getTime();
    const r = await mutate('ticket.defer@1', { ticketId: ticket.id, until: Number.isFinite(at) ? at : 0, agreedWith });
    setMessage(r.outcome === 'applied' ? t('deferral.saved') : outcomeText(r, t('deferral.refused')));
    if (r.outcome === 'applied') setOpen(false);
  };

  return (
    <section className="deferral" aria-label={t('deferral.title')} data-testid="deferral-panel">
      <h3>{t('deferral.title')}</h3>
      {active !== undefined && <p data-testid="deferral-active">{t('deferral.active', { until: fmt.format(active) })}</p>}
      {workable && !open && <button type="button" onClick={() => setOpen(true)}>{t('deferral.open')}</button>}
      {workable && open && (
        <div className="deferral-form">
          <p className="muted">{t('deferral.rule')}</p>
          <label>
            {t('deferral.agreedWith')}
            <input value={agreedWith} onChange={(e) => setAgreedWith(e.target.value)} />
          </label>
          <label>
            {t('deferral.until')}
            <input type="datetime-local" value={until} onChange={(e) => setUntil(e.target.value)} />
          </label>
          <div className="row">
            <button type="button" className="primary" onClick={() => void save()}>{t('deferral.save')}</button>
            <button type="button" onClick={() => setOpen(false)}>{t('common.cancel')}</button>
          </div>
        </div>
      )}
      {message && <p role="status">{message}</p>}
    </section>
  );
}
