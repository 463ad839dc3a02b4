import { z } from 'zod';
import { ticketStatusSchema } from '../../ticket/schema';
import { changeStatus } from '../../ticket/status';
import { defineMutation } from '../mutation-types';
import { eventId, readTicket, refuse, refuseWith, ticketWrite, ticketNotFound } from './helpers';

const name = 'ticket.changeStatus@1';

export const changeStatusArgs = z.object({
  ticketId: z.string().min(1),
  to: ticketStatusSchema,
  reason: z.string().default(''),
});

/**
 * Moves a ticket through its lifecycle with the status command (shared/ticket changeStatus).
 * Concurrent changes are decided by the state machine: the move is applied if it is allowed from
 * the status the server has now, otherwise refused as a conflict.
 */
export const ticketChangeStatus = defineMutation({
  name: 'ticket.changeStatus',
  version: 1,
  args: changeStatusArgs,
  touches: (a) => [{ table: 'tickets', id: a.ticketId }],
  mutate: (read, a, ctx) => {
    const cur = readTicket(read, a.ticketId);
    if (!cur) return refuse(ctx, name, a.ticketId, ticketNotFound(a.ticketId));
    const t = cur.ticket;
    const r = changeStatus(t, a.to, { now: ctx.now, by: ctx.userId, eventId: eventId(ctx) }, a.reason);
    if (!r.ok) return refuseWith(ctx, name, t.id, r.refusal, a.to, t.status);
    if (!r.event) return { outcome: 'applied', writes: [], events: [], conflicts: [] };
    return { outcome: 'applied', writes: [ticketWrite(r.ticket, ['status', 'sla', 'updatedAt'])], events: [r.event], conflicts: [] };
  },
});
