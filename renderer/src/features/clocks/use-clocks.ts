import { useMemo } from 'react';
import { ticketClocks, type TicketClocks } from '../../../../shared/sla';
import type { Ticket } from '../../../../shared/ticket';
import { useConfig } from '../../config/config-store';

const none: TicketClocks = { clocks: [], problem: { kind: 'invalid', message: 'no ticket' } };

/**
 * A ticket's clocks at `now` (derived, never stored) with, when there are none because its policy
 * or a calendar is missing, the reason (the ticket page shows it).
 */
export function useTicketClocksState(ticket: Ticket | undefined, now: number): TicketClocks {
  const config = useConfig();
  return useMemo(() => (ticket ? ticketClocks(ticket, config, now) : none), [ticket, config, now]);
}

/** Every clock of a ticket at `now`; empty when its policy or a calendar is not loaded. */
export function useTicketClocks(ticket: Ticket | undefined, now: number): TicketClocks['clocks'] {
  return useTicketClocksState(ticket, now).clocks;
}
