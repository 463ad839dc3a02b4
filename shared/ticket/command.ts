/**
 * What every domain command returns: the new facts, or a refusal a person can read. Commands are
 * pure and never throw on a rule they enforce, so the device, the server and the demo generator
 * can all run them and react to a refusal the same way (show it, record a conflict, skip).
 */

/** Why a command was refused. The UI translates the code; `message` is the English text kept in logs and conflict records. */
export type RefusalCode =
  | 'not_found'
  | 'ticket_closed'
  | 'reason_required'
  | 'text_required'
  | 'too_long'
  | 'author_required'
  | 'bad_time'
  | 'unknown_level'
  | 'unknown_priority'
  | 'edown_incomplete'
  | 'edown_at_intake'
  | 'edown_not_eligible'
  | 'illegal_transition'
  | 'admin_only'
  | 'rfo_not_offered'
  | 'rfo_not_requested'
  | 'deferral_not_allowed'
  | 'defect_reference_required'
  | 'not_in_catalogue'
  | 'internal_not_configured'
  | 'internal_step_unknown'
  | 'internal_step_order'
  | 'internal_not_due';

export type Refusal = { code: RefusalCode; message: string; params: Record<string, string | number> };

export type CommandResult<T> = ({ ok: true } & T) | { ok: false; refusal: Refusal };

export function refused(code: RefusalCode, message: string, params: Record<string, string | number> = {}): { ok: false; refusal: Refusal } {
  return { ok: false, refusal: { code, message, params } };
}

/** Who an automatic change (an escalation rule, an alert) is attributed to on the timeline. */
export const SYSTEM_ACTOR = 'system';

/** Who acts and when, and the id the command's timeline event gets (each caller has its own deterministic scheme). */
export type CommandCtx = { now: number; by: string; eventId: string };

/** Checks every command shares: a real instant and an author. */
export function checkCtx(ctx: CommandCtx): { ok: false; refusal: Refusal } | undefined {
  if (!Number.isInteger(ctx.now) || ctx.now < 0) return refused('bad_time', `the time must be epoch milliseconds, got ${ctx.now}`, { now: String(ctx.now) });
  if (ctx.by.trim() === '') return refused('author_required', 'a change needs who made it (by)');
  return undefined;
}

/** A closed ticket is final: nothing about it changes any more (notes and customer updates may still be recorded). */
export function refuseIfClosed(ticket: { id: string; status: string }, what: string): { ok: false; refusal: Refusal } | undefined {
  if (ticket.status !== 'closed') return undefined;
  return refused('ticket_closed', `ticket ${ticket.id} is closed; its ${what} can no longer change`, { ticketId: ticket.id });
}
