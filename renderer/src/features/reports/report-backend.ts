// One report worker per page, shared by the reports screen and the idle-time warm-up, so the rows
// it read at launch are still there when the screen opens (and on every later visit). Writes are
// collected from Dexie's storage-mutation events (this tab and others) between two requests, so
// the worker re-reads only the rows written since.
import Dexie, { RangeSet, type ObservabilitySet } from 'dexie';
import type { ServiceDeskDb } from '../../data/db';
import { reportComputer } from './report-compute';
import { noChanges, reportTables, type ReportChanges, type ReportRequest, type ReportResponse } from './report-protocol';

/** More changed rows than this are re-read as a whole table. */
const MAX_IDS = 5_000;

export type ReportBackend = {
  /** Sends a request with the writes collected since the previous one; returns its id. */
  send(body: Omit<ReportRequest, 'id' | 'changes'>): number;
  subscribe(listener: (res: ReportResponse) => void): () => void;
  /** Bumped on every write to a table the report reads (for useSyncExternalStore). */
  changeCount(): number;
  onChange(listener: () => void): () => void;
};

/** Writes collected since the last request, per table. */
export type PendingChanges = Record<(typeof reportTables)[number], { full: boolean; ids: Set<string> }>;

const backends = new Map<string, ReportBackend>();

/** Nothing written yet. */
export const emptyPending = (): PendingChanges => ({ tickets: { full: false, ids: new Set() }, visits: { full: false, ids: new Set() }, timeline: { full: false, ids: new Set() } });

/** Adds one committed transaction's mutated parts (Dexie storagemutated) to `pending`; true when it touched a report table of `dbName`. */
export function collectChanges(pending: PendingChanges, dbName: string, parts: ObservabilitySet): boolean {
  let touched = false;
  for (const table of reportTables) {
    const tree = parts[`idb://${dbName}/${table}/`];
    if (!tree) continue;
    touched = true;
    const p = pending[table];
    if (p.full) continue;
    // Single writes arrive as single keys; bulk writes (a sync page, demo data) and clears as ranges.
    for (const node of new RangeSet().add(tree)) {
      if (typeof node.from === 'string' && node.from === node.to) p.ids.add(node.from);
      else p.full = true;
    }
    if (p.full || p.ids.size > MAX_IDS) pending[table] = { full: true, ids: new Set() };
  }
  return touched;
}

function startWorker(db: ServiceDeskDb, onResult: (res: ReportResponse) => void): (req: ReportRequest) => void {
  if (typeof Worker !== 'undefined') {
    const worker = new Worker(new URL('./report-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<ReportResponse>) => onResult(e.data);
    worker.onerror = (e) => onResult({ id: -1, ok: false, message: e.message });
    return (req) => worker.postMessage(req);
  }
  // No Worker (unit tests): the same computation on this thread.
  const compute = reportComputer(db);
  return (req) => void compute(req).then(onResult);
}

/** The page's report backend for a store; the worker starts on the first request. */
export function reportBackend(db: ServiceDeskDb): ReportBackend {
  const existing = backends.get(db.name);
  if (existing) return existing;
  let pending = emptyPending();
  let changes = 0;
  let nextId = 0;
  let post: ((req: ReportRequest) => void) | undefined;
  // Warm-up requests by id and when they were sent: their answers become a User Timing entry
  // ('sd:reports-warmup') for DevTools and the bench.
  const warmSent = new Map<number, number>();
  const results = new Set<(res: ReportResponse) => void>();
  const changeListeners = new Set<() => void>();
  Dexie.on('storagemutated', (parts: ObservabilitySet) => {
    if (!collectChanges(pending, db.name, parts)) return;
    changes++;
    changeListeners.forEach((l) => l());
  });
  const take = (): ReportChanges => {
    const out = noChanges();
    for (const t of reportTables) out[t] = { full: pending[t].full, ids: [...pending[t].ids] };
    pending = emptyPending();
    return out;
  };
  const backend: ReportBackend = {
    send(body) {
      post ??= startWorker(db, (res) => {
        const sentAt = warmSent.get(res.id);
        if (sentAt !== undefined) {
          warmSent.delete(res.id);
          performance.measure('sd:reports-warmup', { start: sentAt, end: performance.now(), detail: res.ok ? res.timing : { superseded: true } });
        }
        results.forEach((l) => l(res));
      });
      const id = ++nextId;
      if (body.warm && !body.dataOnly) warmSent.set(id, performance.now());
      post({ ...body, id, changes: take() });
      return id;
    },
    subscribe(listener) {
      results.add(listener);
      return () => results.delete(listener);
    },
    changeCount: () => changes,
    onChange(listener) {
      changeListeners.add(listener);
      return () => changeListeners.delete(listener);
    },
  };
  backends.set(db.name, backend);
  return backend;
}
