import { useEffect, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../app/services';
import { useConfig } from '../../config/config-store';
import type { ComplianceReport, ReportFilters, ReportGrouping } from '../../../../shared/reports';
import { reportComputer } from './report-compute';
import type { ReportRequest, ReportResponse, ReportTiming } from './report-protocol';

export type ReportState = {
  report?: ComplianceReport | undefined;
  timing?: ReportTiming | undefined;
  error?: string | undefined;
  computing: boolean;
};

const DEBOUNCE_MS = 200;

type Runner = { send: (req: ReportRequest) => void; stop: () => void };

/** A Web Worker when the platform has one; else the same computation on this thread (tests). */
function startRunner(onResult: (res: ReportResponse) => void, fallbackDb: Parameters<typeof reportComputer>[0]): Runner {
  if (typeof Worker !== 'undefined') {
    const worker = new Worker(new URL('./report-worker.ts', import.meta.url), { type: 'module' });
    worker.onmessage = (e: MessageEvent<ReportResponse>) => onResult(e.data);
    worker.onerror = (e) => onResult({ id: -1, ok: false, message: e.message });
    return { send: (req) => worker.postMessage(req), stop: () => worker.terminate() };
  }
  const compute = reportComputer(fallbackDb);
  return { send: (req) => void compute(req).then(onResult), stop: () => undefined };
}

/**
 * The compliance report over the whole local store, recomputed when the store, the configuration
 * or the query changes. Cheap live queries (table counts, which Dexie re-runs on every write to
 * those tables) say what changed; the worker re-reads only that and computes.
 */
export function useComplianceReport(filters: ReportFilters, groupBy: ReportGrouping): ReportState {
  const { db } = useServices();
  const config = useConfig();
  // `key` names the query (filters, grouping, configuration) a shown report answers.
  const [state, setState] = useState<Omit<ReportState, 'computing'> & { key?: string }>({});
  const sent = useRef(0);
  const keyOf = useRef(new Map<number, string>());
  const shown = useRef(0);
  const runner = useRef<Runner | undefined>(undefined);
  const ticketsVersion = useRef(0);
  const timelineVersion = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const next = useRef<(Omit<ReportRequest, 'id' | 'now' | 'ticketsVersion' | 'timelineVersion'> & { key: string }) | undefined>(undefined);
  const ticketsSignal = useLiveQuery(() => Promise.all([db.tickets.count(), db.visits.count()]).then((counts) => ({ counts })), [db]);
  const timelineSignal = useLiveQuery(() => db.timeline.count().then((count) => ({ count })), [db]);

  useEffect(() => {
    const r = startRunner((res) => {
      // Any answer newer than the one on screen is shown, so a stream of writes (a large sync
      // pull, SLA alerts being logged) updates the report quietly instead of starving it.
      if (res.id !== -1 && res.id <= shown.current) return;
      if (res.id !== -1) shown.current = res.id;
      const key = keyOf.current.get(res.id) ?? keyOf.current.get(sent.current);
      for (const id of keyOf.current.keys()) if (id <= res.id) keyOf.current.delete(id);
      setState((s) => (res.ok ? { report: res.report, timing: res.timing, key } : { ...s, error: res.message, key }));
    }, db);
    runner.current = r;
    return () => {
      r.stop();
      runner.current = undefined;
      if (timer.current) clearTimeout(timer.current);
      timer.current = undefined;
    };
  }, [db]);

  useEffect(() => {
    ticketsVersion.current++;
  }, [ticketsSignal]);
  useEffect(() => {
    timelineVersion.current++;
  }, [timelineSignal]);

  const filtersKey = JSON.stringify(filters);
  const queryKey = `${filtersKey}|${groupBy}|${config.revision}`;
  useEffect(() => {
    if (ticketsSignal === undefined || timelineSignal === undefined) return;
    next.current = {
      dbName: db.name,
      policies: [...config.policies.values()],
      calendars: config.calendars,
      filters: JSON.parse(filtersKey) as ReportFilters,
      groupBy,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      key: queryKey,
    };
    // Coalesce bursts (typing a date, a sync batch) without postponing forever: the first change
    // starts the wait, later ones only update what will be sent.
    if (timer.current) return;
    timer.current = setTimeout(() => {
      timer.current = undefined;
      const req = next.current;
      if (!req) return;
      sent.current++;
      keyOf.current.set(sent.current, req.key);
      const { key: _key, ...body } = req;
      runner.current?.send({ ...body, id: sent.current, ticketsVersion: ticketsVersion.current, timelineVersion: timelineVersion.current, now: Date.now() });
    }, DEBOUNCE_MS);
  }, [db, ticketsSignal, timelineSignal, config, filtersKey, groupBy, queryKey]);

  // Computing: the report on screen does not answer the current query yet. Data changes alone
  // refresh it quietly.
  return { report: state.report, timing: state.timing, error: state.error, computing: state.key !== queryKey };
}
