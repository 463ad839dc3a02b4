import type { IcsHolidayResult, YearRange } from '../../../../shared/calendar-io';

/** The part of a Web Worker used here; tests pass their own. */
export type IcsWorker = {
  postMessage(message: { text: string; range: YearRange }): void;
  terminate(): void;
  onmessage: ((event: { data: unknown }) => void) | null;
  onerror: ((event: unknown) => void) | null;
};

/** How long a holiday file may take to read; real feeds take well under a second. */
export const ICS_PARSE_TIME_LIMIT_MS = 10_000;

export type OffThreadIcsResult = IcsHolidayResult | { ok: false; error: 'timeout' | 'worker_failed' };

function createIcsWorker(): IcsWorker {
  return new Worker(new URL('./ics-worker.ts', import.meta.url), { type: 'module' }) as unknown as IcsWorker;
}

/**
 * Parses a holiday .ics file in a Web Worker so the window stays responsive, and stops the
 * worker when it takes longer than the time limit (a rule that never yields a date).
 */
export function parseIcsOffThread(
  text: string,
  range: YearRange,
  opts: { createWorker?: () => IcsWorker; timeLimitMs?: number } = {},
): Promise<OffThreadIcsResult> {
  const worker = (opts.createWorker ?? createIcsWorker)();
  return new Promise((resolve) => {
    let settled = false;
    const finish = (result: OffThreadIcsResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(() => finish({ ok: false, error: 'timeout' }), opts.timeLimitMs ?? ICS_PARSE_TIME_LIMIT_MS);
    worker.onmessage = (event) => {
      const data = event.data as OffThreadIcsResult | null;
      finish(data && typeof data === 'object' && 'ok' in data ? data : { ok: false, error: 'worker_failed' });
    };
    worker.onerror = () => finish({ ok: false, error: 'worker_failed' });
    worker.postMessage({ text, range });
  });
}
