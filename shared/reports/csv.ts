// CSV export of a report, one table at a time (each chart exports its own table).
import { writeCsv } from '../csv';
import type { ClockKind } from '../sla/watch';
import type { ClockStats, ComplianceReport } from './types';

export const reportTables = ['compliance', 'trend', 'escalations', 'escalation_levels', 'visits', 'edown', 'deferrals', 'internal_steps'] as const;
export type ReportTable = (typeof reportTables)[number];

export type ReportCsvOptions = {
  /** Only this clock's rows (compliance and trend tables). */
  clock?: ClockKind | undefined;
  /** A readable name for a group key (customer and engineer names live outside shared/). */
  groupLabel?: ((key: string, fallback: string) => string) | undefined;
};

/** A number for CSV: at most two decimals, empty for null. */
export function csvNumber(x: number | null): string {
  return x === null ? '' : String(Math.round(x * 100) / 100);
}

const iso = (ms: number | undefined): string => (ms === undefined ? '' : new Date(ms).toISOString());

const statsCells = (s: ClockStats): string[] => [
  String(s.met),
  String(s.breached),
  String(s.met + s.breached),
  csvNumber(s.metPercent),
  csvNumber(s.medianMinutes),
  csvNumber(s.p90Minutes),
  String(s.timed),
  s.units.join('+'),
];
const statsHeader = ['met', 'breached', 'counted', 'met_percent', 'median_minutes', 'p90_minutes', 'timed', 'units'];

/** The header and rows of one report table, as strings. */
export function reportRows(report: ComplianceReport, table: ReportTable, options: ReportCsvOptions = {}): string[][] {
  const sections = report.clocks.filter((c) => options.clock === undefined || c.kind === options.clock);
  switch (table) {
    case 'compliance':
      return [
        ['clock', 'group_by', 'group', 'group_label', ...statsHeader],
        ...sections.flatMap((c) => c.groups.map((g) => [c.kind, report.groupBy, g.key, options.groupLabel ? options.groupLabel(g.key, g.label) : g.label, ...statsCells(g)])),
      ];
    case 'trend':
      return [['clock', 'week', ...statsHeader], ...sections.flatMap((c) => c.trend.map((p) => [c.kind, p.week, ...statsCells(p)]))];
    case 'escalations':
      return [['week', 'manual', 'automatic', 'total'], ...report.escalations.byWeek.map((w) => [w.week, String(w.manual), String(w.automatic), String(w.manual + w.automatic)])];
    case 'escalation_levels':
      return [['level', 'level_name', 'manual', 'automatic', 'total'], ...report.escalations.byLevel.map((l) => [String(l.level), l.levelName, String(l.manual), String(l.automatic), String(l.manual + l.automatic)])];
    case 'visits':
      return [['week', 'visits'], ...report.visits.byWeek.map((w) => [w.week, String(w.count)])];
    case 'edown':
      return [
        ['ticket_id', 'customer_id', 'level', 'start', 'end', 'duration_minutes', 'ongoing'],
        ...report.eDown.incidents.map((i) => [i.ticketId, i.customerId, i.levelId, iso(i.start), iso(i.end), csvNumber(i.durationMinutes), i.end === undefined ? 'yes' : 'no']),
      ];
    case 'deferrals':
      return [
        ['ticket_id', 'customer_id', 'agreed_with', 'start', 'end', 'duration_minutes', 'ongoing'],
        ...report.deferrals.deferrals.map((d) => [d.ticketId, d.customerId, d.agreedWith, iso(d.start), iso(d.end), csvNumber(d.durationMinutes), d.ongoing ? 'yes' : 'no']),
      ];
    case 'internal_steps':
      return [
        ['step', 'from', 'to', 'met', 'breached', 'running', 'met_percent'],
        ...report.internalSteps.steps.map((s) => [s.step, s.from, s.to, String(s.met), String(s.breached), String(s.running), s.metPercent === null ? '' : csvNumber(s.metPercent)]),
      ];
  }
}

/** One report table as RFC 4180 CSV (CRLF, header row); by default the compliance table of every clock. */
export function reportToCsv(report: ComplianceReport, table: ReportTable = 'compliance', options: ReportCsvOptions = {}): string {
  return writeCsv(reportRows(report, table, options));
}
