// The report runs here, off the main thread: at 100k tickets reading the store and computing
// every clock takes several hundred ms (tests/bench/reports.bench.ts), which would freeze the UI.
import { reportComputer } from './report-compute';
import type { ReportRequest } from './report-protocol';

const compute = reportComputer();
const scope = self as unknown as { onmessage: ((e: MessageEvent<ReportRequest>) => void) | null; postMessage: (m: unknown) => void };

// Only the newest request matters: one that arrives while another runs replaces any waiting one.
let next: ReportRequest | undefined;
let running = false;

async function drain(): Promise<void> {
  running = true;
  while (next) {
    const req = next;
    next = undefined;
    scope.postMessage(await compute(req));
  }
  running = false;
}

scope.onmessage = (e) => {
  next = e.data;
  if (!running) void drain();
};
