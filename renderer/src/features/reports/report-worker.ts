// The report runs here, off the main thread: at 100k tickets reading the store and computing
// every clock takes several hundred ms (tests/bench/reports.bench.ts), which would freeze the UI.
import { reportComputer } from './report-compute';
import { mergeChanges, type ReportRequest } from './report-protocol';

// A request someone waits for is waiting: a background warm-up read in progress speeds up.
let urgent = false;
const compute = reportComputer(undefined, () => urgent);
const scope = self as unknown as { onmessage: ((e: MessageEvent<ReportRequest>) => void) | null; postMessage: (m: unknown) => void };

// Only the newest request matters: one that arrives while another runs replaces any waiting one,
// keeping the waiting one's changes so that no written row is missed.
let next: ReportRequest | undefined;
let running = false;
// Requests already given an answer from the rows in hand: their turn brings only the full answer.
const answered = new Set<number>();

async function drain(): Promise<void> {
  running = true;
  while (next) {
    const req = next;
    next = undefined;
    urgent = false;
    const early = answered.delete(req.id) ? undefined : (res: unknown) => scope.postMessage(res);
    scope.postMessage(await compute(req, early));
  }
  running = false;
}

scope.onmessage = (e) => {
  const req = e.data;
  if (!req.warm) {
    urgent = true;
    // Busy bringing the rows up to date in the background (writes queued behind others on the
    // store can take seconds): answer from the rows in hand now; the full answer follows.
    if (running) {
      const early = compute.answerFromHeld(req);
      if (early) {
        scope.postMessage(early);
        answered.add(req.id);
      }
    }
  }
  // A warm-up never replaces a request someone waits for; it only adds its changes.
  if (next && req.warm && !next.warm) next = { ...next, changes: mergeChanges(next.changes, req.changes) };
  else {
    if (next) answered.delete(next.id);
    next = next ? { ...req, changes: mergeChanges(next.changes, req.changes) } : req;
  }
  if (!running) void drain();
};
