// One report computation against a store, shared by the worker and the main-thread fallback.
// The loaded data is kept between requests, so changing a filter recomputes without re-reading,
// and a timeline write (an SLA alert, a note) re-reads only the events, not 100k tickets.
import { openDb, type ServiceDeskDb } from '../../data/db';
import { complianceReport } from '../../../../shared/reports';
import { loadReportEvents, loadTicketsAndVisits, type ReportData } from './report-source';
import type { ReportRequest, ReportResponse } from './report-protocol';

type Cache = { dbName: string; ticketsVersion: number; timelineVersion: number; data: ReportData };

/** A computer that reads the store named in each request (or the given one) and caches its data. */
export function reportComputer(givenDb?: ServiceDeskDb): (req: ReportRequest) => Promise<ReportResponse> {
  let cache: Cache | undefined;
  let db = givenDb;
  return async (req) => {
    try {
      const t0 = performance.now();
      if (!db || db.name !== req.dbName) db = openDb(req.dbName);
      const same = cache?.dbName === req.dbName ? cache : undefined;
      const base = same?.ticketsVersion === req.ticketsVersion ? same.data : await loadTicketsAndVisits(db);
      const timeline = same?.timelineVersion === req.timelineVersion ? same.data.timeline : await loadReportEvents(db);
      cache = { dbName: req.dbName, ticketsVersion: req.ticketsVersion, timelineVersion: req.timelineVersion, data: { tickets: base.tickets, visits: base.visits, timeline } };
      const t1 = performance.now();
      const report = complianceReport({
        ...cache.data,
        policies: new Map(req.policies.map((p) => [p.id, p])),
        calendars: req.calendars,
        now: req.now,
        filters: req.filters,
        groupBy: req.groupBy,
        timeZone: req.timeZone,
      });
      return { id: req.id, ok: true, report, timing: { loadMs: t1 - t0, computeMs: performance.now() - t1 } };
    } catch (e) {
      return { id: req.id, ok: false, message: e instanceof Error ? e.message : String(e) };
    }
  };
}
