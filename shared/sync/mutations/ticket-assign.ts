import { z } from 'zod';
import { assignOwner } from '../../ticket/commands';
import { because, changedSince } from '../conflict';
import { defineMutation } from '../mutation-types';
import { conflictEvent, conflictRecord, eventId, readTicket, refuse, refuseWith, ticketBase, ticketWrite, ticketNotFound } from './helpers';

const name = 'ticket.assign@1';

export const assignArgs = z.object({ ticketId: z.string().min(1), ownerId: z.string().min(1).optional() });

/** Sets or clears the owner (shared/ticket assignOwner). Two people assigning at once: the server's owner stays, the other is a conflict to resolve. */
export const ticketAssign = defineMutation({
  name: 'ticket.assign',
  version: 1,
  args: assignArgs,
  touches: (a) => [{ table: 'tickets', id: a.ticketId }],
  mutate: (read, a, ctx) => {
    const cur = readTicket(read, a.ticketId);
    if (!cur) return refuse(ctx, name, a.ticketId, ticketNotFound(a.ticketId));
    const t = cur.ticket;
    const r = assignOwner(t, a.ownerId, { now: ctx.now, by: ctx.userId, eventId: eventId(ctx) });
    if (!r.ok) return refuseWith(ctx, name, t.id, r.refusal, a.ownerId ?? '', t.ownerId ?? '');
    if (!r.event) return { outcome: 'applied', writes: [], events: [], conflicts: [] };
    if (changedSince(cur.fv, ticketBase(ctx, a.ticketId), 'ownerId', ctx.clientId)) {
      const c = conflictRecord(ctx, name, t.id, 'ownerId', { mine: a.ownerId ?? '', theirs: t.ownerId ?? '' }, because('assigned_meanwhile', 'assigned by someone else meanwhile; their choice was kept'));
      return { outcome: 'conflict', writes: [], events: [conflictEvent(ctx, c, 1)], conflicts: [c], message: c.reason };
    }
    return { outcome: 'applied', writes: [ticketWrite(r.ticket, r.fields)], events: [r.event], conflicts: [] };
  },
});
