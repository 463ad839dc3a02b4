import type { Instant, Ticket, TicketStatus } from './schema';
import type { TimelineEvent } from './timeline';

type StatusChangedEvent = Extract<TimelineEvent, { kind: 'status_changed' }>;

/**
 * The one place that says which status may follow which (seed 001 lifecycle). Closing waits for
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

/**
 * Moves a ticket to `to` and keeps its SLA facts in step: acknowledging records the first response
 * (once), waiting for the customer opens a pause and leaving it closes it, resolving records the
 * resolution and reopening clears it. Pure: returns the new ticket and the timeline event.
 */
export function transition(ticket: Ticket, to: TicketStatus, now: Instant, by: string, reason = ''): { ticket: Ticket; event: StatusChangedEvent } {
  const from = ticket.status;
  if (!canTransition(from, to)) throw new IllegalTransitionError(ticket.id, from, to);
  if (!Number.isInteger(now) || now < 0) throw new RangeError(`transition time must be epoch milliseconds, got ${now}`);
  if (by.trim() === '') throw new RangeError('transition needs who made it (by)');

  const sla = { ...ticket.sla, pauses: ticket.sla.pauses.map((p) => ({ ...p })) };
  if (to === 'acknowledged' && sla.respondedAt === undefined) sla.respondedAt = now;
  if (from === 'waiting_customer') {
    const open = sla.pauses.findLast((p) => p.to === undefined);
    if (open) {
      if (now < open.from) throw new RangeError(`ticket ${ticket.id}: cannot end the wait for the customer before it began`);
      open.to = now;
    }
  }
  if (to === 'waiting_customer') sla.pauses.push({ from: now });
  if (to === 'resolved') sla.resolvedAt = now;
  if (from === 'resolved' && to === 'in_progress') delete sla.resolvedAt;

  const event: StatusChangedEvent = { id: `${ticket.id}:status:${now}:${to}`, ticketId: ticket.id, at: now, by, kind: 'status_changed', from, to, reason };
  return { ticket: { ...ticket, status: to, sla, updatedAt: Math.max(ticket.updatedAt, now) }, event };
}
