import type { Ticket } from '../ticket/schema';
import type { TimelineEvent } from '../ticket/timeline';
import { checkCtx, refuseIfClosed, refused, type CommandCtx, type CommandResult } from '../ticket/command';

type DeferredEvent = Extract<TimelineEvent, { kind: 'deferred' }>;

/** What a deferral writes. */
export type DeferralOutcome = { ticket: Ticket; fields: string[]; event: DeferredEvent };

/** The longest deferral one agreement can set: a long weekend plus holidays, not an open-ended hold. */
export const MAX_DEFERRAL_MS = 7 * 24 * 3_600_000;

/** Whether the ticket's clocks are paused by a deferral at `at`, and until when. */
export function deferredUntil(ticket: Pick<Ticket, 'sla'>, at: number): number | undefined {
  let until: number | undefined;
  for (const d of ticket.sla.deferrals ?? []) if (d.from <= at && at < d.until && (until === undefined || d.until > until)) until = d.until;
  return until;
}

/**
 * Defers work on a ticket by mutual agreement until `until`: a non-service-affecting fault raised
 * outside normal hours may wait for the next business day when both sides agree. Records who
 * agreed; every clock but the RFO pauses from now until `until` (shared/sla computeClocks).
 * Refused for a service-affecting or degraded fault (live traffic is hurt: no deferral), for a
 * resolved or closed ticket, without the name of who agreed, and for a resume time that is not
 * in the next seven days.
 */
export function deferTicket(ticket: Ticket, d: { until: number; agreedWith: string; note?: string }, ctx: CommandCtx): CommandResult<DeferralOutcome> {
  const bad = checkCtx(ctx) ?? refuseIfClosed(ticket, 'deferral');
  if (bad) return bad;
  if (ticket.impact !== 'non_service_affecting') {
    return refused('deferral_not_allowed', `only a non-service-affecting fault can be deferred by agreement; ticket ${ticket.id} is ${ticket.impact.replace(/_/g, '-')}`, { ticketId: ticket.id });
  }
  if (ticket.status === 'resolved' || ticket.status === 'confirmed') return refused('deferral_not_allowed', `ticket ${ticket.id} is ${ticket.status}; there is no work left to defer`, { ticketId: ticket.id });
  const agreedWith = d.agreedWith.trim();
  if (!agreedWith) return refused('text_required', 'a deferral needs the name of the customer contact who agreed to it');
  if (!Number.isInteger(d.until) || d.until <= ctx.now || d.until - ctx.now > MAX_DEFERRAL_MS) {
    return refused('bad_time', 'work must resume within the next seven days', { now: String(d.until) });
  }
  const deferrals = [...(ticket.sla.deferrals ?? []), { from: ctx.now, until: d.until, agreedWith }];
  return {
    ok: true,
    ticket: { ...ticket, sla: { ...ticket.sla, deferrals }, updatedAt: Math.max(ticket.updatedAt, ctx.now) },
    fields: ['sla', 'updatedAt'],
    event: { id: ctx.eventId, ticketId: ticket.id, at: ctx.now, by: ctx.by, kind: 'deferred', until: d.until, agreedWith, note: d.note?.trim() ?? '' },
  };
}
