import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMinute } from '../../app/use-now';
import { useTicketClocksState } from '../clocks';
import { RequestOnSiteButton } from '../dispatch';
import { useTicket } from './use-ticket';
import { ClocksPanel } from './ClocksPanel';
import { Timeline } from './Timeline';
import { NoteForm } from './NoteForm';
import { StatusActions } from './StatusActions';
import { AssignSelect } from './AssignSelect';
import { CadencePanel } from './CadencePanel';
import { TicketDialogs, type TicketDialog } from './TicketDialogs';
import { MuteTicketButton } from '../alerts';
import { EntitlementFacts } from '../contracts';
import './ticket.css';

export function TicketPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const data = useTicket(id);
  const now = useMinute();
  const { clocks, problem, entitlement } = useTicketClocksState(data?.ticket ?? undefined, now);
  const [dialog, setDialog] = useState<TicketDialog>(null);
  if (data === undefined) return <p className="muted">{t('app.loading')}</p>;
  if (data === null) return <p role="alert">{t('ticket.notFound', { id })}</p>;
  const { ticket, timeline, customer, engineers } = data;
  const names = new Map(engineers.map((e) => [e.id, e.name]));
  return (
    <article className="ticket" aria-labelledby="ticket-title">
      <header className="ticket-header">
        <div className="ticket-id mono">{ticket.id}</div>
        <h1 id="ticket-title">{ticket.title}</h1>
        <dl className="facts">
          <div><dt>{t('ticket.customer')}</dt><dd>{customer?.name ?? ticket.customerId}</dd></div>
          <div><dt>{t('ticket.tier')}</dt><dd>{customer ? t(`tier.${customer.contractTier}`) : '—'}</dd></div>
          <div><dt>{t('ticket.product')}</dt><dd>{ticket.product} {ticket.productVersion}</dd></div>
          <div><dt>{t('ticket.severity')}</dt><dd className={`sev sev-${ticket.severity}`} data-testid="ticket-severity">{ticket.severity}</dd></div>
          <div><dt>{t('ticket.impact')}</dt><dd>{t(`impact.${ticket.impact}`)}</dd></div>
          <div><dt>{t('ticket.priority')}</dt><dd data-testid="ticket-priority">{ticket.priority}</dd></div>
          <div><dt>{t('ticket.status')}</dt><dd data-testid="ticket-status">{t(`status.${ticket.status}`)}</dd></div>
          <div><dt>{t('ticket.owner')}</dt><dd><AssignSelect ticket={ticket} engineers={engineers} /></dd></div>
          {ticket.escalationLevel > 0 && <div><dt>{t('ticket.escalation')}</dt><dd>{ticket.escalationLevel}</dd></div>}
        </dl>
        <div className="ticket-actions">
          <StatusActions ticket={ticket} />
          {/* A closed ticket is final: its severity and escalation can no longer change, so neither is offered. */}
          {ticket.status !== 'closed' && <button type="button" onClick={() => setDialog('severity')}>{t('ticket.changeSeverity')}</button>}
          {ticket.status !== 'closed' && <button type="button" onClick={() => setDialog('escalate')}>{t('ticket.escalate')}</button>}
          <RequestOnSiteButton ticket={ticket} />
          <MuteTicketButton ticketId={ticket.id} />
        </div>
      </header>
      <div className="ticket-body">
        <section className="ticket-main">
          <h2>{t('ticket.timeline')}</h2>
          <Timeline events={timeline} names={names} />
          <NoteForm ticketId={ticket.id} />
        </section>
        <aside className="ticket-side">
          <h2>{t('ticket.clocks')}</h2>
          <EntitlementFacts entitlement={entitlement} />
          <ClocksPanel clocks={clocks} problem={problem} timeZone={entitlement?.timeZone ?? customer?.site.timeZone} />
          <CadencePanel ticket={ticket} clocks={clocks} customer={customer} />
        </aside>
      </div>
      <TicketDialogs dialog={dialog} onClose={() => setDialog(null)} ticket={ticket} timeline={timeline} customer={customer} engineers={engineers} clocks={clocks} />
    </article>
  );
}
