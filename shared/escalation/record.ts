import type { Ticket } from '../ticket/schema';
import type { TimelineEvent } from '../ticket/timeline';
import type { Policy } from '../policy/schema';
import { escalationNeedsDefectReference } from '../defect/reference';
import { checkCtx, refuseIfClosed, type CommandCtx, type CommandResult } from '../ticket/command';

type EscalatedEvent = Extract<TimelineEvent, { kind: 'escalated' }>;

export type EscalationRecord = { level: number; levelName: string; recipients: string[]; ask: string; automatic: boolean };

/** What recording an escalation writes; no event when an automatic escalation had nothing left to do. */
export type EscalationOutcome = { ticket: Ticket; fields: string[]; event?: EscalatedEvent };

/**
 * The escalation command: records that a ticket was escalated to `level`. The ticket's level only
 * ever rises (max), so concurrent escalations merge. A closed ticket is not escalated: a person's
 * escalation is refused with the reason; an automatic one planned before the close is skipped
 * quietly (nobody asked for it, so a refusal would only be noise).
 * A person escalating to a level from which the ticket's policy wants the SPR/defect named is
 * refused until the ticket has one. An automatic escalation is not held back by it: the rule
 * fires because time ran out, and delaying the managers' notice would hurt the customer more
 * than a mail without the reference (the draft then says none was raised yet).
 */
export function recordEscalation(ticket: Ticket, e: EscalationRecord, ctx: CommandCtx, policy?: Pick<Policy, 'name' | 'defectReference'>): CommandResult<EscalationOutcome> {
  const bad = checkCtx(ctx);
  if (bad) return bad;
  if (ticket.status === 'closed' && e.automatic) return { ok: true, ticket, fields: [] };
  const closed = refuseIfClosed(ticket, 'escalation');
  if (closed) return closed;
  const needsDefect = e.automatic ? undefined : escalationNeedsDefectReference(ticket, e.level, policy);
  if (needsDefect) return { ok: false, refusal: needsDefect };
  const raises = e.level > ticket.escalationLevel;
  return {
    ok: true,
    ticket: raises ? { ...ticket, escalationLevel: e.level, updatedAt: Math.max(ticket.updatedAt, ctx.now) } : ticket,
    fields: raises ? ['escalationLevel', 'updatedAt'] : [],
    event: { id: ctx.eventId, ticketId: ticket.id, at: ctx.now, by: ctx.by, kind: 'escalated', level: e.level, levelName: e.levelName, recipients: e.recipients, ask: e.ask, automatic: e.automatic },
  };
}
