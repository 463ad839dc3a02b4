import type { TicketStatus } from '../ticket/schema';

// The ticket lifecycle from domain.md §1. Kept here until shared/ticket/status.ts lands, then
// the status mutator should call that module's transition() instead.
const allowed: Record<TicketStatus, readonly TicketStatus[]> = {
  received: ['acknowledged', 'in_progress', 'waiting_customer', 'resolved'],
  acknowledged: ['in_progress', 'waiting_customer', 'resolved'],
  in_progress: ['waiting_customer', 'resolved'],
  waiting_customer: ['in_progress', 'resolved'],
  resolved: ['confirmed', 'in_progress'],
  confirmed: ['closed', 'in_progress'],
  closed: [],
};

/** Whether the lifecycle allows moving a ticket from `from` to `to`. */
export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return allowed[from].includes(to);
}
