import type { Policy } from '../policy/schema';
import type { Ticket } from '../ticket/schema';
import type { TimelineEvent } from '../ticket/timeline';
import { checkCtx, refused, refuseIfClosed, type CommandCtx, type CommandResult, type Refusal } from '../ticket/command';

// The software performance report (SPR/defect) raised with engineering for a ticket's problem.
// Some policies promise that a higher management escalation names the SPR raised, so the
// manager reading it can push engineering; the escalation command refuses such a level while
// the ticket has no reference (see escalationNeedsDefectReference).

type DefectEvent = Extract<TimelineEvent, { kind: 'defect_reference' }>;

export const DEFECT_REFERENCE_MAX = 120;

/** What setting the reference writes; no event (and no fields) when the value did not change. */
export type DefectReferenceOutcome = { ticket: Ticket; fields: string[]; event?: DefectEvent };

/**
 * Sets, changes or (with an empty text) clears a ticket's SPR/defect reference. Refused on a
 * closed ticket and for a reference longer than a tracker id plausibly is. Setting the value
 * the ticket already has is a quiet no-op, so replays write nothing.
 */
export function setDefectReference(ticket: Ticket, reference: string, ctx: CommandCtx): CommandResult<DefectReferenceOutcome> {
  const bad = checkCtx(ctx);
  if (bad) return bad;
  const closed = refuseIfClosed(ticket, 'SPR/defect reference');
  if (closed) return closed;
  // One line: a reference is an id, and a pasted line break would split the escalation mail.
  const ref = reference.replace(/\s+/g, ' ').trim();
  if (ref.length > DEFECT_REFERENCE_MAX) return refused('too_long', `an SPR/defect reference holds at most ${DEFECT_REFERENCE_MAX} characters`, { max: DEFECT_REFERENCE_MAX });
  if ((ticket.defectReference ?? '') === ref) return { ok: true, ticket, fields: [] };
  const { defectReference: _old, ...rest } = ticket;
  const next: Ticket = { ...rest, ...(ref ? { defectReference: ref } : {}), updatedAt: Math.max(ticket.updatedAt, ctx.now) };
  return {
    ok: true,
    ticket: next,
    fields: ['defectReference', 'updatedAt'],
    event: { id: ctx.eventId, ticketId: ticket.id, at: ctx.now, by: ctx.by, kind: 'defect_reference', reference: ref },
  };
}

/** The first escalation level at which the policy wants the SPR/defect named; undefined when none does. */
export function defectReferenceRequiredFrom(policy: Pick<Policy, 'defectReference'> | undefined): number | undefined {
  return policy?.defectReference?.requiredFromLevel;
}

/**
 * Why escalating `ticket` to `level` must wait for an SPR/defect reference, or undefined when it
 * may go ahead: the policy requires one from that level on and the ticket has none yet.
 */
export function escalationNeedsDefectReference(ticket: Pick<Ticket, 'id' | 'defectReference'>, level: number, policy: Pick<Policy, 'name' | 'defectReference'> | undefined): Refusal | undefined {
  const from = defectReferenceRequiredFrom(policy);
  if (from === undefined || level < from || ticket.defectReference) return undefined;
  const why = policy?.defectReference?.why ?? '';
  return refused(
    'defect_reference_required',
    `policy "${policy?.name ?? ''}" requires the SPR/defect reference raised before escalating to level ${from} or above; set it on ticket ${ticket.id} first`,
    { level, from, policy: policy?.name ?? '', why },
  ).refusal;
}
