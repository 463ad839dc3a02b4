import type { Ticket } from '../ticket/schema';
import { summarizeEscalations, summarizeVisits } from './activity';
import { clockSections, tallyClocks } from './clock-tally';
import { summarizeDeferrals } from './deferrals';
import { summarizeEDown } from './e-down';
import { summarizeInternalSteps } from '../internal-clocks/report';
import { ticketMatches } from './filters';
import type { ComplianceReport, ReportInput } from './types';
import { weekKeyer } from './week';

/**
 * The SLA compliance report: per clock kind and group, met/breached counts (a clock counts when it
 * finished in the period, or when it is still running and its breach fell in the period), met %,
 * nearest-rank median and p90 of elapsed clock minutes at completion, and a weekly trend; plus
 * escalations and visits per week, E-Down incidents and deferrals by agreement. Pure; clocks computed once per ticket.
 */
export function complianceReport(input: ReportInput): ComplianceReport {
  const { filters, now, policies } = input;
  if (filters.from !== undefined && filters.to !== undefined && filters.from >= filters.to) throw new RangeError('the report period must end after it starts');
  const timeZone = input.timeZone ?? 'UTC';
  const weekOf = weekKeyer(timeZone);
  const matching: Ticket[] = [];
  for (const t of input.tickets) if (ticketMatches(t, filters)) matching.push(t);
  const { sections, skipped, skippedCount } = tallyClocks(input, matching, weekOf);

  const timeline = input.timeline ?? [];
  const visits = input.visits ?? [];
  const byId = new Map<string, Ticket>();
  if (timeline.length > 0 || visits.length > 0) for (const t of input.tickets) byId.set(t.id, t);

  return {
    groupBy: input.groupBy,
    filters,
    now,
    timeZone,
    ticketCount: matching.length,
    clocks: clockSections(input, sections),
    escalations: summarizeEscalations(timeline, byId, filters, weekOf),
    visits: summarizeVisits(visits, timeline, byId, filters, weekOf),
    eDown: summarizeEDown(matching, policies, filters, now),
    deferrals: summarizeDeferrals(matching, filters, now),
    internalSteps: summarizeInternalSteps(matching, { policies, calendars: input.calendars, ...input.contracts }, filters, now),
    skipped,
    skippedCount,
  };
}
