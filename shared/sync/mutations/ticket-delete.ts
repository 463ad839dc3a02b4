import { because } from '../conflict';
import { z } from 'zod';
import { defineMutation } from '../mutation-types';
import { readTicket, refuse } from './helpers';

export const deleteTicketArgs = z.object({ ticketId: z.string().min(1), reason: z.string().trim().min(1) });

/** Soft-deletes a ticket (admins only): it becomes a tombstone that every device removes on its next pull. */
export const ticketDelete = defineMutation({
  name: 'ticket.delete',
  version: 1,
  args: deleteTicketArgs,
  touches: (a) => [{ table: 'tickets', id: a.ticketId }],
  mutate: (read, a, ctx) => {
    if (ctx.role !== 'admin') return refuse(ctx, 'ticket.delete@1', a.ticketId, because('admin_only', 'only an admin can delete a ticket'));
    const cur = readTicket(read, a.ticketId);
    if (!cur) return { outcome: 'applied', writes: [], events: [], conflicts: [] };
    return { outcome: 'applied', writes: [{ table: 'tickets', id: a.ticketId, data: cur.ticket, fields: ['_deleted'], deleted: true }], events: [], conflicts: [] };
  },
});
