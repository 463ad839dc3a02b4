import { z } from 'zod';
import { ticketStatusSchema, type Ticket, type TicketStatus } from '../../ticket/schema';
import { canTransition } from '../../ticket/status';
import { defineMutation } from '../mutation-types';
import { eventId, readTicket, refuse, ticketWrite } from './helpers';

const name = 'ticket.changeStatus@1';

export const changeStatusArgs = z.object({
  ticketId: z.string().min(1),
  to: ticketStatusSchema,
  reason: z.string().default(''),
});

/** Keeps the SLA facts in step with the lifecycle: pauses while waiting for the customer, response and resolution instants. */
function withSlaFacts(t: Ticket, to: TicketStatus, now: number): Ticket['sla'] {
  const sla = { ...t.sla, pauses: [...t.sla.pauses] };
  const open = sla.pauses.at(-1);
  if (t.status === 'waiting_customer' && open && open.to === undefined) sla.pauses[sla.pauses.length - 1] = { from: open.from, to: now };
  if (to === 'waiting_customer') sla.pauses.push({ from: now });
  if (sla.respondedAt === undefined && to !== 'received') sla.respondedAt = now;
  if (to === 'resolved') sla.resolvedAt = now;
  if (to === 'in_progress' && t.status !== 'waiting_customer') sla.resolvedAt = undefined;
  return sla;
}

/**
 * Moves a ticket through its lifecycle. Concurrent changes are decided by the state machine:
 * the move is applied if it is allowed from the status the server has now, otherwise refused as a conflict.
 */
export const ticketChangeStatus = defineMutation({
  name: 'ticket.changeStatus',
  version: 1,
  args: changeStatusArgs,
  touches: (a) => [{ table: 'tickets', id: a.ticketId }],
  mutate: (read, a, ctx) => {
    const cur = readTicket(read, a.ticketId);
    if (!cur) return refuse(ctx, name, a.ticketId, `ticket ${a.ticketId} not found`);
    const t = cur.ticket;
    if (t.status === a.to) return { outcome: 'applied', writes: [], events: [], conflicts: [] };
    if (!canTransition(t.status, a.to)) return refuse(ctx, name, t.id, `status cannot go from ${t.status} to ${a.to}`, a.to, t.status);
    const next: Ticket = { ...t, status: a.to, sla: withSlaFacts(t, a.to, ctx.now), updatedAt: Math.max(t.updatedAt, ctx.now) };
    return {
      outcome: 'applied',
      writes: [ticketWrite(next, ['status', 'sla', 'updatedAt'])],
      events: [{ id: eventId(ctx), ticketId: t.id, at: ctx.now, by: ctx.userId, kind: 'status_changed', from: t.status, to: a.to, reason: a.reason }],
      conflicts: [],
    };
  },
});
