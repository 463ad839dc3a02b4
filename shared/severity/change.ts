import type { EDownAnswers, Impact, Instant, Ticket, TimelineEvent, Urgency } from '../ticket';
import { eDownAnswersSchema } from '../ticket/schema';
import type { Policy } from '../policy/schema';
import { findLevel } from '../policy/levels';
import { priorityFor } from '../policy/priority';
import { EDownRejectedError, validateEDown } from './e-down';

type SeverityChangedEvent = Extract<TimelineEvent, { kind: 'severity_changed' }>;

/** A request to change severity, impact and/or urgency; the reason is recorded with who and when (seed 002). */
export type SeverityChange = { severity?: string; impact?: Impact; urgency?: Urgency; reason: string; eDown?: EDownAnswers };

/**
 * Applies the fields of a change without recording anything: the ticket the clocks would see.
 * Priority is re-derived from the matrix only when impact or urgency change, so a contract-tier
 * priority floor is not lost on a pure severity change.
 */
export function applySeverityFields(ticket: Ticket, change: Omit<SeverityChange, 'reason'>, policy: Policy, now: Instant): Ticket {
  const severity = change.severity ?? ticket.severity;
  findLevel(policy, severity);
  const impact = change.impact ?? ticket.impact;
  const urgency = change.urgency ?? ticket.urgency;
  const priority = impact !== ticket.impact || urgency !== ticket.urgency ? priorityFor(policy, impact, urgency) : ticket.priority;
  const severityHistory = severity === ticket.severity ? ticket.sla.severityHistory : [...ticket.sla.severityHistory, { at: now, severity }];
  return {
    ...ticket,
    severity,
    impact,
    urgency,
    priority,
    eDown: change.eDown ?? ticket.eDown,
    sla: { ...ticket.sla, severityHistory },
    updatedAt: Math.max(ticket.updatedAt, now),
  };
}

/**
 * Changes severity/impact/urgency: validates against the policy (level exists, E-Down rule, a
 * reason), appends to the severity history so clocks re-target from their original start, and
 * returns the `severity_changed` timeline event. Pure; bad input throws and changes nothing.
 */
export function changeSeverity(ticket: Ticket, change: SeverityChange, policy: Policy, now: Instant, by: string): { ticket: Ticket; event: SeverityChangedEvent } {
  if (ticket.policyId !== policy.id) throw new RangeError(`ticket ${ticket.id} follows policy "${ticket.policyId}", not "${policy.id}"`);
  if (!change.reason.trim()) throw new RangeError('a severity change needs a reason');
  if (by.trim() === '') throw new RangeError('a severity change needs who made it (by)');
  if (ticket.status === 'closed') throw new RangeError(`ticket ${ticket.id} is closed; its severity can no longer change`);
  if (!Number.isInteger(now) || now < ticket.createdAt) throw new RangeError(`severity change time ${now} is before the ticket was created`);
  const level = findLevel(policy, change.severity ?? ticket.severity);
  if (level.aboveTop && level.id !== ticket.severity) {
    const answers = change.eDown ?? ticket.eDown;
    const problems = validateEDown(ticket, answers, policy, { atCreation: false, channel: ticket.channel });
    if (problems.length) throw new EDownRejectedError(problems);
    eDownAnswersSchema.parse(answers);
  }
  const next = applySeverityFields(ticket, change, policy, now);
  const snapshot = (t: Ticket): SeverityChangedEvent['from'] => ({ severity: t.severity, impact: t.impact, urgency: t.urgency, priority: t.priority });
  const from = snapshot(ticket);
  const to = snapshot(next);
  if (from.severity === to.severity && from.impact === to.impact && from.urgency === to.urgency && from.priority === to.priority) {
    throw new RangeError(`ticket ${ticket.id} already has severity ${from.severity}, impact ${from.impact}, urgency ${from.urgency}: nothing to change`);
  }
  const event: SeverityChangedEvent = { id: `${ticket.id}:severity:${now}`, ticketId: ticket.id, at: now, by, kind: 'severity_changed', from, to, reason: change.reason.trim() };
  return { ticket: next, event };
}
