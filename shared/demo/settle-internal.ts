// A generated ticket under a policy with internal hand-off steps must carry the hand-offs its
// people would have recorded while its past happened: the receptionist and the specialist pass a
// call on within minutes, and a resolved or closed fault went through the completion steps.
// Without them every older demo ticket would show its first 5-minute step breached days ago, and
// the app would open on a wall of "your turn" notices for steps long gone.
import { escalateNoProgress, internalContext, internalStatus, noProgressDue, recordInternalStep } from '../internal-clocks';
import { SYSTEM_ACTOR } from '../ticket/command';
import type { Policy } from '../policy/schema';
import type { CalendarLookup } from '../sla/clocks';
import type { ContractRows } from '../sla/watch-list';
import type { Ticket } from '../ticket/schema';
import type { TimelineEvent } from '../ticket/timeline';

const MIN = 60_000;
/** Younger tickets keep their live first step: the demo shows a call waiting for its hand-off. */
const LIVE_UNDER = 5 * MIN;
/** Between two recorded hand-offs: well inside every step's minutes. */
const GAP = 2 * MIN;
const FINISHED: ReadonlySet<Ticket['status']> = new Set(['resolved', 'confirmed', 'closed']);

/**
 * Records, in order and in time, the hand-offs of `ticket` up to where its status has got: for an
 * open ticket the call reaches the engineer (the steps before the engineer's completion report);
 * a finished one has its completion steps recorded from its resolution on (a closed one up to the
 * close), and the system's escalation for lack of progress where it came due. Each record is the
 * app's own command, so the facts and events are those the app writes.
 */
export function settleInternalSteps(ticket: Ticket, history: readonly TimelineEvent[], policy: Policy, calendars: CalendarLookup, contracts: ContractRows | undefined, now: number): { ticket: Ticket; events: TimelineEvent[] } {
  const ctx = policy.internalProcess ? internalContext(ticket, { policies: new Map([[policy.id, policy]]), calendars, ...contracts }) : undefined;
  if (!ctx || now - ticket.createdAt < LIVE_UNDER) return { ticket, events: [] };
  const events: TimelineEvent[] = [];
  const finishedAt = FINISHED.has(ticket.status) ? (ticket.sla.resolvedAt ?? ticket.updatedAt) : undefined;
  let at = ticket.createdAt;
  let t = ticket;
  for (let guard = 0; guard < 2 * ctx.process.steps.length; guard++) {
    const next = internalStatus(t, ctx.process, ctx.meter, Math.min(now, at)).next;
    if (!next) break;
    const completion = next.step.startsOn === 'recorded';
    // An open ticket stops at the engineer's report; a resolved one before the customer's confirmation.
    if (completion && finishedAt === undefined) break;
    // The last step starts on the customer's confirmation and ends with the close.
    if (next.step === ctx.process.steps.at(-1) && (ticket.status === 'resolved' || (ticket.status === 'confirmed' && next.mark === 'done'))) break;
    if (completion && next.mark === 'start') at = Math.max(at, finishedAt ?? at);
    at += GAP;
    if (at > now) break;
    const r = recordInternalStep(t, { step: next.step.id, mark: next.mark, ...(t.ownerId ? { to: t.ownerId } : {}) }, ctx.process, ctx.meter, { now: at, by: t.ownerId ?? 'system', eventId: `${t.id}-i-${next.step.id}-${next.mark}` });
    if (!r.ok || r.fields.length === 0) break;
    t = r.ticket;
    if (r.event) events.push(r.event);
  }
  // As the app's background check: an engineer's turn with no note or status change for the
  // rule's minutes was escalated by the system when that time came.
  const progressAt = history.flatMap((e) => (e.kind === 'note' || e.kind === 'status_changed' ? [e.at] : []));
  const due = FINISHED.has(t.status) ? undefined : noProgressDue(internalStatus(t, ctx.process, ctx.meter, now, progressAt), now);
  if (due) {
    const r = escalateNoProgress(t, ctx.process, ctx.meter, progressAt, { now: Math.max(due.dueAt, at), by: SYSTEM_ACTOR, eventId: `${t.id}-i-no-progress` });
    if (r.ok && r.fields.length > 0) {
      t = r.ticket;
      if (r.event) events.push(r.event);
    }
  }
  return { ticket: t, events };
}
