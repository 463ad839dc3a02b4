import type { Policy } from '../policy/schema';
import { relativePriorityRaises, resolvePriorityRaise } from '../policy/priority';
import type { Ticket } from './schema';
import type { TimelineEvent } from './timeline';
import { checkCtx, refuseIfClosed, refused, type CommandCtx, type CommandResult } from './command';

// The small ticket commands: owner, notes, customer updates and priority. Each validates against
// the ticket's state and returns the new facts, or a refusal with the reason.

type EventOf<K extends TimelineEvent['kind']> = Extract<TimelineEvent, { kind: K }>;

/** What a command writes; `event` is absent (and `fields` empty) when there was nothing to change (a replay). */
export type TicketOutcome<K extends TimelineEvent['kind']> = { ticket: Ticket; fields: string[]; event?: EventOf<K> };

/** Sets or clears the owner. A closed ticket keeps the owner it was closed with. */
export function assignOwner(ticket: Ticket, ownerId: string | undefined, ctx: CommandCtx): CommandResult<TicketOutcome<'assigned'>> {
  const bad = checkCtx(ctx) ?? refuseIfClosed(ticket, 'owner');
  if (bad) return bad;
  if (ticket.ownerId === ownerId) return { ok: true, ticket, fields: [] };
  return {
    ok: true,
    ticket: { ...ticket, ownerId, updatedAt: Math.max(ticket.updatedAt, ctx.now) },
    fields: ['ownerId', 'updatedAt'],
    event: { id: ctx.eventId, ticketId: ticket.id, at: ctx.now, by: ctx.by, kind: 'assigned', from: ticket.ownerId, to: ownerId },
  };
}

export const NOTE_MAX_LENGTH = 50_000;

/** Appends a note. Notes stay possible on a closed ticket: documenting what happened never changes the ticket. */
export function addNote(ticket: Ticket, note: { visibility: 'internal' | 'external'; text: string }, ctx: CommandCtx): CommandResult<{ event: EventOf<'note'> }> {
  const bad = checkCtx(ctx);
  if (bad) return bad;
  const text = note.text.trim();
  if (!text) return refused('text_required', 'a note needs some text');
  if (text.length > NOTE_MAX_LENGTH) return refused('too_long', `a note holds at most ${NOTE_MAX_LENGTH} characters`, { max: NOTE_MAX_LENGTH });
  return { ok: true, event: { id: ctx.eventId, ticketId: ticket.id, at: ctx.now, by: ctx.by, kind: 'note', visibility: note.visibility, text } };
}

/**
 * Records that the customer was updated (the update-cadence clock). The instant is merged into
 * the ticket's list (sorted, no duplicates), so concurrent updates never conflict. Allowed on a
 * closed ticket: a late update really was sent and is a fact.
 */
export function recordCustomerUpdate(ticket: Ticket, update: { text: string; at?: number }, ctx: CommandCtx): CommandResult<TicketOutcome<'customer_update'>> {
  const bad = checkCtx(ctx);
  if (bad) return bad;
  const at = update.at ?? ctx.now;
  const customerUpdates = [...new Set([...ticket.sla.customerUpdates, at])].sort((x, y) => x - y);
  const changed = customerUpdates.length !== ticket.sla.customerUpdates.length;
  return {
    ok: true,
    ticket: changed ? { ...ticket, sla: { ...ticket.sla, customerUpdates }, updatedAt: Math.max(ticket.updatedAt, ctx.now) } : ticket,
    fields: changed ? ['sla', 'updatedAt'] : [],
    event: { id: ctx.eventId, ticketId: ticket.id, at, by: ctx.by, kind: 'customer_update', text: update.text },
  };
}

/**
 * Sets the priority alone, with a reason. The priority must be one the ticket's policy defines
 * (when the policy is here to check). An automatic change (an escalation rule's raise) only ever
 * raises and is skipped on a closed ticket; a person's change on a closed ticket is refused.
 */
export function setPriority(ticket: Ticket, change: { priority: string; reason: string; automatic: boolean }, policy: Policy | undefined, ctx: CommandCtx): CommandResult<TicketOutcome<'severity_changed'>> {
  const bad = checkCtx(ctx);
  if (bad) return bad;
  const unchanged = { ok: true as const, ticket, fields: [] };
  if (ticket.status === 'closed' && change.automatic) return unchanged;
  const closed = refuseIfClosed(ticket, 'priority');
  if (closed) return closed;
  if (!change.reason.trim()) return refused('reason_required', 'a priority change needs a reason');
  if (ticket.priority === change.priority) return unchanged;
  let priority = change.priority;
  if (policy) {
    const known = policy.priorities.some((p) => p.id === priority);
    const relative = change.automatic && (relativePriorityRaises as readonly string[]).includes(priority);
    if (!known && !relative) return refused('unknown_priority', `priority "${priority}" is not defined by policy "${policy.id}"`, { priority, policy: policy.name });
    if (change.automatic) {
      // An automatic raise maps through this policy's own scale ("top", "next" or an id) and only raises.
      const to = resolvePriorityRaise(policy, ticket.priority, priority);
      if (to === undefined) return unchanged;
      priority = to;
    }
  } else if (change.automatic && (relativePriorityRaises as readonly string[]).includes(priority)) {
    // Without the policy a relative raise cannot be mapped; the server, which has it, decides.
    return unchanged;
  }
  const same = { severity: ticket.severity, impact: ticket.impact, urgency: ticket.urgency };
  return {
    ok: true,
    ticket: { ...ticket, priority, updatedAt: Math.max(ticket.updatedAt, ctx.now) },
    fields: ['priority', 'updatedAt'],
    event: { id: ctx.eventId, ticketId: ticket.id, at: ctx.now, by: ctx.by, kind: 'severity_changed', from: { ...same, priority: ticket.priority }, to: { ...same, priority }, reason: change.reason.trim() },
  };
}
