import { z } from 'zod';
import { setPriority } from '../../ticket/commands';
import { because, changedSince } from '../conflict';
import { defineMutation } from '../mutation-types';
import { SYSTEM_ACTOR } from '../../ticket/command';
import { conflictEvent, conflictRecord, eventId, readPolicy, readTicket, refuse, refuseWith, ticketBase, ticketRulesTouches, ticketWrite, ticketNotFound } from './helpers';

const name = 'ticket.setPriority@1';

export const setPriorityArgs = z.object({
  ticketId: z.string().min(1),
  priority: z.string().trim().min(1).max(50),
  reason: z.string().trim().min(1, 'a reason is required'),
  /** Set by an automatic escalation rule (raisePriorityTo) rather than a person. */
  automatic: z.boolean().default(false),
});

/**
 * Sets the priority alone (automatic escalation's raisePriorityTo) through the priority command
 * (shared/ticket setPriority), with the ticket's policy loaded to check the priority exists and
 * that an automatic change only raises. A concurrent change keeps the server's value and the
 * other becomes a visible conflict, like free text.
 */
export const ticketSetPriority = defineMutation({
  name: 'ticket.setPriority',
  version: 1,
  args: setPriorityArgs,
  touches: (a) => [{ table: 'tickets', id: a.ticketId }],
  alsoTouches: (read, a) => ticketRulesTouches(read, a.ticketId).filter((x) => x.table === 'policies'),
  mutate: (read, a, ctx) => {
    const cur = readTicket(read, a.ticketId);
    if (!cur) return refuse(ctx, name, a.ticketId, ticketNotFound(a.ticketId));
    const t = cur.ticket;
    const r = setPriority(t, a, readPolicy(read, t.policyId), { now: ctx.now, by: a.automatic ? SYSTEM_ACTOR : ctx.userId, eventId: eventId(ctx) });
    if (!r.ok) return refuseWith(ctx, name, t.id, r.refusal, a.priority, t.priority);
    if (!r.event) return { outcome: 'applied', writes: [], events: [], conflicts: [] };
    if (changedSince(cur.fv, ticketBase(ctx, a.ticketId), 'priority', ctx.clientId)) {
      const c = conflictRecord(ctx, name, t.id, 'priority', { mine: a.priority, theirs: t.priority }, because('priority_meanwhile', 'priority changed by someone else meanwhile; their value was kept'));
      return { outcome: 'conflict', writes: [], events: [conflictEvent(ctx, c, 1)], conflicts: [c], message: c.reason };
    }
    return { outcome: 'applied', writes: [ticketWrite(r.ticket, r.fields)], events: [r.event], conflicts: [] };
  },
});
