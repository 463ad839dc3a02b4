// The one way the app gets a ticket's clocks: every screen, background job and report asks here,
// so a ticket whose policy or calendar is missing is treated the same everywhere (no clocks, and a
// reason the UI can show) instead of each caller catching computeClocks' errors its own way.
import { resolveEntitlement, type ContractConfig, type Entitlement } from '../contract/entitlement';
import { policyCalendarIds, type Policy } from '../policy/schema';
import type { Ticket } from '../ticket/schema';
import { computeClocks } from './clocks';
import type { CalendarLookup, Clock } from './clocks-types';

/** Policies by id, as a Map (the app) or a plain record (tests, imports). */
export type PolicyLookup = ReadonlyMap<string, Policy> | Readonly<Record<string, Policy>>;

/**
 * The configuration the app holds and the rules run on: exactly what Settings › Configuration
 * exports (policies, calendars, escalation matrices, products, customers, sites, assets,
 * contracts). Without customers, a ticket's policy applies unchanged.
 */
export type DeskConfig = ContractConfig;

/** Why a ticket has no clocks although it should: something its policy needs is not loaded. */
export type ClocksProblem =
  | { kind: 'no_policy'; policyId: string }
  | { kind: 'no_calendar'; calendarId: string }
  | { kind: 'no_level'; severity: string }
  | { kind: 'invalid'; message: string };

/**
 * A ticket's clocks at `now`, or none and the reason. `clocks` is always present so callers that
 * only sort or alert can read it directly; screens show `problem` (a visible "no policy" state).
 */
export type TicketClocks =
  | { clocks: Clock[]; policy: Policy; entitlement: Entitlement; problem?: undefined }
  | { clocks: []; policy?: Policy; entitlement?: Entitlement; problem: ClocksProblem };

export function policyOf(policies: PolicyLookup, id: string): Policy | undefined {
  return policies instanceof Map ? policies.get(id) : (policies as Readonly<Record<string, Policy>>)[id];
}

/** Every SLA clock of the ticket at `now` under the configuration; never throws. */
export function ticketClocks(ticket: Ticket, config: DeskConfig, now: number): TicketClocks {
  const policy = policyOf(config.policies, ticket.policyId);
  if (!policy) return { clocks: [], problem: { kind: 'no_policy', policyId: ticket.policyId } };
  const entitlement = resolveEntitlement(ticket, policy, config);
  try {
    const clocks = computeClocks(ticket, entitlement.policy, now, entitlement.calendars);
    const also = entitlement.alsoPromised ? computeClocks(ticket, entitlement.alsoPromised, now, entitlement.calendars) : undefined;
    return { clocks: also ? earliestOf(clocks, also) : clocks, policy: entitlement.policy, entitlement };
  } catch (e) {
    return { clocks: [], policy: entitlement.policy, entitlement, problem: problemOf(ticket, entitlement.policy, entitlement.calendars, e) };
  }
}

/** Two promises on the same clocks: for each clock the one with the earlier deadline counts. */
function earliestOf(main: Clock[], also: Clock[]): Clock[] {
  return main.map((c) => {
    const a = also.find((x) => x.kind === c.kind);
    return a?.target !== undefined && c.target !== undefined && a.target < c.target ? a : c;
  });
}

/** Names what is missing, so the UI can say it in the user's language. */
function problemOf(ticket: Ticket, policy: Policy, calendars: CalendarLookup, e: unknown): ClocksProblem {
  if (!policy.severityLevels.some((l) => l.id === ticket.severity)) return { kind: 'no_level', severity: ticket.severity };
  const calendarId = policyCalendarIds(policy).find((id) => !calendars[id]);
  if (calendarId !== undefined) return { kind: 'no_calendar', calendarId };
  return { kind: 'invalid', message: e instanceof Error ? e.message : String(e) };
}

/** The problem in English, for logs and the report's list of skipped tickets. */
export function describeClocksProblem(p: ClocksProblem): string {
  switch (p.kind) {
    case 'no_policy':
      return `unknown policy "${p.policyId}"`;
    case 'no_calendar':
      return `calendar "${p.calendarId}" is not loaded`;
    case 'no_level':
      return `severity "${p.severity}" is not a level of its policy`;
    case 'invalid':
      return p.message;
  }
}
