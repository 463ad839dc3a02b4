import { z } from 'zod';
import { instantSchema, type Ticket } from '../../ticket/schema';
import { defineMutation } from '../mutation-types';
import { eventId, readTicket, refuse, ticketWrite } from './helpers';

export const recordCustomerUpdateArgs = z.object({
  ticketId: z.string().min(1),
  text: z.string().max(50_000).default(''),
  /** When the update was sent; defaults to now. */
  at: instantSchema.optional(),
});

/**
 * Records that the customer was updated (the update-cadence clock). Append-only: the instant is
 * merged into the server's current list (sorted, no duplicates), so concurrent updates never conflict.
 */
export const ticketRecordCustomerUpdate = defineMutation({
  name: 'ticket.recordCustomerUpdate',
  version: 1,
  args: recordCustomerUpdateArgs,
  touches: (a) => [{ table: 'tickets', id: a.ticketId }],
  mutate: (read, a, ctx) => {
    const cur = readTicket(read, a.ticketId);
    if (!cur) return refuse(ctx, 'ticket.recordCustomerUpdate@1', a.ticketId, `ticket ${a.ticketId} not found`, a.text);
    const t = cur.ticket;
    const at = a.at ?? ctx.now;
    const customerUpdates = [...new Set([...t.sla.customerUpdates, at])].sort((x, y) => x - y);
    const changed = customerUpdates.length !== t.sla.customerUpdates.length;
    const next: Ticket = { ...t, sla: { ...t.sla, customerUpdates }, updatedAt: Math.max(t.updatedAt, ctx.now) };
    return {
      outcome: 'applied',
      writes: changed ? [ticketWrite(next, ['sla', 'updatedAt'])] : [],
      events: [{ id: eventId(ctx), ticketId: t.id, at, by: ctx.userId, kind: 'customer_update', text: a.text }],
      conflicts: [],
    };
  },
});
