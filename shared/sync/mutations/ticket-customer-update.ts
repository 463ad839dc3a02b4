import { z } from 'zod';
import { instantSchema } from '../../ticket/schema';
import { recordCustomerUpdate } from '../../ticket/commands';
import { defineMutation } from '../mutation-types';
import { eventId, readTicket, refuse, refuseWith, ticketWrite, ticketNotFound } from './helpers';

export const recordCustomerUpdateArgs = z.object({
  ticketId: z.string().min(1),
  text: z.string().max(50_000).default(''),
  /** When the update was sent; defaults to now. */
  at: instantSchema.optional(),
});

/**
 * Records that the customer was updated (shared/ticket recordCustomerUpdate) on the server's
 * current ticket: the instant is merged, so concurrent updates never conflict.
 */
export const ticketRecordCustomerUpdate = defineMutation({
  name: 'ticket.recordCustomerUpdate',
  version: 1,
  args: recordCustomerUpdateArgs,
  touches: (a) => [{ table: 'tickets', id: a.ticketId }],
  mutate: (read, a, ctx) => {
    const cur = readTicket(read, a.ticketId);
    if (!cur) return refuse(ctx, 'ticket.recordCustomerUpdate@1', a.ticketId, ticketNotFound(a.ticketId), a.text);
    const r = recordCustomerUpdate(cur.ticket, { text: a.text, ...(a.at === undefined ? {} : { at: a.at }) }, { now: ctx.now, by: ctx.userId, eventId: eventId(ctx) });
    if (!r.ok) return refuseWith(ctx, 'ticket.recordCustomerUpdate@1', a.ticketId, r.refusal, a.text);
    return { outcome: 'applied', writes: r.fields.length ? [ticketWrite(r.ticket, r.fields)] : [], events: r.event ? [r.event] : [], conflicts: [] };
  },
});
