import { describe, expect, it } from 'vitest';
import type { WatchEntry } from '../sla/watch';
import { MAX_TIMER_DELAY_MS } from './clock';
import { createFakeClock } from './fake-clock';
import { createMemoryJsonStore } from './json-store';
import type { MemoryJsonStore } from './json-store';
import { createSlaTimerService, slaTimerStateSchema } from './sla-timers';
import type { SlaTimerService, SlaTimerState } from './sla-timers';

const T0 = Date.UTC(2025, 2, 3, 9, 0);
const MIN = 60_000;
const HOUR = 60 * MIN;

function entry(ticketId: string, at: number, threshold = 100): WatchEntry {
  return { ticketId, clock: 'first_response', threshold, at, label: { customer: 'Example Bank', severity: 'S1', title: 'Core switch down' } };
}

function setup(store?: MemoryJsonStore<SlaTimerState>, start = T0) {
  const clock = createFakeClock(start);
  const batches: WatchEntry[][] = [];
  const errors: string[] = [];
  const fs = store ?? createMemoryJsonStore(slaTimerStateSchema, (m) => errors.push(m));
  const service: SlaTimerService = createSlaTimerService({
    clock,
    store: fs,
    onDue: (entries) => batches.push(entries),
    onError: (m) => errors.push(m),
  });
  const fired = (): string[] => batches.flat().map((e) => `${e.ticketId}@${e.threshold}`);
  return { clock, fs, service, batches, fired, errors };
}

describe('sla timer service', () => {
  it('fires an entry when its instant comes, not before', async () => {
    const { clock, service, fired } = setup();
    await service.start();
    expect(service.setWatchList([entry('SD-A-0001', T0 + 30 * MIN)])).toEqual({ armed: 1, nextAt: T0 + 30 * MIN });
    clock.advance(30 * MIN - 1);
    expect(fired()).toEqual([]);
    clock.advance(1);
    expect(fired()).toEqual(['SD-A-0001@100']);
    expect(service.status()).toMatchObject({ armed: 0, nextAt: null });
  });

  it('fires in time order and keeps a single armed timer for many entries', async () => {
    const { clock, service, fired } = setup();
    await service.start();
    const timersBefore = clock.pendingTimers();
    service.setWatchList([entry('C', T0 + 3 * MIN), entry('A', T0 + MIN), entry('B', T0 + 2 * MIN, 75)]);
    expect(clock.pendingTimers()).toBe(timersBefore + 1);
    clock.advance(5 * MIN);
    expect(fired()).toEqual(['A@100', 'B@75', 'C@100']);
  });

  it('fires each (ticket, clock, threshold, at) exactly once even when the renderer resends it', async () => {
    const { clock, service, fired } = setup();
    await service.start();
    const e = entry('SD-A-0001', T0 + MIN);
    service.setWatchList([e, e]);
    clock.advance(2 * MIN);
    // The renderer has not recorded the alert yet and sends the same list again.
    expect(service.setWatchList([e])).toEqual({ armed: 0, nextAt: null });
    service.recheck();
    clock.advance(HOUR);
    expect(fired()).toEqual(['SD-A-0001@100']);
  });

  it('fires a newly listed entry that is already overdue at once', async () => {
    const { service, fired } = setup();
    await service.start();
    service.setWatchList([entry('LATE', T0 - 5 * MIN)]);
    expect(fired()).toEqual(['LATE@100']);
  });

  it('fires what came due under the old list before a list recomputed after a sleep replaces it', async () => {
    const { clock, service, fired } = setup();
    await service.start();
    service.setWatchList([entry('WARN', T0 + HOUR, 75), entry('WARN', T0 + 2 * HOUR)]);
    clock.sleep(90 * MIN);
    // The renderer wakes first and recomputes: a passed warning is no longer listed, only the breach.
    service.setWatchList([entry('WARN', T0 + 2 * HOUR)]);
    expect(fired()).toEqual(['WARN@75']);
    clock.advance(HOUR);
    expect(fired()).toEqual(['WARN@75', 'WARN@100']);
  });

  it('drops entries that the new list no longer contains', async () => {
    const { clock, service, fired } = setup();
    await service.start();
    service.setWatchList([entry('A', T0 + MIN), entry('B', T0 + 2 * MIN)]);
    service.setWatchList([entry('B', T0 + 2 * MIN)]);
    clock.advance(10 * MIN);
    expect(fired()).toEqual(['B@100']);
  });

  it('clamps timeouts beyond the setTimeout limit and re-arms until the entry is due', async () => {
    const { clock, service, fired } = setup();
    await service.start();
    const far = T0 + 40 * 24 * HOUR; // 40 days > 2^31-1 ms (~24.8 days)
    service.setWatchList([entry('FAR', far)]);
    expect(Math.max(...clock.requestedDelays)).toBeLessThanOrEqual(MAX_TIMER_DELAY_MS);
    clock.advance(25 * 24 * HOUR);
    expect(fired()).toEqual([]);
    clock.advance(15 * 24 * HOUR);
    expect(fired()).toEqual(['FAR@100']);
  });

  it('catches up after an 8-hour sleep with one batch, each alert once', async () => {
    const { clock, service, batches } = setup();
    await service.start();
    const entries = Array.from({ length: 12 }, (_, i) => entry(`SD-A-${String(i + 1).padStart(4, '0')}`, T0 + (i + 1) * 30 * MIN, i % 2 ? 100 : 75));
    service.setWatchList(entries);
    clock.sleep(8 * HOUR); // timers stand still while the lid is closed
    expect(batches).toHaveLength(0);
    service.recheck(); // powerMonitor 'resume'
    expect(batches).toHaveLength(1);
    expect(batches[0]).toHaveLength(12);
    clock.advance(HOUR); // the stale monotonic timer wakes up later: nothing fires twice
    service.recheck();
    expect(batches.flat()).toHaveLength(12);
  });

  it('notices a sleep or wall-clock jump forward through the drift check without a resume event', async () => {
    const { clock, service, fired } = setup();
    await service.start();
    service.setWatchList([entry('A', T0 + 2 * HOUR)]);
    clock.jumpWall(3 * HOUR); // e.g. NTP correction or the user changed the clock
    expect(fired()).toEqual([]);
    clock.advance(61_000); // next drift check
    expect(fired()).toEqual(['A@100']);
  });

  it('does not fire early when the wall clock jumps backwards', async () => {
    const { clock, service, fired } = setup();
    await service.start();
    service.setWatchList([entry('A', T0 + 10 * MIN)]);
    clock.jumpWall(-HOUR);
    clock.advance(10 * MIN); // the monotonic timer expires, but the wall clock says 50 minutes early
    expect(fired()).toEqual([]);
    clock.advance(59 * MIN); // wall clock is now T0 + 9 min
    expect(fired()).toEqual([]);
    clock.advance(MIN);
    expect(fired()).toEqual(['A@100']);
  });

  it('persists the list and fired keys and fires overdue entries at restart before any window', async () => {
    const fs = createMemoryJsonStore(slaTimerStateSchema);
    const first = setup(fs);
    await first.service.start();
    first.service.setWatchList([entry('DONE', T0 + MIN), entry('OVERNIGHT', T0 + 5 * HOUR), entry('LATER', T0 + 20 * HOUR)]);
    first.clock.advance(2 * MIN);
    expect(first.fired()).toEqual(['DONE@100']);
    await first.service.flush();
    first.service.stop();
    expect(fs.text).toContain('OVERNIGHT');

    // The app was closed for the night and starts 10 hours later.
    const second = setup(fs, T0 + 10 * HOUR);
    await second.service.start();
    expect(second.fired()).toEqual(['OVERNIGHT@100']);
    // The renderer then sends its own list, still containing entries it has not recorded yet.
    second.service.setWatchList([entry('DONE', T0 + MIN), entry('OVERNIGHT', T0 + 5 * HOUR), entry('LATER', T0 + 20 * HOUR)]);
    second.clock.advance(11 * HOUR);
    expect(second.fired()).toEqual(['OVERNIGHT@100', 'LATER@100']);
  });

  it('keeps running with an empty list when the persisted file is corrupt', async () => {
    const errors: string[] = [];
    const fs = createMemoryJsonStore(slaTimerStateSchema, (m) => errors.push(m));
    fs.text = '{"version":1,"entries":[{"ticketId":';
    const { service } = setup(fs);
    await service.start();
    expect(service.status().armed).toBe(0);
    expect(errors.join(' ')).toMatch(/not valid JSON/);
  });

  it('reports a failed save and still fires from memory', async () => {
    const { clock, service, fired, errors, fs } = setup();
    await service.start();
    fs.failNextSave();
    service.setWatchList([entry('A', T0 + MIN)]);
    await service.flush();
    expect(errors.join(' ')).toMatch(/could not persist/);
    clock.advance(MIN);
    expect(fired()).toEqual(['A@100']);
  });

  it('keeps fired keys while the renderer still lists them and forgets them after the retention', async () => {
    const { clock, service, fired } = setup();
    await service.start();
    const e = entry('A', T0 + MIN);
    service.setWatchList([e]);
    clock.advance(2 * MIN);
    clock.advance(20 * 24 * HOUR);
    service.setWatchList([e]); // still listed after 20 days: stays fired, no repeat
    expect(fired()).toEqual(['A@100']);
    service.setWatchList([]);
    expect(service.status().fired).toBe(0);
  });
});
