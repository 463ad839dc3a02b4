import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMinute } from '../../app/use-now';
import { clocksInstant, useTicketClocksState } from '../clocks';
import { TicketBrief } from '../ticket-brief';
import { useTicket } from './use-ticket';
import { ClocksPanel } from './ClocksPanel';
import { Timeline } from './Timeline';
import { NoteForm } from './NoteForm';
import { CadencePanel } from './CadencePanel';
import { TicketDialogs, type TicketDialog } from './TicketDialogs';
import { TicketHeader } from './TicketHeader';
import { TicketLayout } from './TicketLayout';
import { useTicketCommands } from './ticket-commands';
import { AttachmentList } from '../attachments';
import { SendMail } from '../mail';
import { RfoPanel } from '../rfo';
import { DeferralPanel } from '../deferral';
import { DefectReferencePanel } from '../defect';
import { EntitlementFacts } from '../contracts';
import { InternalStepsPanel } from '../handoff';
import './ticket.css';

export function TicketPage({ id }: { id: string }) {
  const { t } = useTranslation();
  const data = useTicket(id);
  const minute = useMinute();
  // Clocks follow each write at once: an action on this ticket moves "now" to the instant it was made.
  const now = clocksInstant(minute, data?.ticket?.updatedAt);
  const { clocks, problem, entitlement } = useTicketClocksState(data?.ticket ?? undefined, now);
  const [dialog, setDialog] = useState<TicketDialog>(null);
  useTicketCommands(data?.ticket, setDialog);
  if (data === undefined) return <p className="muted">{t('app.loading')}</p>;
  if (data === null) return <p role="alert">{t('ticket.notFound', { id })}</p>;
  const { ticket, timeline, customer, engineers } = data;
  const names = new Map(engineers.map((e) => [e.id, e.name]));
  return (
    <TicketLayout
      labelledBy="ticket-title"
      header={<TicketHeader ticket={ticket} timeline={timeline} clocks={clocks} customer={customer} engineers={engineers} onDialog={setDialog} />}
      brief={<TicketBrief ticket={ticket} />}
      main={
        <>
          <h2>{t('ticket.timeline')}</h2>
          <Timeline events={timeline} names={names} />
          <NoteForm ticketId={ticket.id} />
          <SendMail key={ticket.id} ticket={ticket} />
          <AttachmentList ticketId={ticket.id} />
        </>
      }
      side={
        <>
          <h2>{t('ticket.clocks')}</h2>
          <EntitlementFacts entitlement={entitlement} />
          <ClocksPanel clocks={clocks} problem={problem} timeZone={entitlement?.timeZone ?? customer?.site.timeZone} />
          <CadencePanel ticket={ticket} clocks={clocks} customer={customer} />
          <RfoPanel ticket={ticket} clocks={clocks} customer={customer} timeline={timeline} engineers={engineers} />
          <DeferralPanel ticket={ticket} now={now} />
          <DefectReferencePanel key={ticket.id} ticket={ticket} />
          <InternalStepsPanel ticket={ticket} timeline={timeline} engineers={engineers} now={now} />
        </>
      }
      dialogs={<TicketDialogs dialog={dialog} onClose={() => setDialog(null)} ticket={ticket} timeline={timeline} customer={customer} engineers={engineers} clocks={clocks} />}
    />
  );
}
