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
 * or the query changes. A cheap live query (table counts, which Dexie re-runs on every write to
 * those tables) says when the store changed; the worker reads and computes.
 */
export function useComplianceReport(filters: ReportFilters, groupBy: ReportGrouping): ReportState {
  const { db } = useServices();
  const config = useConfig();
  const [state, setState] = useState<ReportState>({ computing: true });
  const latest = useRef(0);
  const runner = useRef<Runner | undefined>(undefined);
  const dataVersion = useRef(0);
  const signal = useLiveQuery(() => Promise.all([db.tickets.count(), db.timeline.count(), db.visits.count()]).then((counts) => ({ counts })), [db]);

  useEffect(() => {
    const r = startRunner((res) => {
      if (res.id !== latest.current && res.id !== -1) return;
      setState((s) => (res.ok ? { report: res.report, timing: res.timing, computing: false } : { ...s, error: res.message, computing: false }));
    }, db);
    runner.current = r;
    return () => {
      r.stop();
      runner.current = undefined;
    };
  }, [db]);

  useEffect(() => {
    dataVersion.current++;
  }, [signal]);

  const filtersKey = JSON.stringify(filters);
  useEffect(() => {
    if (signal === undefined) return;
    setState((s) => ({ ...s, computing: true, error: undefined }));
    const timer = setTimeout(() => {
      const id = ++latest.current;
      runner.current?.send({
        id,
        dbName: db.name,
        dataVersion: dataVersion.current,
        policies: [...config.policies.values()],
        calendars: config.calendars,
        now: Date.now(),
        filters: JSON.parse(filtersKey) as ReportFilters,
        groupBy,
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      });
    }, DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [db, signal, config, filtersKey, groupBy]);

  return state;
}
