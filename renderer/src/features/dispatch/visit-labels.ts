import type { Visit } from '../../../../shared/dispatch';
import type { Customer } from '../../../../shared/directory';
import type { Ticket } from '../../../../shared/ticket';

/** "Customer – ticket title" (or the kind of visit when it has no ticket), for blocks and lists. */
export function visitTitle(visit: Visit, customers: ReadonlyMap<string, Customer>, tickets: ReadonlyMap<string, Ticket>, kindLabel: string): string {
  const customer = customers.get(visit.customerId)?.name ?? visit.customerId;
  const ticket = visit.ticketId !== undefined ? tickets.get(visit.ticketId) : undefined;
  return `${customer} – ${ticket?.title ?? kindLabel}`;
}
