import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Ticket, TicketStatus } from '../../../../shared/ticket';
import { allowedTransitions } from '../../../../shared/ticket/status';
import { useMutations } from '../../app/mutations';
import { useOutcomeText } from '../../app/refusal-text';
import { ticketTargets } from './ticket-commands';

/** Only the moves the state machine allows are offered. */
export function StatusActions({ ticket }: { ticket: Ticket }) {
  const { t } = useTranslation();
  const mutate = useMutations();
  const outcomeText = useOutcomeText();
  const [error, setError] = useState('');
  const move = async (to: TicketStatus) => {
    const r = await mutate('ticket.changeStatus@1', { ticketId: ticket.id, to, reason: '' });
    setError(r.outcome === 'applied' ? '' : outcomeText(r, ''));
  };
  const next = allowedTransitions(ticket.status);
  return (
    <div id={ticketTargets.status} className="status-actions" role="group" aria-label={t('ticket.moveTo')}>
      {next.map((s) => (
        <button key={s} type="button" onClick={() => void move(s)}>
          {t(`statusAction.${s}`)}
        </button>
      ))}
      {next.length === 0 && <span className="muted">{t('ticket.final')}</span>}
      {error && <span role="alert" className="error">{error}</span>}
    </div>
  );
}
