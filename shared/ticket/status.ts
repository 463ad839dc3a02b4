import type { Instant, Ticket, TicketStatus } from './schema';
import type { TimelineEvent } from './timeline';
import { checkCtx, refused, type CommandCtx, type CommandResult } from './command';

type StatusChangedEvent = Extract<TimelineEvent, { kind: 'status_changed' }>;

/**
 * The one place that says which status may follow which (received, acknowledged, in progress, resolved, confirmed, closed). Closing waits for
 * the customer's confirmation; a resolved ticket can be reopened to in_progress. The customer may
 * confirm a fix while we wait for them, so waiting_customer may go straight to resolved.
 */
const next: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  received: ['acknowledged'],
  acknowledged: ['in_progress', 'waiting_customer'],
  in_progress: ['waiting_customer', 'resolved'],
  waiting_customer: ['in_progress', 'resolved'],
  resolved: ['confirmed', 'in_progress'],
  confirmed: ['closed'],
  closed: [],
};

/** Statuses a ticket in `status` may move to. */
export function allowedTransitions(status: TicketStatus): readonly TicketStatus[] {
  return next[status];
}

/** Whether `from` -> `to` is a legal move. */
export function canTransition(from: TicketStatus, to: TicketStatus): boolean {
  return next[from].includes(to);
}

/** Thrown for a move the state machine does not allow; the ticket is left unchanged. */
export class IllegalTransitionError extends Error {
  constructor(
    readonly ticketId: string,
    readonly from: TicketStatus,
    readonly to: TicketStatus,
  ) {
    const allowed = next[from];
    super(
      `ticket ${ticketId} cannot move from "${from}" to "${to}": ` +
        (allowed.length ? `allowed next statuses are ${allowed.join(', ')}` : `"${from}" is final`),
    );
    this.name = 'IllegalTransitionError';
  }
}

/** What a status change writes; `event` is absent when the ticket already has that status (a replay). */
export type StatusOutcome = { ticket: Ticket; event?: StatusChangedEvent };

/**
 * The status command: moves a ticket to `to` if the state machine allows it from the status it
 * has now, and keeps its SLA facts in step. Any move past `received` records the first response
 * (once); waiting for the customer opens a pause and leaving it closes it (never before it began,
 * whatever the device clocks say); resolving records the resolution and reopening clears it.
 * Pure; a refused move returns the reason and changes nothing.
 */
export function changeStatus(ticket: Ticket, to: TicketStatus, ctx: CommandCtx, reason = ''): CommandResult<StatusOutcome> {
  const bad = checkCtx(ctx);
  if (bad) return bad;
  const from = ticket.status;
  if (from === to) return { ok: true, ticket };
  if (!canTransition(from, to)) {
    const allowed = next[from];
    const message = `ticket ${ticket.id} cannot move from "${from}" to "${to}": ` + (allowed.length ? `allowed next statuses are ${allowed.join(', ')}` : `"${from}" is final`);
    return refused(from === 'closed' ? 'ticket_closed' : 'illegal_transition', message, { ticketId: ticket.id, from, to });
  }
  const now = ctx.now;
  const sla = { ...ticket.sla, pauses: ticket.sla.pauses.map((p) => ({ ...p })) };
  if (sla.respondedAt === undefined && to !== 'received') sla.respondedAt = now;
  if (from === 'waiting_customer') {
    const open = sla.pauses.findLast((p) => p.to === undefined);
    if (open) open.to = Math.max(now, open.from);
  }
  if (to === 'waiting_customer') sla.pauses.push({ from: now });
  if (to === 'resolved') sla.resolvedAt = now;
  if (from === 'resolved' && to === 'in_progress') delete sla.resolvedAt;
  const event: StatusChangedEvent = { id: ctx.eventId, ticketId: ticket.id, at: now, by: ctx.by, kind: 'status_changed', from, to, reason };
  return { ok: true, ticket: { ...ticket, status: to, sla, updatedAt: Math.max(ticket.updatedAt, now) }, event };
}

/**
 * `changeStatus` for code that builds a ticket's history step by step (the demo generator, tests):
 * a refused move throws, since there it is a bug in the caller.
 */
export function transition(ticket: Ticket, to: TicketStatus, now: Instant, by: string, reason = ''): { ticket: Ticket; event: StatusChangedEvent } {
  if (!canTransition(ticket.status, to)) throw new IllegalTransitionError(ticket.id, ticket.status, to);
  const r = changeStatus(ticket, to, { now, by, eventId: `${ticket.id}:status:${now}:${to}` }, reason);
  if (!r.ok) throw new RangeError(r.refusal.message);
  if (!r.event) throw new RangeError(`ticket ${ticket.id} is already ${to}`);
  return { ticket: r.ticket, event: r.event };
}
