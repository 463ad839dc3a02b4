import { useTranslation } from 'react-i18next';
import type { Ticket, TimelineEvent } from '../../../../shared/ticket';
import type { Clock } from '../../../../shared/sla/clocks';
import type { Customer, Engineer } from '../../../../shared/directory';
import { RequestOnSiteButton, ServiceVisitRequest } from '../dispatch';
import { MuteTicketButton } from '../alerts';
import { EscalateNowButton } from '../escalation';
import { StatusActions } from './StatusActions';
import { AssignSelect } from './AssignSelect';
import type { TicketDialog } from './TicketDialogs';
import { priorityText, severityText } from '../../i18n/vocabulary';

type Props = { ticket: Ticket; timeline: TimelineEvent[]; clocks: Clock[]; customer?: Customer; engineers: Engineer[]; onDialog: (d: TicketDialog) => void };

/** Id, title, the facts that sort the ticket, and every action on it. */
export function TicketHeader({ ticket, timeline, clocks, customer, engineers, onDialog }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <div className="ticket-id mono">{ticket.id}</div>
      <h1 id="ticket-title">{ticket.title}</h1>
      <dl className="facts">
        <div><dt>{t('ticket.customer')}</dt><dd>{customer?.name ?? ticket.customerId}</dd></div>
        <div><dt>{t('ticket.tier')}</dt><dd>{customer ? t(`tier.${customer.contractTier}`) : '—'}</dd></div>
        <div><dt>{t('ticket.product')}</dt><dd>{ticket.product} {ticket.productVersion}</dd></div>
        <div><dt>{t('ticket.severity')}</dt><dd className={`sev sev-${ticket.severity}`} data-testid="ticket-severity">{severityText(t, ticket.severity)}</dd></div>
        <div><dt>{t('ticket.impact')}</dt><dd>{t(`impact.${ticket.impact}`)}</dd></div>
        <div><dt>{t('ticket.priority')}</dt><dd data-testid="ticket-priority">{priorityText(t, ticket.priority)}</dd></div>
        <div><dt>{t('ticket.status')}</dt><dd data-testid="ticket-status">{t(`status.${ticket.status}`)}</dd></div>
        <div><dt>{t('ticket.owner')}</dt><dd><AssignSelect ticket={ticket} engineers={engineers} /></dd></div>
        {ticket.escalationLevel > 0 && <div><dt>{t('ticket.escalation')}</dt><dd>{ticket.escalationLevel}</dd></div>}
      </dl>
      <div className="ticket-actions">
        <StatusActions ticket={ticket} />
        {/* A closed ticket is final: its severity and escalation can no longer change, so neither is offered. */}
        {ticket.status !== 'closed' && <button type="button" onClick={() => onDialog('severity')}>{t('ticket.changeSeverity')}</button>}
        <EscalateNowButton ticket={ticket} timeline={timeline} customer={customer} engineers={engineers} clocks={clocks} />
        {ticket.status !== 'closed' && <button type="button" onClick={() => onDialog('escalate')}>{t('ticket.escalate')}</button>}
        <RequestOnSiteButton ticket={ticket} />
        {ticket.status !== 'closed' && <ServiceVisitRequest ticket={ticket} />}
        <MuteTicketButton ticketId={ticket.id} />
      </div>
    </>
  );
}
