import {
  dueAutomaticEscalations,
  escalatedLevelsFrom,
  escalationLevelAt,
  localizedLabel,
  pickEscalationLocale,
  resolveEscalationRecipients,
  type DueEscalation,
  type EscalationMatrix,
  type RoutingGap,
} from '../../../../shared/escalation';
import type { Engineer } from '../../../../shared/directory';
import type { Policy } from '../../../../shared/policy';
import { escalationMatrixForTicket, type ContractConfig } from '../../../../shared/contract';
import { ticketClocks, type CalendarLookup } from '../../../../shared/sla';
import type { Ticket, TimelineEvent } from '../../../../shared/ticket';

/** One automatic escalation to record now. */
export type AutoEscalationPlan = {
  ticketId: string;
  /** The ticket's severity (notification filters use it). */
  severity: string;
  level: number;
  levelName: string;
  recipients: string[];
  /** Set when the matrix cannot route this level for the ticket: the level is still recorded. */
  missing?: RoutingGap;
  due: DueEscalation;
};

/** The customers' side of the configuration: a ticket's contract decides its clocks and its matrix. */
export type ContractRowsConfig = Omit<ContractConfig, 'policies' | 'calendars'>;
export type PlanOptions = { engineers: readonly Engineer[]; language: string; contracts?: ContractRowsConfig };

/**
 * The automatic escalations due now for these tickets. The recorded 'escalated' events of each
 * ticket are the memory: a level already in the timeline (or below the ticket's level) is never
 * planned again, so running this after a restart plans nothing twice.
 */
export function planAutoEscalations(
  tickets: readonly Ticket[],
  timelinesById: ReadonlyMap<string, readonly TimelineEvent[]>,
  matrices: readonly EscalationMatrix[],
  policies: ReadonlyMap<string, Policy>,
  calendars: CalendarLookup,
  now: number,
  options: PlanOptions,
): AutoEscalationPlan[] {
  const locale = pickEscalationLocale(options.language);
  const plans: AutoEscalationPlan[] = [];
  for (const ticket of tickets) {
    // The contract's matrix and clocks, as the ticket page and a hand escalation use them.
    const config = { policies, calendars, ...options.contracts };
    const matrix = escalationMatrixForTicket(matrices, ticket, config);
    if (!matrix) continue;
    // A ticket whose policy or calendar is missing has no clocks to breach; age rules still apply.
    const { clocks } = ticketClocks(ticket, config, now);
    const done = escalatedLevelsFrom(timelinesById.get(ticket.id) ?? []);
    for (const due of dueAutomaticEscalations(ticket, matrix, clocks, now, done)) {
      const r = resolveEscalationRecipients(ticket, due.level, matrix, options.engineers);
      plans.push({
        ticketId: ticket.id,
        severity: ticket.severity,
        level: due.level,
        levelName: localizedLabel(escalationLevelAt(matrix, due.level).name, locale),
        recipients: [...r.to, ...r.cc],
        ...(r.missing ? { missing: r.missing } : {}),
        due,
      });
    }
  }
  return plans;
}

/** The highest level any automatic rule of the matrix can reach; tickets at or above it need no evaluation. */
export function highestAutoLevel(matrix: EscalationMatrix): number {
  let top = 0;
  matrix.levels.forEach((l, i) => {
    if (l.auto.length > 0) top = i + 1;
  });
  return top;
}

/** Per severity, the shortest age (minutes) after which some matrix escalates it. */
export function ageThresholds(matrices: readonly EscalationMatrix[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const m of matrices) {
    for (const level of m.levels) {
      for (const rule of level.auto) {
        if (rule.trigger.kind !== 'age') continue;
        const cur = out.get(rule.trigger.severity);
        if (cur === undefined || rule.trigger.minutes < cur) out.set(rule.trigger.severity, rule.trigger.minutes);
      }
    }
  }
  return out;
}
