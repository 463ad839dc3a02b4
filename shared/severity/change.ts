import type { EDownAnswers, Impact, Instant, Ticket, TimelineEvent, Urgency } from '../ticket';
import type { Policy } from '../policy/schema';
import { regradedPriority, type ContractTier } from '../policy/priority';
import { checkCtx, refuseIfClosed, refused, type CommandCtx, type CommandResult } from '../ticket/command';
import { eDownAtIntakeText, eDownEntitlementProblem } from '../contract/e-down-intake';
import { resolveEntitlement, type ContractConfig } from '../contract/entitlement';
import { validateEDown } from './e-down';
import { impactOverride } from './impact-severity';

type SeverityChangedEvent = Extract<TimelineEvent, { kind: 'severity_changed' }>;

/** A request to change severity, impact and/or urgency; the reason is recorded with who and when. */
export type SeverityChange = { severity?: string; impact?: Impact; urgency?: Urgency; reason: string; eDown?: EDownAnswers };

/** A ticket's grading as the timeline records it before and after a change. */
export type Grade = SeverityChangedEvent['from'];

/**
 * Where a severity change takes its rules from: the ticket's policy (undefined when it is not on
 * this device yet) and the customer's contract tier (undefined when the customer is not known here).
 */
export type SeverityRules = {
  policy: Policy | undefined;
  tier?: ContractTier;
  /**
   * The customer, contract, site and asset rows the ticket names: with them raising to E-Down
   * checks the contract includes it, as intake does. Without them (an older caller) only the
   * policy's own E-Down rule is checked.
   */
  contracts?: ContractConfig;
};

/** What a severity change writes: the new ticket, the fields it changed and the timeline event (none when nothing but E-Down answers changed). */
export type SeverityOutcome = { ticket: Ticket; fields: string[]; event?: SeverityChangedEvent; from: Grade; to: Grade };

const grade = (t: Ticket): Grade => ({ severity: t.severity, impact: t.impact, urgency: t.urgency, priority: t.priority });

/**
 * The ticket a change would produce, without validating or recording anything: what the severity
 * editor previews and what `changeSeverity` saves, so the two cannot disagree. Priority follows
 * `regradedPriority` (a pure severity change keeps it). Without the policy the priority is kept,
 * since nothing can derive it.
 */
export function applySeverityFields(ticket: Ticket, change: Omit<SeverityChange, 'reason'>, rules: SeverityRules, now: Instant): Ticket {
  const severity = change.severity ?? ticket.severity;
  const impact = change.impact ?? ticket.impact;
  const urgency = change.urgency ?? ticket.urgency;
  const priority = rules.policy ? regradedPriority(rules.policy, ticket, impact, urgency, rules.tier) : ticket.priority;
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

/** Fields a severity change writes; they are bumped together so a concurrent change is seen whole. */
const gradeFields = ['severity', 'impact', 'urgency', 'priority', 'sla', 'updatedAt'];

/**
 * The severity command: validates a change against the ticket's state and policy and returns the
 * new ticket and its `severity_changed` event, or a refusal with the reason.
 * - A closed ticket is final; a change needs a reason and an author.
 * - The level must exist in the policy; raising to the E-Down level needs a contract that includes
 *   it (checked as at intake, when the contract rows are given) and its complete questionnaire.
 * - Priority is decided here and nowhere else (see `applySeverityFields`).
 * - Asking for the grading the ticket already has changes nothing (a replay is harmless), except
 *   that newer E-Down answers are stored.
 * Without the policy (not synced to this device yet) the level and E-Down cannot be checked: the
 * change is applied with the priority kept, so an offline user's write is not lost, and the
 * server — which holds every policy of the tenant — re-runs this command with the policy and its
 * answer is what every device ends up with.
 */
export function changeSeverity(ticket: Ticket, change: SeverityChange, rules: SeverityRules, ctx: CommandCtx): CommandResult<SeverityOutcome> {
  const bad = checkCtx(ctx) ?? refuseIfClosed(ticket, 'severity');
  if (bad) return bad;
  const reason = change.reason.trim();
  if (!reason) return refused('reason_required', 'a severity change needs a reason');
  const { policy } = rules;
  const severity = change.severity ?? ticket.severity;
  if (policy) {
    if (ticket.policyId !== policy.id) return refused('unknown_level', `ticket ${ticket.id} follows policy "${ticket.policyId}", not "${policy.id}"`, { severity, policy: policy.name });
    const level = policy.severityLevels.find((l) => l.id === severity);
    if (!level) {
      const levels = policy.severityLevels.map((l) => l.id).join(', ');
      return refused('unknown_level', `severity "${severity}" is not a level of policy "${policy.id}" (levels: ${levels})`, { severity, policy: policy.name, levels });
    }
    if (level.aboveTop && level.id !== ticket.severity) {
      const notEntitled = rules.contracts ? eDownEntitlementProblem(resolveEntitlement(ticket, policy, rules.contracts)) : undefined;
      if (notEntitled) {
        const params = { problem: notEntitled.code, ...('number' in notEntitled ? { number: notEntitled.number } : {}), policy: policy.name };
        return refused('edown_not_eligible', `E-Down cannot be set: ${eDownAtIntakeText(notEntitled)}`, params);
      }
      const problems = validateEDown(ticket, change.eDown ?? ticket.eDown, policy, { atCreation: false, channel: ticket.channel });
      if (problems.length) return refused('edown_incomplete', `E-Down cannot be set: ${problems.join(' ')}`, { problems: problems.join(' ') });
    }
  }
  const next = applySeverityFields(ticket, change, rules, ctx.now);
  const from = grade(ticket);
  const to = grade(next);
  if (from.severity === to.severity && from.impact === to.impact && from.urgency === to.urgency && from.priority === to.priority) {
    if (!change.eDown || JSON.stringify(change.eDown) === JSON.stringify(ticket.eDown)) return { ok: true, ticket, fields: [], from, to };
    return { ok: true, ticket: { ...ticket, eDown: change.eDown, updatedAt: Math.max(ticket.updatedAt, ctx.now) }, fields: ['eDown', 'updatedAt'], from, to };
  }
  // Where severity follows the impact class, the timeline says when the new grading overrides it (the reason says why).
  const overrides = policy ? impactOverride(policy, to.severity, to.impact) : undefined;
  const event: SeverityChangedEvent = { id: ctx.eventId, ticketId: ticket.id, at: ctx.now, by: ctx.by, kind: 'severity_changed', from, to, reason, ...(overrides ? { impactClassGives: overrides } : {}) };
  return { ok: true, ticket: next, fields: change.eDown ? [...gradeFields, 'eDown'] : gradeFields, event, from, to };
}
