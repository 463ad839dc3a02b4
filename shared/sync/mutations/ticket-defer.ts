import { z } from 'zod';
import { instantSchema } from '../../ticket/schema';
import { deferTicket } from '../../deferral/defer';
import { defineMutation } from '../mutation-types';
import { eventId, readTicket, refuse, refuseWith, ticketWrite, ticketNotFound } from './helpers';

export const deferArgs = z.object({
  ticketId: z.string().min(1),
  until: instantSchema,
  agreedWith: z.string().max(200),
  note: z.string().max(2_000).default(''),
});

/** Defers a ticket by agreement (shared/deferral deferTicket) on the server's current ticket; the pause starts at the server's now. */
export const ticketDefer = defineMutation({
  name: 'ticket.defer',
  version: 1,
  args: deferArgs,
  touches: (a) => [{ table: 'tickets', id: a.ticketId }],
  mutate: (read, a, ctx) => {
    const cur = readTicket(read, a.ticketId);
    if (!cur) return refuse(ctx, 'ticket.defer@1', a.ticketId, ticketNotFound(a.ticketId));
    const r = deferTicket(cur.ticket, a, { now: ctx.now, by: ctx.userId, eventId: eventId(ctx) });
    if (!r.ok) return refuseWith(ctx, 'ticket.defer@1', a.ticketId, r.refusal, a.agreedWith);
    return { outcome: 'applied', writes: [ticketWrite(r.ticket, r.fields)], events: [r.event], conflicts: [] };
  },
});
