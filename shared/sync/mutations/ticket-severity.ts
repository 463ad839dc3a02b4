import { z } from 'zod';
import { eDownAnswersSchema, impactSchema, urgencySchema, type Ticket } from '../../ticket/schema';
import type { TimelineEvent } from '../../ticket/timeline';
import { changedSince, severityRank } from '../conflict';
import { defineMutation, type MutationCtx } from '../mutation-types';
import { conflictEvent, conflictRecord, eventId, readTicket, refuse, ticketBase, ticketWrite } from './helpers';

const name = 'ticket.changeSeverity@1';

export const changeSeverityArgs = z.object({
  ticketId: z.string().min(1),
  severity: z.string().min(1),
  impact: impactSchema,
  urgency: urgencySchema,
  /** Derived by the caller from the policy matrix (shared/severity); stored for queue indexes. */
  priority: z.string().min(1),
  reason: z.string().trim().min(1),
  /** The E-Down questionnaire, given when the new severity is the policy's E-Down level (the caller validates with shared/severity). */
  eDown: eDownAnswersSchema.optional(),
});
type Args = z.infer<typeof changeSeverityArgs>;

function apply(t: Ticket, a: Args, ctx: MutationCtx): { next: Ticket; event: TimelineEvent } {
  const next: Ticket = {
    ...t,
    severity: a.severity,
    impact: a.impact,
    urgency: a.urgency,
    priority: a.priority,
    ...(a.eDown ? { eDown: a.eDown } : {}),
    updatedAt: Math.max(t.updatedAt, ctx.now),
    sla: { ...t.sla, severityHistory: [...t.sla.severityHistory, { at: ctx.now, severity: a.severity }] },
  };
  const event: TimelineEvent = {
    id: eventId(ctx),
    ticketId: t.id,
    at: ctx.now,
    by: ctx.userId,
    kind: 'severity_changed',
    from: { severity: t.severity, impact: t.impact, urgency: t.urgency, priority: t.priority },
    to: { severity: a.severity, impact: a.impact, urgency: a.urgency, priority: a.priority },
    reason: a.reason,
  };
  return { next, event };
}

const baseFields = ['severity', 'impact', 'urgency', 'priority', 'sla', 'updatedAt'];
const fieldsFor = (a: Args): string[] => (a.eDown ? [...baseFields, 'eDown'] : baseFields);

/**
 * Raises or lowers severity. When someone else changed it meanwhile the higher severity wins
 * (a customer-facing risk is never silently lowered) and both people see a conflict note.
 */
export const ticketChangeSeverity = defineMutation({
  name: 'ticket.changeSeverity',
  version: 1,
  args: changeSeverityArgs,
  touches: (a) => [{ table: 'tickets', id: a.ticketId }],
  mutate: (read, a, ctx) => {
    const cur = readTicket(read, a.ticketId);
    if (!cur) return refuse(ctx, name, a.ticketId, `ticket ${a.ticketId} not found`);
    const t = cur.ticket;
    if (t.severity === a.severity && t.impact === a.impact && t.urgency === a.urgency) {
      // Same level: only newer E-Down answers are worth a write.
      if (!a.eDown || JSON.stringify(a.eDown) === JSON.stringify(t.eDown)) return { outcome: 'applied', writes: [], events: [], conflicts: [] };
      return { outcome: 'applied', writes: [ticketWrite({ ...t, eDown: a.eDown, updatedAt: Math.max(t.updatedAt, ctx.now) }, ['eDown', 'updatedAt'])], events: [], conflicts: [] };
    }
    if (!changedSince(cur.fv, ticketBase(ctx, a.ticketId), 'severity', ctx.clientId) || t.severity === a.severity) {
      const { next, event } = apply(t, a, ctx);
      return { outcome: 'applied', writes: [ticketWrite(next, fieldsFor(a))], events: [event], conflicts: [] };
    }
    const mineWins = severityRank(a.severity) > severityRank(t.severity);
    const reason = mineWins ? `higher severity ${a.severity} kept over ${t.severity}` : `higher severity ${t.severity} kept over ${a.severity}`;
    // The losing side's reason is kept on the record (the winner's is on its timeline event).
    const withReason = (sev: string, why: string | undefined) => (why ? `${sev}: ${why}` : sev);
    const c = conflictRecord(ctx, name, t.id, 'severity', { mine: withReason(a.severity, a.reason), theirs: t.severity }, reason, 'info');
    if (!mineWins) return { outcome: 'conflict', writes: [], events: [conflictEvent(ctx, c, 1)], conflicts: [c], message: reason };
    const { next, event } = apply(t, a, ctx);
    return { outcome: 'applied', writes: [ticketWrite(next, fieldsFor(a))], events: [event, conflictEvent(ctx, c, 1)], conflicts: [c] };
  },
});
