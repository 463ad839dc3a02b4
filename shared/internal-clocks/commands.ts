import type { Meter } from '../sla/clocks-meter';
import type { Ticket } from '../ticket/schema';
import type { TimelineEvent } from '../ticket/timeline';
import { checkCtx, refused, SYSTEM_ACTOR, type CommandCtx, type CommandResult } from '../ticket/command';
import { firstMark, INTERIM_STEP, internalStatus, noProgressDue } from './clocks';
import type { InternalFact, InternalProcess } from './schema';

// Recording the internal process: a hand-off, the start fact of a step (work finished, customer
// confirmed), the system's escalation for lack of progress, and the interim report of a fault not
// solvable the same day. Each writes one fact on the ticket and one timeline event; a replay of an
// already recorded fact changes nothing, so the first record decides met or breached.

type InternalEvent = Extract<TimelineEvent, { kind: 'internal_step' }>;
export type InternalOutcome = { ticket: Ticket; fields: string[]; event?: InternalEvent };

export const INTERIM_TEXT_MAX = 20_000;
const SKEW = 60_000;

function notConfigured(ticket: Ticket): { ok: false; refusal: ReturnType<typeof refused>['refusal'] } {
  return refused('internal_not_configured', `ticket ${ticket.id}'s policy has no internal hand-off process`, { ticketId: ticket.id });
}

function write(ticket: Ticket, fact: InternalFact, ctx: CommandCtx, extra: Partial<Pick<InternalEvent, 'rule' | 'text'>> = {}): InternalOutcome {
  return {
    ticket: { ...ticket, internalFacts: [...(ticket.internalFacts ?? []), fact], updatedAt: Math.max(ticket.updatedAt, ctx.now) },
    fields: ['internalFacts', 'updatedAt'],
    // The event is dated when it was recorded; a scheduled report carries its due instant.
    event: { id: ctx.eventId, ticketId: ticket.id, at: ctx.now, by: fact.by, kind: 'internal_step', step: fact.step, mark: fact.mark, to: fact.to ?? '', rule: extra.rule ?? '', text: extra.text ?? '', ...(fact.mark === 'interim_scheduled' ? { dueAt: fact.at } : {}) },
  };
}

/**
 * Records a step's start fact ('start', only for steps that start on a recorded fact) or its
 * hand-off ('done'). Steps go in order: only the step whose turn it is can be recorded, and a
 * hand-off only once its step has started. `to` names the person who takes the next turn.
 */
export function recordInternalStep(ticket: Ticket, req: { step: string; mark: 'start' | 'done'; to?: string }, process: InternalProcess | undefined, meter: Meter, ctx: CommandCtx): CommandResult<InternalOutcome> {
  const bad = checkCtx(ctx);
  if (bad) return bad;
  if (!process) return notConfigured(ticket);
  const step = process.steps.find((s) => s.id === req.step);
  if (!step) return refused('internal_step_unknown', `"${req.step}" is not a step of the internal process`, { step: req.step });
  if (firstMark(ticket.internalFacts, step.id, req.mark)) return { ok: true, ticket, fields: [] };
  const status = internalStatus(ticket, process, meter, ctx.now);
  if (status.next?.step.id !== step.id || status.next.mark !== req.mark) {
    const turn = status.next ? `${status.next.step.id} (${status.next.mark})` : 'none';
    return refused('internal_step_order', `internal step "${step.id}" cannot be recorded as ${req.mark} now; the step whose turn it is: ${turn}`, { step: step.id, turn });
  }
  const to = req.to?.trim();
  return { ok: true, ...write(ticket, { step: step.id, mark: req.mark, at: ctx.now, by: ctx.by, ...(to ? { to } : {}) }, ctx) };
}

/**
 * The system escalates the engineer's work after the configured minutes without recorded
 * progress; refused before it is due (so a device with a wrong clock cannot escalate early on
 * the server's view), and recorded once.
 */
export function escalateNoProgress(ticket: Ticket, process: InternalProcess | undefined, meter: Meter, progressAt: readonly number[], ctx: CommandCtx): CommandResult<InternalOutcome> {
  const bad = checkCtx(ctx);
  if (bad) return bad;
  if (!process?.noProgress) return notConfigured(ticket);
  const status = internalStatus(ticket, process, meter, ctx.now, progressAt);
  if (status.noProgress?.escalatedAt !== undefined) return { ok: true, ticket, fields: [] };
  const due = noProgressDue(status, ctx.now + SKEW);
  if (!due) return refused('internal_not_due', `no escalation for lack of progress is due on ticket ${ticket.id}`, { ticketId: ticket.id });
  const rule = `no progress recorded for ${process.noProgress.minutes} min: engineer -> ${due.escalateTo}`;
  return { ok: true, ...write(ticket, { step: due.step, mark: 'escalated', at: ctx.now, by: SYSTEM_ACTOR, to: due.escalateTo }, ctx, { rule }) };
}

/**
 * "Not solvable today": schedules the interim report to the superior at `at` (the end of the
 * working day, worked out on the device from the ticket's calendar). Once per ticket.
 */
export function scheduleInterimReport(ticket: Ticket, req: { at: number; to?: string }, process: InternalProcess | undefined, ctx: CommandCtx): CommandResult<InternalOutcome> {
  const bad = checkCtx(ctx);
  if (bad) return bad;
  if (!process?.interimReport) return notConfigured(ticket);
  if (ticket.status === 'resolved' || ticket.status === 'confirmed' || ticket.status === 'closed') {
    return refused('internal_step_order', `ticket ${ticket.id} is ${ticket.status}; an interim report is for a fault still open`, { step: INTERIM_STEP, turn: 'none' });
  }
  if (!Number.isInteger(req.at) || req.at < ctx.now - SKEW || req.at > ctx.now + 24 * 3_600_000) {
    return refused('bad_time', `the interim report is due within the working day, got ${req.at}`, { now: String(req.at) });
  }
  if (firstMark(ticket.internalFacts, INTERIM_STEP, 'interim_scheduled')) return { ok: true, ticket, fields: [] };
  const to = req.to?.trim();
  return { ok: true, ...write(ticket, { step: INTERIM_STEP, mark: 'interim_scheduled', at: req.at, by: ctx.by, ...(to ? { to } : {}) }, ctx) };
}

/** The interim report agreed with the superior was sent: its text is kept on the timeline. */
export function recordInterimReport(ticket: Ticket, req: { text: string }, ctx: CommandCtx): CommandResult<InternalOutcome> {
  const bad = checkCtx(ctx);
  if (bad) return bad;
  const scheduled = firstMark(ticket.internalFacts, INTERIM_STEP, 'interim_scheduled');
  if (!scheduled) return refused('internal_step_order', `ticket ${ticket.id} has no interim report scheduled`, { step: INTERIM_STEP, turn: 'none' });
  const text = req.text.trim();
  if (!text) return refused('text_required', 'an interim report needs its text');
  if (text.length > INTERIM_TEXT_MAX) return refused('too_long', `an interim report holds at most ${INTERIM_TEXT_MAX} characters`, { max: INTERIM_TEXT_MAX });
  if (firstMark(ticket.internalFacts, INTERIM_STEP, 'interim_sent')) return { ok: true, ticket, fields: [] };
  return { ok: true, ...write(ticket, { step: INTERIM_STEP, mark: 'interim_sent', at: ctx.now, by: ctx.by, ...(scheduled.to ? { to: scheduled.to } : {}) }, ctx, { text }) };
}
