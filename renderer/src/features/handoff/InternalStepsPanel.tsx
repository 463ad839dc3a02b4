import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Engineer } from '../../../../shared/directory';
import { internalContext, internalStatus, type InternalClock } from '../../../../shared/internal-clocks';
import type { Ticket, TimelineEvent } from '../../../../shared/ticket';
import { useMutations } from '../../app/mutations';
import { useOutcomeText } from '../../app/refusal-text';
import { configContractRows, useConfig } from '../../config/config-store';
import { progressInstants, roleText, startText, stepText } from './handoff-text';
import { InterimReport } from './InterimReport';
import './handoff.css';

type Props = { ticket: Ticket; timeline: TimelineEvent[]; engineers: Engineer[]; now: number };

/**
 * The team's internal hand-off steps (receptionist -> specialist -> manager -> engineer -> ...),
 * apart from the customer's SLA clocks: whose turn it is, the step's deadline, and one button that
 * records the current hand-off. Shown only where the ticket's policy defines an internal process.
 */
export function InternalStepsPanel({ ticket, timeline, engineers, now }: Props) {
  const { t, i18n } = useTranslation();
  const config = useConfig();
  const mutate = useMutations();
  const outcomeText = useOutcomeText();
  const [to, setTo] = useState('');
  const [message, setMessage] = useState('');
  const ictx = internalContext(ticket, { policies: config.policies, calendars: config.calendars, ...configContractRows(config) });
  if (!ictx) return null;
  const status = internalStatus(ticket, ictx.process, ictx.meter, now, progressInstants(timeline));
  const names = new Map(engineers.map((e) => [e.id, e.name]));
  const fmt = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'short', timeStyle: 'short' });
  const person = (id: string | undefined) => (id ? (names.get(id) ?? id) : t('handoff.nobodyNamed'));
  const next = status.next;
  const current = status.current;

  const record = async () => {
    if (!next) return;
    const r = await mutate('ticket.recordHandoff@1', { ticketId: ticket.id, step: next.step.id, mark: next.mark, ...(next.mark === 'done' && to ? { to } : {}) });
    setMessage(r.outcome === 'applied' ? t('handoff.recorded') : outcomeText(r, t('handoff.refused')));
    if (r.outcome === 'applied') setTo('');
  };

  return (
    <section className="handoff" aria-label={t('handoff.title')} data-testid="internal-steps">
      <h3>{t('handoff.title')}</h3>
      <p className="muted">{t('handoff.notCustomerFacing')}</p>
      {current ? (
        <p data-testid="internal-turn" className="handoff-turn">
          {t('handoff.turn', { role: roleText(t, current.from), person: person(current.person) })}
        </p>
      ) : (
        <p data-testid="internal-turn">{t('handoff.allDone')}</p>
      )}
      <ol className="handoff-steps">
        {status.clocks.map((c) => (
          <li key={c.step} data-step={c.step} data-state={c.state} className={`handoff-step state-${c.state}${c === current ? ' current' : ''}`}>
            <span className="handoff-name">{stepText(t, ictx.process.steps.find((s) => s.id === c.step) ?? { id: c.step })}</span>
            <span className="handoff-state">{clockLine(c, t, fmt)}</span>
          </li>
        ))}
      </ol>
      {next && ticket.status !== 'closed' && (
        <div className="row handoff-action">
          {next.mark === 'done' && next.step.to !== 'customer' && (
            <label>
              {t('handoff.handTo', { role: roleText(t, next.step.to) })}
              <select value={to} onChange={(e) => setTo(e.target.value)}>
                <option value="">{t('handoff.nobody')}</option>
                {engineers.map((e) => (
                  <option key={e.id} value={e.id}>{e.name}</option>
                ))}
              </select>
            </label>
          )}
          <button type="button" className="primary" onClick={() => void record()}>
            {next.mark === 'start' ? startText(t, next.step) : t('handoff.record', { step: stepText(t, next.step) })}
          </button>
        </div>
      )}
      {status.noProgress && (
        <p data-testid="internal-no-progress" className={status.noProgress.escalatedAt !== undefined ? 'error' : 'muted'}>
          {status.noProgress.escalatedAt !== undefined
            ? t('handoff.noProgress.escalated', { role: roleText(t, status.noProgress.escalateTo), at: fmt.format(status.noProgress.escalatedAt) })
            : t('handoff.noProgress.due', { role: roleText(t, status.noProgress.escalateTo), at: fmt.format(status.noProgress.dueAt), minutes: ictx.process.noProgress?.minutes ?? 30 })}
        </p>
      )}
      {ictx.process.interimReport && <InterimReport ticket={ticket} engineers={engineers} interim={status.interim} meter={ictx.meter} now={now} />}
      {message && <p role="status">{message}</p>}
    </section>
  );
}

function clockLine(c: InternalClock, t: (k: string, o?: Record<string, unknown>) => string, fmt: Intl.DateTimeFormat): string {
  const minutes = Math.round(Math.abs(c.remainingMinutes));
  switch (c.state) {
    case 'waiting':
      return t('handoff.state.waiting', { minutes: c.minutes });
    case 'running':
      return t('handoff.state.running', { at: fmt.format(c.target ?? 0), minutes });
    case 'met':
      return t('handoff.state.met', { at: fmt.format(c.completedAt ?? 0) });
    case 'breached':
      return c.completedAt !== undefined ? t('handoff.state.breachedDone', { at: fmt.format(c.completedAt), minutes }) : t('handoff.state.breached', { at: fmt.format(c.target ?? 0), minutes });
  }
}
