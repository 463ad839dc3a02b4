import type { BackgroundService } from '../../app/background';
import { getConfig } from '../../config/config-store';
import { reportBackend } from './report-backend';
import { reportFilters } from './report-filters';
import { contractsOf } from './report-protocol';
import { useReportQuery } from './report-query-store';

/** How long to wait for the queue's first data before warming up anyway (the app opened elsewhere). */
const FIRST_PAINT_WAIT_MS = 4_000;
const IDLE_TIMEOUT_MS = 10_000;
/**
 * After the warm-up, writes are read into the worker's rows at most this often (in the
 * background), so that opening Reports later reads only the last few writes, not an hour of them.
 */
const KEEP_FRESH_MS = 30_000;

type IdleWindow = Window & { requestIdleCallback?: (cb: () => void, o: { timeout: number }) => number; cancelIdleCallback?: (h: number) => void };

/**
 * Starts the report worker in idle time after launch (not on machines with 2 GB of memory or less) and has it read the store in small pages
 * (report-source.ts backgroundPace), then compute the current report once, so that the first
 * open of Reports only computes. Waits for the queue's first data query ('sd:view-query') so it
 * never competes with the first screen. Once per launch: the configuration of that moment is
 * good enough to warm up with. Afterwards the worker's rows follow the writes every 30 s (rows
 * only, no report).
 */
export const reportsWarmupService: BackgroundService = {
  name: 'reports-warmup',
  start({ db }) {
    // Low-memory machines (Device Memory API: 2 GB or less) do not hold every ticket in a second
    // heap before anyone asks for a report; Reports then reads the store when it opens.
    const memory = (navigator as Navigator & { deviceMemory?: number }).deviceMemory;
    if (memory !== undefined && memory <= 2) return () => undefined;
    const w = window as IdleWindow;
    let idle: number | undefined;
    let done = false;
    let fresh: ReturnType<typeof setTimeout> | undefined;
    let offChange: (() => void) | undefined;
    const backend = reportBackend(db);
    const request = (dataOnly: boolean): void => {
      const q = useReportQuery.getState();
      const openedAt = Date.now();
      const config = getConfig();
      backend.send({
        warm: true,
        ...(dataOnly ? { dataOnly } : {}),
        dbName: db.name,
        policies: [...config.policies.values()],
        calendars: config.calendars,
        contracts: contractsOf(config),
        filters: reportFilters(q, openedAt).filters,
        groupBy: q.groupBy,
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        now: openedAt,
      });
    };
    const warm = (): void => {
      if (done) return;
      done = true;
      request(false);
      offChange = backend.onChange(() => {
        fresh ??= setTimeout(() => {
          fresh = undefined;
          request(true);
        }, KEEP_FRESH_MS);
      });
    };
    const whenIdle = (): void => {
      if (idle !== undefined || done) return;
      idle = w.requestIdleCallback ? w.requestIdleCallback(warm, { timeout: IDLE_TIMEOUT_MS }) : window.setTimeout(warm, 1_000);
    };
    const observer = typeof PerformanceObserver !== 'undefined' ? new PerformanceObserver((list) => list.getEntries().some((e) => e.name === 'sd:view-query') && whenIdle()) : undefined;
    observer?.observe({ type: 'measure', buffered: true });
    const fallback = window.setTimeout(whenIdle, FIRST_PAINT_WAIT_MS);
    return () => {
      observer?.disconnect();
      clearTimeout(fallback);
      clearTimeout(fresh);
      offChange?.();
      if (idle !== undefined) (w.cancelIdleCallback ?? clearTimeout)(idle);
    };
  },
};
