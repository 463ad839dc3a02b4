import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useServices } from '../../app/services';
import { useConfig } from '../../config/config-store';
import type { ComplianceReport, ReportFilters, ReportGrouping } from '../../../../shared/reports';
import { reportBackend } from './report-backend';
import { contractsOf, type ReportRequest, type ReportTiming } from './report-protocol';

export type ReportState = {
  report?: ComplianceReport | undefined;
  timing?: ReportTiming | undefined;
  error?: string | undefined;
  computing: boolean;
};

const DEBOUNCE_MS = 200;

type Body = Omit<ReportRequest, 'id' | 'changes'> & { key: string };

/**
 * The compliance report over the whole local store, recomputed when the store, the configuration
 * or the query changes. The page's one report worker (report-backend.ts, warmed up at launch)
 * holds the rows; it is told which rows were written since and re-reads only those.
 */
export function useComplianceReport(filters: ReportFilters, groupBy: ReportGrouping): ReportState {
  const { db } = useServices();
  const config = useConfig();
  const backend = reportBackend(db);
  const writes = useSyncExternalStore(backend.onChange, backend.changeCount);
  // `key` names the query (filters, grouping, configuration) a shown report answers.
  const [state, setState] = useState<Omit<ReportState, 'computing'> & { key?: string }>({});
  const keyOf = useRef(new Map<number, string>());
  const shown = useRef(0);
  // The report on screen answers request `shown` from the rows held before its writes were read: its full answer may still come.
  const shownPartial = useRef(false);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const next = useRef<Body | undefined>(undefined);

  useEffect(() => {
    const mine = keyOf.current;
    const off = backend.subscribe((res) => {
      // Answers to other requests (the warm-up) are not this page's; any answer newer than the one
      // on screen is shown, so a stream of writes updates the report quietly instead of starving it.
      const fuller = res.id === shown.current && shownPartial.current;
      if (res.id !== -1 && (!mine.has(res.id) || (res.id <= shown.current && !fuller))) return;
      const key = res.id === -1 ? [...mine.values()].at(-1) : mine.get(res.id);
      const partial = res.ok && res.partial === true;
      if (res.id !== -1) {
        shown.current = res.id;
        shownPartial.current = partial;
        // A partial answer keeps its id: the full one to the same request is still to be shown.
        for (const id of mine.keys()) if (id < res.id || (id === res.id && !partial)) mine.delete(id);
      }
      setState((s) => (res.ok ? { report: res.report, timing: res.timing, key } : { ...s, error: res.message, key }));
    });
    return () => {
      off();
      if (timer.current) clearTimeout(timer.current);
      timer.current = undefined;
    };
  }, [backend]);

  const filtersKey = JSON.stringify(filters);
  const queryKey = `${filtersKey}|${groupBy}|${config.revision}`;
  useEffect(() => {
    next.current = {
      dbName: db.name,
      policies: [...config.policies.values()],
      calendars: config.calendars,
      contracts: contractsOf(config),
      filters: JSON.parse(filtersKey) as ReportFilters,
      groupBy,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      now: 0,
      key: queryKey,
    };
    const send = (): void => {
      timer.current = undefined;
      const req = next.current;
      if (!req) return;
      const { key, ...body } = req;
      keyOf.current.set(backend.send({ ...body, now: Date.now() }), key);
    };
    // The first request goes out at once (the screen just opened). Later bursts (typing a date, a
    // sync batch) are coalesced without postponing forever: the first change starts the wait,
    // later ones only update what will be sent.
    if (shown.current === 0 && keyOf.current.size === 0) send();
    else if (!timer.current) timer.current = setTimeout(send, DEBOUNCE_MS);
  }, [db, backend, writes, config, filtersKey, groupBy, queryKey]);

  // Computing: the report on screen does not answer the current query yet. Data changes alone
  // refresh it quietly.
  return { report: state.report, timing: state.timing, error: state.error, computing: state.key !== queryKey };
}
