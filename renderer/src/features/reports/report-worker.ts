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

async function drain(): Promise<void> {
  running = true;
  while (next) {
    const req = next;
    next = undefined;
    urgent = false;
    scope.postMessage(await compute(req, (early) => scope.postMessage(early)));
  }
  running = false;
}

scope.onmessage = (e) => {
  const req = e.data;
  if (!req.warm) urgent = true;
  // A warm-up never replaces a request someone waits for; it only adds its changes.
  if (next && req.warm && !next.warm) next = { ...next, changes: mergeChanges(next.changes, req.changes) };
  else next = next ? { ...req, changes: mergeChanges(next.changes, req.changes) } : req;
  if (!running) void drain();
};
