import type { Ticket, TicketStatus } from '../ticket/schema';
import type { TimelineEvent } from '../ticket/timeline';
import type { AutoTrigger, ClockStateLike, EscalationMatrix } from './schema';

/** One automatic escalation that is due now. */
export type DueEscalation = {
  level: number;
  levelId: string;
  trigger: AutoTrigger;
  /** Readable English reason naming the rule that fired, for the event's `ask`/log, e.g. "first_response clock breached". */
  reason: string;
  raisePriorityTo?: string;
  notify: boolean;
};

const DONE: ReadonlySet<TicketStatus> = new Set(['resolved', 'confirmed', 'closed']);

/** Levels already reached according to the ticket's recorded 'escalated' events (the source of truth across restarts). */
export function escalatedLevelsFrom(events: readonly TimelineEvent[]): number[] {
  return [...new Set(events.flatMap((e) => (e.kind === 'escalated' ? [e.level] : [])))].sort((a, b) => a - b);
}

export type AgeFacts = Pick<Ticket, 'severity' | 'createdAt'> & { sla: Pick<Ticket['sla'], 'severityHistory'> };

/**
 * The instant the ticket's current severity took effect: the last severity-history entry (each
 * entry is a change), or creation when the history does not end in the current severity. An age
 * rule measures from here, so a ticket raised to a severity a day after it was opened starts that
 * severity's escalation ladder at the raise instead of jumping every level at once.
 */
export function severityEffectiveSince(ticket: AgeFacts): number {
  const h = ticket.sla.severityHistory;
  const last = h[h.length - 1];
  if (!last || last.severity !== ticket.severity) return ticket.createdAt;
  // Consecutive entries with the same severity (a replayed change) do not restart the age.
  let i = h.length - 1;
  while (i > 0 && h[i - 1]?.severity === ticket.severity) i--;
  return Math.max(ticket.createdAt, h[i]?.at ?? ticket.createdAt);
}

/** When an age rule becomes due for this ticket, or undefined when it does not apply at the ticket's severity. */
export function ageRuleDueAt(trigger: Extract<AutoTrigger, { kind: 'age' }>, ticket: AgeFacts): number | undefined {
  return ticket.severity === trigger.severity ? severityEffectiveSince(ticket) + trigger.minutes * 60_000 : undefined;
}

function fires(trigger: AutoTrigger, ticket: AgeFacts, clocks: readonly ClockStateLike[], now: number): boolean {
  if (trigger.kind === 'clock_breached') return clocks.some((c) => c.kind === trigger.clock && c.state === 'breached');
  const due = ageRuleDueAt(trigger, ticket);
  return due !== undefined && now >= due;
}

function describe(trigger: AutoTrigger): string {
  return trigger.kind === 'clock_breached' ? `${trigger.clock} clock breached` : `at severity ${trigger.severity} for ${trigger.minutes} min`;
}

/**
 * The automatic escalations due now, lowest level first. Only levels above both the ticket's
 * current level and every already-escalated level are considered, so feeding back the recorded
 * events makes the result empty: each level fires at most once, also after a restart.
 * Resolved, confirmed and closed tickets never escalate.
 */
export function dueAutomaticEscalations(
  ticket: AgeFacts & Pick<Ticket, 'status' | 'escalationLevel'>,
  matrix: EscalationMatrix,
  clockStates: readonly ClockStateLike[],
  now: number,
  alreadyEscalatedLevels: Iterable<number>,
): DueEscalation[] {
  if (DONE.has(ticket.status)) return [];
  const reached = Math.max(ticket.escalationLevel, ...alreadyEscalatedLevels);
  const due: DueEscalation[] = [];
  matrix.levels.forEach((def, i) => {
    const level = i + 1;
    if (level <= reached) return;
    const rule = def.auto.find((r) => fires(r.trigger, ticket, clockStates, now));
    if (!rule) return;
    due.push({
      level,
      levelId: def.id,
      trigger: rule.trigger,
      reason: describe(rule.trigger),
      notify: rule.notify,
      ...(rule.raisePriorityTo ? { raisePriorityTo: rule.raisePriorityTo } : {}),
    });
  });
  return due;
}
