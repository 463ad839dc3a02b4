import { z } from 'zod';
import type { Ticket } from '../../ticket/schema';
import { changedSince } from '../conflict';
import { defineMutation } from '../mutation-types';
import { conflictEvent, conflictRecord, eventId, readTicket, refuse, ticketBase, ticketWrite } from './helpers';

const name = 'ticket.assign@1';

export const assignArgs = z.object({ ticketId: z.string().min(1), ownerId: z.string().min(1).optional() });

/** Sets or clears the owner. Two people assigning at once: the server's owner stays, the other is a conflict to resolve. */
export const ticketAssign = defineMutation({
  name: 'ticket.assign',
  version: 1,
  args: assignArgs,
  touches: (a) => [{ table: 'tickets', id: a.ticketId }],
  mutate: (read, a, ctx) => {
    const cur = readTicket(read, a.ticketId);
    if (!cur) return refuse(ctx, name, a.ticketId, `ticket ${a.ticketId} not found`);
    const t = cur.ticket;
    if (t.ownerId === a.ownerId) return { outcome: 'applied', writes: [], events: [], conflicts: [] };
    if (changedSince(cur.fv, ticketBase(ctx, a.ticketId), 'ownerId', ctx.clientId)) {
      const c = conflictRecord(ctx, name, t.id, 'ownerId', { mine: a.ownerId ?? '', theirs: t.ownerId ?? '' }, 'assigned by someone else meanwhile; their choice was kept');
      return { outcome: 'conflict', writes: [], events: [conflictEvent(ctx, c, 1)], conflicts: [c], message: c.reason };
    }
    const next: Ticket = { ...t, ownerId: a.ownerId, updatedAt: Math.max(t.updatedAt, ctx.now) };
    return {
      outcome: 'applied',
      writes: [ticketWrite(next, ['ownerId', 'updatedAt'])],
      events: [{ id: eventId(ctx), ticketId: t.id, at: ctx.now, by: ctx.userId, kind: 'assigned', from: t.ownerId, to: a.ownerId }],
      conflicts: [],
    };
  },
});
