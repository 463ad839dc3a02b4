import { z } from 'zod';
import { DEFECT_REFERENCE_MAX, setDefectReference } from '../../defect/reference';
import { defineMutation } from '../mutation-types';
import { eventId, readTicket, refuse, refuseWith, ticketNotFound, ticketWrite } from './helpers';

export const setDefectReferenceArgs = z.object({
  ticketId: z.string().min(1),
  /** The SPR/defect id as engineering's tracker names it; empty clears it. */
  reference: z.string().max(DEFECT_REFERENCE_MAX * 2),
});

/** Sets or clears the ticket's SPR/defect reference (shared/defect setDefectReference) on the server's current ticket. */
export const ticketSetDefectReference = defineMutation({
  name: 'ticket.setDefectReference',
  version: 1,
  args: setDefectReferenceArgs,
  touches: (a) => [{ table: 'tickets', id: a.ticketId }],
  mutate: (read, a, ctx) => {
    const cur = readTicket(read, a.ticketId);
    if (!cur) return refuse(ctx, 'ticket.setDefectReference@1', a.ticketId, ticketNotFound(a.ticketId), a.reference);
    const r = setDefectReference(cur.ticket, a.reference, { now: ctx.now, by: ctx.userId, eventId: eventId(ctx) });
    if (!r.ok) return refuseWith(ctx, 'ticket.setDefectReference@1', a.ticketId, r.refusal, a.reference);
    return { outcome: 'applied', writes: r.fields.length ? [ticketWrite(r.ticket, r.fields)] : [], events: r.event ? [r.event] : [], conflicts: [] };
  },
});
