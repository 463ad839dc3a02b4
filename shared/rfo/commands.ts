import type { Policy } from '../policy/schema';
import type { Ticket } from '../ticket/schema';
import type { TimelineEvent } from '../ticket/timeline';
import { checkCtx, refused, type CommandCtx, type CommandResult } from '../ticket/command';

// The reason-for-outage (RFO) workflow: the customer asks for the report, the team delivers it.
// The RFO clock (shared/sla computeClocks) runs from the request to the delivery against the
// target the ticket's severity level sets (e.g. 5 working days on the contract's calendar).
// Both steps stay possible on a resolved or closed ticket: the report is asked for and sent
// after the incident is over, and both are facts worth keeping.

type RfoEvent = Extract<TimelineEvent, { kind: 'rfo' }>;

/** What an RFO step writes; no event (and no fields) when it was already recorded (a replay). */
export type RfoOutcome = { ticket: Ticket; fields: string[]; event?: RfoEvent };

export const RFO_DOCUMENT_MAX = 50_000;

/** The severity levels of the policy that promise an RFO; empty when the policy promises none. */
export function rfoLevels(policy: Policy): string[] {
  return policy.severityLevels.filter((l) => l.targets.rfo !== undefined).map((l) => l.id);
}

/**
 * Records that the customer requested an RFO at `at` (default now). Refused when the ticket's
 * policy (if known here) promises no RFO at the severity the ticket has; a second request keeps
 * the first instant, which is when the promise started.
 */
export function requestRfo(ticket: Ticket, req: { at?: number }, policy: Policy | undefined, ctx: CommandCtx): CommandResult<RfoOutcome> {
  const bad = checkCtx(ctx);
  if (bad) return bad;
  const at = req.at ?? ctx.now;
  if (!Number.isInteger(at) || at < ticket.createdAt || at > ctx.now + 60_000) {
    return refused('bad_time', `the request time must lie between the ticket's creation and now, got ${at}`, { now: String(at) });
  }
  if (policy) {
    const levels = rfoLevels(policy);
    if (!levels.includes(ticket.severity)) {
      return refused('rfo_not_offered', `policy "${policy.name}" promises no RFO at severity ${ticket.severity} (it does at: ${levels.join(', ') || 'none'})`, { severity: ticket.severity, policy: policy.name, levels: levels.join(', ') });
    }
  }
  if (ticket.sla.rfoRequestedAt !== undefined) return { ok: true, ticket, fields: [] };
  return {
    ok: true,
    ticket: { ...ticket, sla: { ...ticket.sla, rfoRequestedAt: at }, updatedAt: Math.max(ticket.updatedAt, ctx.now) },
    fields: ['sla', 'updatedAt'],
    event: { id: ctx.eventId, ticketId: ticket.id, at, by: ctx.by, kind: 'rfo', step: 'requested', document: '', fileName: '' },
  };
}

/**
 * Records that the RFO was delivered, with the document sent (its text, its file name, or both).
 * Refused before a request (no clock runs, so "delivered" would mean nothing) and without a
 * document. A second delivery keeps the first instant: the clock was met or breached then.
 */
export function deliverRfo(ticket: Ticket, d: { document: string; fileName: string; at?: number }, ctx: CommandCtx): CommandResult<RfoOutcome> {
  const bad = checkCtx(ctx);
  if (bad) return bad;
  const requested = ticket.sla.rfoRequestedAt;
  if (requested === undefined) return refused('rfo_not_requested', `ticket ${ticket.id} has no RFO request; record the customer's request first`, { ticketId: ticket.id });
  const document = d.document.trim();
  const fileName = d.fileName.trim();
  if (!document && !fileName) return refused('text_required', 'an RFO delivery needs the document: its text or its file name');
  if (document.length > RFO_DOCUMENT_MAX) return refused('too_long', `an RFO document holds at most ${RFO_DOCUMENT_MAX} characters`, { max: RFO_DOCUMENT_MAX });
  const at = d.at ?? ctx.now;
  if (!Number.isInteger(at) || at < requested || at > ctx.now + 60_000) {
    return refused('bad_time', `the delivery time must lie between the request and now, got ${at}`, { now: String(at) });
  }
  if (ticket.sla.rfoDeliveredAt !== undefined) return { ok: true, ticket, fields: [] };
  return {
    ok: true,
    ticket: { ...ticket, sla: { ...ticket.sla, rfoDeliveredAt: at }, updatedAt: Math.max(ticket.updatedAt, ctx.now) },
    fields: ['sla', 'updatedAt'],
    event: { id: ctx.eventId, ticketId: ticket.id, at, by: ctx.by, kind: 'rfo', step: 'delivered', document, fileName },
  };
}
