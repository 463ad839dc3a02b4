import { useMemo } from 'react';
import { computeClocks, type Clock } from '../../../../shared/sla/clocks';
import type { Ticket } from '../../../../shared/ticket';
import { useConfig } from '../../config/config-store';

/** Every clock of a ticket at `now` (derived, never stored); empty when its policy is unknown. */
export function useTicketClocks(ticket: Ticket | undefined, now: number): Clock[] {
  const config = useConfig();
  return useMemo(() => {
    const policy = ticket && config.policies.get(ticket.policyId);
    if (!ticket || !policy) return [];
    try {
      return computeClocks(ticket, policy, now, config.calendars);
    } catch {
      return [];
    }
  }, [ticket, config, now]);
}
