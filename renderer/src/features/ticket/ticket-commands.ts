import { goBack } from '../../app/router';
import type { Ticket } from '../../../../shared/ticket';
import { useRegisterCommands, type Command } from '../palette';
import type { TicketDialog } from './TicketDialogs';

/** Element ids the ticket's keys move the cursor to. */
export const ticketTargets = { owner: 'ticket-owner', status: 'ticket-status-actions', note: 'ticket-note-text' } as const;

function focus(id: string, inside?: string): void {
  const el = document.getElementById(id);
  const target = inside ? el?.querySelector<HTMLElement>(inside) : el;
  target?.focus();
}

/**
 * The open ticket's actions on the keyboard and in the palette. A closed ticket offers only what
 * can still change it (nothing but notes); severity and escalation are not offered there.
 */
export function useTicketCommands(ticket: Ticket | undefined, openDialog: (d: TicketDialog) => void): void {
  const open = ticket !== undefined && ticket.status !== 'closed';
  const commands: Command[] = ticket
    ? [
        { id: 'ticket-back', labelKey: 'commands.ticketBack', keys: 'Esc', run: goBack },
        ...(open
          ? [
              { id: 'ticket-assign', labelKey: 'commands.ticketAssign', keys: 'a', run: () => focus(ticketTargets.owner) },
              { id: 'ticket-status', labelKey: 'commands.ticketStatus', keys: 's', run: () => focus(ticketTargets.status, 'button') },
              { id: 'ticket-severity', labelKey: 'commands.ticketSeverity', keys: 'v', run: () => openDialog('severity') },
              { id: 'ticket-escalate-dialog', labelKey: 'commands.ticketEscalate', keys: 'E', run: () => openDialog('escalate') },
            ]
          : []),
        { id: 'ticket-note', labelKey: 'commands.ticketNote', keys: 'n', run: () => focus(ticketTargets.note) },
      ]
    : [];
  useRegisterCommands('ticket', commands);
}
