import { z } from 'zod';
import type { Ticket } from '../../ticket/schema';
import { changedSince } from '../conflict';
import { defineMutation } from '../mutation-types';
import { conflictEvent, conflictRecord, eventId, readTicket, refuse, ticketBase, ticketWrite } from './helpers';

const name = 'ticket.setPriority@1';

export const setPriorityArgs = z.object({
  ticketId: z.string().min(1),
  priority: z.string().trim().min(1).max(50),
  reason: z.string().trim().min(1, 'a reason is required'),
  /** Set by an automatic escalation rule (raisePriorityTo) rather than a person. */
  automatic: z.boolean().default(false),
});

/**
 * Sets the priority alone (automatic escalation's raisePriorityTo). Ranking priorities needs the
 * policy, which a mutator does not have, so a concurrent change keeps the server's value and the
 * other becomes a visible conflict, like free text.
 */
export const ticketSetPriority = defineMutation({
  name: 'ticket.setPriority',
  version: 1,
  args: setPriorityArgs,
  touches: (a) => [{ table: 'tickets', id: a.ticketId }],
  mutate: (read, a, ctx) => {
    const cur = readTicket(read, a.ticketId);
    if (!cur) return refuse(ctx, name, a.ticketId, `ticket ${a.ticketId} not found`);
    const t = cur.ticket;
    if (t.priority === a.priority) return { outcome: 'applied', writes: [], events: [], conflicts: [] };
    if (changedSince(cur.fv, ticketBase(ctx, a.ticketId), 'priority', ctx.clientId)) {
      const c = conflictRecord(ctx, name, t.id, 'priority', { mine: a.priority, theirs: t.priority }, 'priority changed by someone else meanwhile; their value was kept');
      return { outcome: 'conflict', writes: [], events: [conflictEvent(ctx, c, 1)], conflicts: [c], message: c.reason };
    }
    const next: Ticket = { ...t, priority: a.priority, updatedAt: Math.max(t.updatedAt, ctx.now) };
    const same = { severity: t.severity, impact: t.impact, urgency: t.urgency };
    return {
      outcome: 'applied',
      writes: [ticketWrite(next, ['priority', 'updatedAt'])],
      events: [{ id: eventId(ctx), ticketId: t.id, at: ctx.now, by: ctx.userId, kind: 'severity_changed', from: { ...same, priority: t.priority }, to: { ...same, priority: a.priority }, reason: a.reason }],
      conflicts: [],
    };
  },
});
