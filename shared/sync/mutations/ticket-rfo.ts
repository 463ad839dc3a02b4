import { z } from 'zod';
import { instantSchema } from '../../ticket/schema';
import { deliverRfo, requestRfo, RFO_DOCUMENT_MAX } from '../../rfo/commands';
import { defineMutation } from '../mutation-types';
import { eventId, readPolicy, readTicket, refuse, refuseWith, ticketRulesTouches, ticketWrite, ticketNotFound } from './helpers';

export const requestRfoArgs = z.object({
  ticketId: z.string().min(1),
  /** When the customer asked; defaults to now. */
  at: instantSchema.optional(),
});

/** The customer requested an RFO (shared/rfo requestRfo), checked against the ticket's policy; applied to the server's current ticket. */
export const ticketRequestRfo = defineMutation({
  name: 'ticket.requestRfo',
  version: 1,
  args: requestRfoArgs,
  touches: (a) => [{ table: 'tickets', id: a.ticketId }],
  alsoTouches: (read, a) => ticketRulesTouches(read, a.ticketId).filter((x) => x.table === 'policies'),
  mutate: (read, a, ctx) => {
    const cur = readTicket(read, a.ticketId);
    if (!cur) return refuse(ctx, 'ticket.requestRfo@1', a.ticketId, ticketNotFound(a.ticketId));
    const r = requestRfo(cur.ticket, a.at === undefined ? {} : { at: a.at }, readPolicy(read, cur.ticket.policyId), { now: ctx.now, by: ctx.userId, eventId: eventId(ctx) });
    if (!r.ok) return refuseWith(ctx, 'ticket.requestRfo@1', a.ticketId, r.refusal);
    return { outcome: 'applied', writes: r.fields.length ? [ticketWrite(r.ticket, r.fields)] : [], events: r.event ? [r.event] : [], conflicts: [] };
  },
});

export const deliverRfoArgs = z.object({
  ticketId: z.string().min(1),
  document: z.string().max(RFO_DOCUMENT_MAX).default(''),
  fileName: z.string().max(255).default(''),
  at: instantSchema.optional(),
});

/** The RFO was delivered with its document (shared/rfo deliverRfo); the first delivery's instant decides met or breached. */
export const ticketDeliverRfo = defineMutation({
  name: 'ticket.deliverRfo',
  version: 1,
  args: deliverRfoArgs,
  touches: (a) => [{ table: 'tickets', id: a.ticketId }],
  mutate: (read, a, ctx) => {
    const cur = readTicket(read, a.ticketId);
    if (!cur) return refuse(ctx, 'ticket.deliverRfo@1', a.ticketId, ticketNotFound(a.ticketId));
    const r = deliverRfo(cur.ticket, { document: a.document, fileName: a.fileName, ...(a.at === undefined ? {} : { at: a.at }) }, { now: ctx.now, by: ctx.userId, eventId: eventId(ctx) });
    if (!r.ok) return refuseWith(ctx, 'ticket.deliverRfo@1', a.ticketId, r.refusal, a.fileName || a.document.slice(0, 80));
    return { outcome: 'applied', writes: r.fields.length ? [ticketWrite(r.ticket, r.fields)] : [], events: r.event ? [r.event] : [], conflicts: [] };
  },
});
