import type { Policy } from '../../../../shared/policy';
import type { CalendarLookup } from '../../../../shared/sla';
import type { ComplianceReport, ReportFilters, ReportGrouping } from '../../../../shared/reports';

/** What the page asks the report worker to compute. */
export type ReportRequest = {
  id: number;
  dbName: string;
  /** Bumped when tickets or visits changed; the worker re-reads them only then. */
  ticketsVersion: number;
  /** Bumped when the timeline changed (SLA alerts, notes...); only the events are re-read. */
  timelineVersion: number;
  policies: Policy[];
  calendars: CalendarLookup;
  now: number;
  filters: ReportFilters;
  groupBy: ReportGrouping;
  timeZone: string;
};

export type ReportTiming = { loadMs: number; computeMs: number };

export type ReportResponse =
  | { id: number; ok: true; report: ComplianceReport; timing: ReportTiming }
  | { id: number; ok: false; message: string };
