import { because } from '../conflict';
import { z } from 'zod';
import { ticketSchema } from '../../ticket/schema';
import { defineMutation } from '../mutation-types';
import { eventId, refuse, ticketWrite } from './helpers';

const name = 'ticket.create@1';

/** Creates a ticket minted offline (id from formatTicketId) and its `created` event. */
export const ticketCreate = defineMutation({
  name: 'ticket.create',
  version: 1,
  args: z.object({ ticket: ticketSchema }),
  touches: (a) => [{ table: 'tickets', id: a.ticket.id }],
  mutate: (read, a, ctx) => {
    if (read('tickets', a.ticket.id)) return refuse(ctx, name, a.ticket.id, because('already_exists', `ticket ${a.ticket.id} already exists`, { id: a.ticket.id }));
    // The author is whoever is signed in (on the server: the token's user), never the device's claim.
    const ticket = { ...a.ticket, createdBy: ctx.userId };
    return {
      outcome: 'applied',
      writes: [ticketWrite(ticket, Object.keys(ticket))],
      events: [{ id: eventId(ctx), ticketId: ticket.id, at: ticket.createdAt, by: ctx.userId, kind: 'created' }],
      conflicts: [],
    };
  },
});
