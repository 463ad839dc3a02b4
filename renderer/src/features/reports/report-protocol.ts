import type { Policy } from '../../../../shared/policy';
import type { CalendarLookup } from '../../../../shared/sla';
import type { ComplianceReport, ReportFilters, ReportGrouping, ReportInput } from '../../../../shared/reports';
import type { Config } from '../../config/config-store';

/** The tables a report reads. */
export const reportTables = ['tickets', 'visits', 'timeline'] as const;
export type ReportTable = (typeof reportTables)[number];

/** Writes to one table since the previous request: the rows to re-read, or everything (`full`). */
export type TableChange = { full: boolean; ids: string[] };
export type ReportChanges = Record<ReportTable, TableChange>;

/** What the page asks the report worker to compute. */
export type ReportRequest = {
  id: number;
  dbName: string;
  /** What was written since the previous request; the worker re-reads only that into the data it holds. */
  changes: ReportChanges;
  /** Idle-time warm-up after launch: read the store in small pages with pauses, nobody waits for the answer. */
  warm?: boolean;
  /** With `warm`: only bring the held rows up to date (no report), so that the next open reads only the last few writes. */
  dataOnly?: boolean;
  policies: Policy[];
  calendars: CalendarLookup;
  /** Customers, sites, assets, products and contracts (Maps cross postMessage as they are). */
  contracts: NonNullable<ReportInput['contracts']>;
  now: number;
  filters: ReportFilters;
  groupBy: ReportGrouping;
  timeZone: string;
};

/** loadMs: reading the store (0 when the worker already held the data); workerHeapMb where the platform reports it. */
export type ReportTiming = { loadMs: number; computeMs: number; workerHeapMb?: number | undefined };

export type ReportResponse =
  /** `partial`: computed from the rows the worker held, before reading the writes since; the full answer to the same id follows. */
  | { id: number; ok: true; report: ComplianceReport; timing: ReportTiming; partial?: true }
  | { id: number; ok: false; message: string };

/** No change at all. */
export const noChanges = (): ReportChanges => ({ tickets: { full: false, ids: [] }, visits: { full: false, ids: [] }, timeline: { full: false, ids: [] } });

/** Both sets of changes in one (the worker drops a request superseded by a newer one but keeps its changes). */
export function mergeChanges(a: ReportChanges, b: ReportChanges): ReportChanges {
  const merge = (x: TableChange, y: TableChange): TableChange => (x.full || y.full ? { full: true, ids: [] } : { full: false, ids: [...new Set([...x.ids, ...y.ids])] });
  return { tickets: merge(a.tickets, b.tickets), visits: merge(a.visits, b.visits), timeline: merge(a.timeline, b.timeline) };
}

/** The customers' side of the configuration, as a report request carries it. */
export const contractsOf = (c: Config): ReportRequest['contracts'] => ({ products: c.products, customers: c.customers, sites: c.sites, assets: c.assets, contracts: c.contracts });
