// One report computation against a store, shared by the worker and the main-thread fallback.
// The loaded rows are kept between requests: changing a filter recomputes without re-reading,
// and a write (an SLA alert, a status change) re-reads only the rows it touched.
import { openDb, type ServiceDeskDb } from '../../data/db';
import { complianceReport } from '../../../../shared/reports';
import { backgroundPace, foregroundPace, refreshReportData, type ReportData } from './report-source';
import type { ReportRequest, ReportResponse } from './report-protocol';

type Held = { dbName: string; data: ReportData };

/** The JS heap of this thread in MB where Chromium reports it (performance.memory), for the bench. */
function heapMb(): number | undefined {
  const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  return memory ? memory.usedJSHeapSize / 1024 / 1024 : undefined;
}

/**
 * A computer that reads the store named in each request (or the given one) and holds its rows.
 * `urgent` says a request someone waits for has arrived, so a background warm-up read speeds up.
 */
export function reportComputer(givenDb?: ServiceDeskDb, urgent: () => boolean = () => false): (req: ReportRequest, early?: (res: ReportResponse) => void) => Promise<ReportResponse> {
  let held: Held | undefined;
  let db = givenDb;
  const background = backgroundPace(urgent);
  const compute = (req: ReportRequest, data: ReportData) =>
    complianceReport({
      tickets: [...data.tickets.values()],
      visits: [...data.visits.values()],
      timeline: [...data.timeline.values()],
      policies: new Map(req.policies.map((p) => [p.id, p])),
      calendars: req.calendars,
      contracts: req.contracts,
      now: req.now,
      filters: req.filters,
      groupBy: req.groupBy,
      timeZone: req.timeZone,
    });
  return async (req, early) => {
    try {
      const t0 = performance.now();
      if (!db || db.name !== req.dbName) db = openDb(req.dbName);
      const same = held?.dbName === req.dbName ? held.data : undefined;
      // Someone waits and the rows held are a few writes behind: answer from them at once (the
      // screen shows a report in about a second), then read the writes and answer again. At 100k
      // tickets those few reads can wait seconds behind the other work on the store.
      if (early && same && !req.warm && hasChanges(req.changes)) {
        const e0 = performance.now();
        early({ id: req.id, ok: true, partial: true, report: compute(req, same), timing: { loadMs: 0, computeMs: performance.now() - e0, workerHeapMb: heapMb() } });
      }
      // Forget what was held before reading: a failed read must not leave half-patched rows behind.
      held = undefined;
      const data = await refreshReportData(db, same, req.changes, req.warm ? background : foregroundPace);
      held = { dbName: req.dbName, data };
      if (req.dataOnly) return { id: req.id, ok: false, message: 'rows refreshed' };
      // A warm-up's own report is only there to warm the code up: skip it when someone waits.
      if (req.warm && urgent()) return { id: req.id, ok: false, message: 'warm-up superseded by a request' };
      const t1 = performance.now();
      const report = compute(req, data);
      return { id: req.id, ok: true, report, timing: { loadMs: t1 - t0, computeMs: performance.now() - t1, workerHeapMb: heapMb() } };
    } catch (e) {
      return { id: req.id, ok: false, message: e instanceof Error ? e.message : String(e) };
    }
  };
}

const hasChanges = (c: ReportRequest['changes']): boolean => Object.values(c).some((t) => t.full || t.ids.length > 0);
