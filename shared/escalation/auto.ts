import type { Ticket, TicketStatus } from '../ticket/schema';
import type { TimelineEvent } from '../ticket/timeline';
import type { AutoTrigger, ClockStateLike, EscalationMatrix } from './schema';

/** One automatic escalation that is due now. */
export type DueEscalation = {
  level: number;
  levelId: string;
  trigger: AutoTrigger;
  /** Readable English reason for the timeline event's `ask`/log, e.g. "first_response clock breached". */
  reason: string;
  raisePriorityTo?: string;
  notify: boolean;
};

const DONE: ReadonlySet<TicketStatus> = new Set(['resolved', 'confirmed', 'closed']);

/** Levels already reached according to the ticket's recorded 'escalated' events (the source of truth across restarts). */
export function escalatedLevelsFrom(events: readonly TimelineEvent[]): number[] {
  return [...new Set(events.flatMap((e) => (e.kind === 'escalated' ? [e.level] : [])))].sort((a, b) => a - b);
}

function fires(trigger: AutoTrigger, ticket: Pick<Ticket, 'severity' | 'createdAt'>, clocks: readonly ClockStateLike[], now: number): boolean {
  if (trigger.kind === 'clock_breached') return clocks.some((c) => c.kind === trigger.clock && c.state === 'breached');
  return ticket.severity === trigger.severity && now - ticket.createdAt >= trigger.minutes * 60_000;
}

function describe(trigger: AutoTrigger): string {
  return trigger.kind === 'clock_breached' ? `${trigger.clock} clock breached` : `older than ${trigger.minutes} min at severity ${trigger.severity}`;
}

/**
 * The automatic escalations due now, lowest level first. Only levels above both the ticket's
 * current level and every already-escalated level are considered, so feeding back the recorded
 * events makes the result empty: each level fires at most once, also after a restart.
 * Resolved, confirmed and closed tickets never escalate.
 */
export function dueAutomaticEscalations(
  ticket: Pick<Ticket, 'severity' | 'createdAt' | 'status' | 'escalationLevel'>,
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
