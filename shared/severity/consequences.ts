import type { Policy } from '../policy/schema';
import { resolvePriorityRaise, type ContractTier } from '../policy/priority';
import type { Ticket } from '../ticket/schema';
import type { TimelineEvent } from '../ticket/timeline';
import type { CalendarLookup } from '../sla/clocks';
import type { ClockKind } from '../sla/watch';
import { ticketClocks } from '../sla/ticket-clocks';
import { ageRuleDueAt, dueAutomaticEscalations, escalatedLevelsFrom } from '../escalation/auto';
import type { EscalationMatrix } from '../escalation/schema';
import { applySeverityFields, type SeverityChange } from './change';

/** One escalation saving causes: now (`at` = the save) or later by age if the ticket stays at its new severity. */
export type CausedEscalation = { level: number; levelId: string; reason: string; at: number; now: boolean; notify: boolean; raisesPriorityTo?: string };

/** What saving a severity change will set off, for the editor to say before the user saves. */
export type SeverityConsequences = {
  /** Priority before and after, including any raise the escalations due on saving bring. */
  priority: { from: string; to: string };
  /** Escalations due the moment the change is saved, then the next one by age (if any). */
  escalations: CausedEscalation[];
  /** Clocks whose new target is already in the past: saving breaches them and their alerts fire at once. */
  pastTargets: Array<{ kind: ClockKind; target: number }>;
  /** Whether the new level's targets count from the ticket's start or from this change, and the policy's reason. */
  retarget: { from: 'start' | 'change'; why: string };
};

/**
 * The consequences of saving a severity change at `now`, computed with the same functions the
 * save and the automatic-escalation runner use (applySeverityFields, ticketClocks,
 * dueAutomaticEscalations), so what the editor announces is what then happens.
 */
export function severityConsequences(
  ticket: Ticket,
  change: Omit<SeverityChange, 'reason'>,
  rules: { policy: Policy; tier?: ContractTier; calendars: CalendarLookup; matrix: EscalationMatrix | undefined; timeline: readonly TimelineEvent[] },
  now: number,
): SeverityConsequences {
  const { policy, matrix } = rules;
  const next = applySeverityFields(ticket, change, { policy, tier: rules.tier }, now);
  const config = { policies: new Map([[policy.id, policy]]), calendars: rules.calendars };
  const before = ticketClocks(ticket, config, now).clocks;
  const after = ticketClocks(next, config, now).clocks;
  const wasBreached = new Set(before.filter((c) => c.state === 'breached').map((c) => c.kind));
  const pastTargets = after.filter((c) => c.state === 'breached' && c.completedAt === undefined && !wasBreached.has(c.kind) && c.target !== undefined).map((c) => ({ kind: c.kind, target: c.target as number }));

  const escalations: CausedEscalation[] = [];
  let priority = next.priority;
  if (matrix) {
    const done = escalatedLevelsFrom(rules.timeline);
    // What is already due before saving is not the change's doing; only what saving adds is listed.
    const dueBefore = new Set(dueAutomaticEscalations(ticket, matrix, before, now, done).map((d) => d.level));
    const dueAfter = dueAutomaticEscalations(next, matrix, after, now, done);
    for (const d of dueAfter) {
      const raise = d.raisePriorityTo ? resolvePriorityRaise(policy, priority, d.raisePriorityTo) : undefined;
      if (raise) priority = raise;
      if (dueBefore.has(d.level)) continue;
      escalations.push({ level: d.level, levelId: d.levelId, reason: d.reason, at: now, now: true, notify: d.notify, ...(raise ? { raisesPriorityTo: raise } : {}) });
    }
    const reached = Math.max(next.escalationLevel, ...done, ...dueAfter.map((d) => d.level));
    const later = nextAgeEscalation(next, matrix, reached);
    if (later) escalations.push(later);
  }
  const retarget = policy.retargetOnSeverityChange ?? { from: 'start' as const, why: '' };
  return { priority: { from: ticket.priority, to: priority }, escalations, pastTargets, retarget };
}

/** The first age rule above `reached` that the ticket's new severity will set off, with when. */
function nextAgeEscalation(ticket: Ticket, matrix: EscalationMatrix, reached: number): CausedEscalation | undefined {
  let best: CausedEscalation | undefined;
  matrix.levels.forEach((def, i) => {
    const level = i + 1;
    if (level <= reached) return;
    for (const rule of def.auto) {
      if (rule.trigger.kind !== 'age') continue;
      const at = ageRuleDueAt(rule.trigger, ticket);
      if (at === undefined || (best && best.at <= at)) continue;
      best = { level, levelId: def.id, reason: `at severity ${rule.trigger.severity} for ${rule.trigger.minutes} min`, at, now: false, notify: rule.notify };
    }
  });
  return best;
}
