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
export type ReportComputer = ((req: ReportRequest, early?: (res: ReportResponse) => void) => Promise<ReportResponse>) & {
  /**
   * A partial answer from the rows in hand, even while a background request is still reading
   * writes into them (undefined before the first read finished): what someone who just opened
   * Reports sees instead of waiting for that read.
   */
  answerFromHeld(req: ReportRequest): ReportResponse | undefined;
};

export function reportComputer(givenDb?: ServiceDeskDb, urgent: () => boolean = () => false): ReportComputer {
  let held: Held | undefined;
  // The rows last read or being patched in place: a consistent-enough picture between two awaits.
  let inHand: Held | undefined;
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
  const partial = (req: ReportRequest, data: ReportData): ReportResponse => {
    const e0 = performance.now();
    return { id: req.id, ok: true, partial: true, report: compute(req, data), timing: { loadMs: 0, computeMs: performance.now() - e0, workerHeapMb: heapMb() } };
  };
  const run = async (req: ReportRequest, early?: (res: ReportResponse) => void): Promise<ReportResponse> => {
    try {
      const t0 = performance.now();
      if (!db || db.name !== req.dbName) db = openDb(req.dbName);
      const same = held?.dbName === req.dbName ? held.data : undefined;
      // Someone waits and the rows held are a few writes behind: answer from them at once (the
      // screen shows a report in about a second), then read the writes and answer again. At 100k
      // tickets those few reads can wait seconds behind the other work on the store.
      if (early && same && !req.warm && hasChanges(req.changes)) early(partial(req, same));
      // Forget what was held before reading: a failed read must not leave half-patched rows behind.
      held = undefined;
      inHand = same ? { dbName: req.dbName, data: same } : undefined;
      const data = await refreshReportData(db, same, req.changes, req.warm ? background : foregroundPace);
      held = { dbName: req.dbName, data };
      inHand = held;
      if (req.dataOnly) return { id: req.id, ok: false, message: 'rows refreshed' };
      // A warm-up's own report is only there to warm the code up: skip it when someone waits.
      if (req.warm && urgent()) return { id: req.id, ok: false, message: 'warm-up superseded by a request' };
      const t1 = performance.now();
      const report = compute(req, data);
      return { id: req.id, ok: true, report, timing: { loadMs: t1 - t0, computeMs: performance.now() - t1, workerHeapMb: heapMb() } };
    } catch (e) {
      inHand = undefined;
      return { id: req.id, ok: false, message: e instanceof Error ? e.message : String(e) };
    }
  };
  return Object.assign(run, {
    answerFromHeld: (req: ReportRequest) => (inHand?.dbName === req.dbName ? partial(req, inHand.data) : undefined),
  });
}

const hasChanges = (c: ReportRequest['changes']): boolean => Object.values(c).some((t) => t.full || t.ids.length > 0);
