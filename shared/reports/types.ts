import type { InternalStepsSummary } from '../internal-clocks/report';
import type { ClockKind } from '../sla/watch';
import type { CalendarLookup } from '../sla/clocks-types';
import type { ContractConfig } from '../contract/entitlement';
import type { ClockUnit, Policy } from '../policy/schema';
import type { Ticket } from '../ticket/schema';
import type { TimelineEvent } from '../ticket/timeline';

export const reportGroupings = ['severity', 'productLine', 'region', 'customer', 'engineer', 'week', 'clock'] as const;
export type ReportGrouping = (typeof reportGroupings)[number];

/**
 * What to count. `from` is inclusive, `to` exclusive (epoch ms). Ticket dimensions match the
 * ticket's fields; `severity` matches the level in effect at the instant being counted (a clock's
 * completion or breach, an escalation, a visit), so a ticket raised to severity 1 counts there.
 */
export type ReportFilters = {
  from?: number | undefined;
  to?: number | undefined;
  severity?: string | undefined;
  productLine?: string | undefined;
  region?: string | undefined;
  customerId?: string | undefined;
  /** The ticket's owner; for visits, the visit's engineer. */
  ownerId?: string | undefined;
};

/** The few visit fields the report reads (a subset of shared/dispatch Visit, so stored rows fit as they are). */
export type ReportVisit = {
  id: string;
  ticketId?: string | undefined;
  customerId?: string | undefined;
  region?: string | undefined;
  productLine?: string | undefined;
  engineerId?: string | undefined;
  status: string;
  window?: { start: number; end: number } | undefined;
  arrivedAt?: number | undefined;
};

export type ReportInput = {
  tickets: readonly Ticket[];
  /** Only 'escalated' and 'visit' events are read; others are ignored. */
  timeline?: readonly TimelineEvent[] | undefined;
  visits?: readonly ReportVisit[] | undefined;
  policies: ReadonlyMap<string, Policy>;
  calendars: CalendarLookup;
  /**
   * The customers' side of the configuration (customers, sites, contracts…): a contract moves a
   * ticket's targets, so the report counts the same clocks the ticket page shows. Without it, each
   * ticket's policy applies unchanged.
   */
  contracts?: Omit<ContractConfig, 'policies' | 'calendars'> | undefined;
  now: number;
  filters: ReportFilters;
  groupBy: ReportGrouping;
  /** IANA zone whose Monday-to-Sunday weeks the trend uses; default UTC. */
  timeZone?: string | undefined;
};

/** Met/breached counts and times of one set of finished (or already breached) clocks. */
export type ClockStats = {
  met: number;
  breached: number;
  /** met / (met + breached) * 100; null when nothing was counted. */
  metPercent: number | null;
  /** Nearest-rank percentiles of elapsed clock minutes at completion (finished clocks only). */
  medianMinutes: number | null;
  p90Minutes: number | null;
  /** How many finished clocks the percentiles are over. */
  timed: number;
  /** The units the minutes are in (clock minutes: business minutes or wall minutes); several when policies differ. */
  units: ClockUnit[];
};

export type GroupStats = ClockStats & { key: string; label: string };
export type TrendPoint = ClockStats & { week: string };

export type ClockSection = { kind: ClockKind; total: ClockStats; groups: GroupStats[]; trend: TrendPoint[] };

export type EscalationLevelCount = { level: number; levelName: string; manual: number; automatic: number };
export type EscalationWeek = { week: string; manual: number; automatic: number };
export type EscalationSummary = { total: number; manual: number; automatic: number; byLevel: EscalationLevelCount[]; byWeek: EscalationWeek[] };

export type VisitWeek = { week: string; count: number };
export type VisitSummary = { total: number; byWeek: VisitWeek[] };

export type EDownIncident = {
  ticketId: string;
  customerId: string;
  levelId: string;
  start: number;
  /** Absent while the ticket is still at the E-Down level and unresolved. */
  end?: number;
  /** Wall-clock minutes at the E-Down level (up to `now` while ongoing). */
  durationMinutes: number;
};
export type EDownSummary = { count: number; ongoing: number; medianMinutes: number | null; p90Minutes: number | null; incidents: EDownIncident[] };

/** One deferral by agreement: work waited from `start` until `end`, agreed with the customer's contact. */
export type Deferral = { ticketId: string; customerId: string; start: number; end: number; agreedWith: string; durationMinutes: number; ongoing: boolean };
/** `count` deferrals on `tickets` distinct tickets; `ongoing` are still waiting at `now`. */
export type DeferralSummary = { count: number; tickets: number; ongoing: number; deferrals: Deferral[] };

export type SkippedTicket = { ticketId: string; reason: string };

export type ComplianceReport = {
  groupBy: ReportGrouping;
  filters: ReportFilters;
  now: number;
  timeZone: string;
  /** Tickets passing the ticket-level filters. */
  ticketCount: number;
  clocks: ClockSection[];
  escalations: EscalationSummary;
  visits: VisitSummary;
  eDown: EDownSummary;
  deferrals: DeferralSummary;
  /** The internal hand-off steps, apart from the customer SLA clocks above. */
  internalSteps: InternalStepsSummary;
  /** Tickets whose clocks could not be computed (unknown policy, level or calendar); at most 50 listed. */
  skipped: SkippedTicket[];
  skippedCount: number;
};
