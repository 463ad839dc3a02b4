import { describe, expect, it } from 'vitest';
import { parseIcsHolidays } from '../../../../shared/calendar-io';
import { parseIcsOffThread, type IcsWorker } from './parse-ics-off-thread';

const range = { fromYear: 2026, toYear: 2027 };
const ics = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Example//Holidays//EN', 'BEGIN:VEVENT', 'UID:ny@example.com', 'DTSTART;VALUE=DATE:20260101', 'SUMMARY:New Year', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');

/** A worker that runs the real parser asynchronously, or one that never answers (a hung parse). */
function fakeWorker(behaviour: 'parse' | 'hang' | 'crash') {
  const state = { terminated: false };
  const worker: IcsWorker = {
    onmessage: null,
    onerror: null,
    postMessage(message) {
      if (behaviour === 'parse') setTimeout(() => worker.onmessage?.({ data: parseIcsHolidays(message.text, message.range) }), 0);
      if (behaviour === 'crash') setTimeout(() => worker.onerror?.(new Error('boom')), 0);
    },
    terminate() {
      state.terminated = true;
    },
  };
  return { worker, state };
}

describe('holiday .ics parsing off the UI thread', () => {
  it('answers with the parser result and ends the worker', async () => {
    const { worker, state } = fakeWorker('parse');
    expect(await parseIcsOffThread(ics, range, { createWorker: () => worker })).toMatchObject({ ok: true, holidays: [{ date: '2026-01-01', summary: 'New Year' }] });
    expect(state.terminated).toBe(true);
  });

  it('stops a parse that never finishes at the time limit and says so', async () => {
    const { worker, state } = fakeWorker('hang');
    const started = Date.now();
    expect(await parseIcsOffThread(ics, range, { createWorker: () => worker, timeLimitMs: 50 })).toEqual({ ok: false, error: 'timeout' });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(state.terminated).toBe(true);
  });

  it('reports a worker that failed to run', async () => {
    const { worker, state } = fakeWorker('crash');
    expect(await parseIcsOffThread(ics, range, { createWorker: () => worker })).toEqual({ ok: false, error: 'worker_failed' });
    expect(state.terminated).toBe(true);
  });
});
