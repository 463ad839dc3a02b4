import { describe, expect, it } from 'vitest';
import type { FiredAlert } from '../../../../shared/ipc';
import { UNRECORDED_KEY, unrecordedAlerts, type AlertStorage } from './unrecorded-alerts';

function memoryStorage(): AlertStorage & { map: Map<string, string> } {
  const map = new Map<string, string>();
  return { map, getItem: (k) => map.get(k) ?? null, setItem: (k, v) => void map.set(k, v), removeItem: (k) => void map.delete(k) };
}
const alert = (over: Partial<FiredAlert> = {}): FiredAlert => ({ ticketId: 'SD-1', clock: 'first_response', threshold: 100, at: 1_000, firedAt: 1_000, notified: true, ...over });

describe('unrecordedAlerts', () => {
  it('keeps fired alerts until each is released, once each, in the order they fired', () => {
    const storage = memoryStorage();
    const held = unrecordedAlerts(storage);
    held.hold([alert(), alert({ threshold: 75, at: 500 })]);
    // The same alert delivered again (a retry) is kept once.
    held.hold([alert(), alert({ ticketId: 'SD-2' })]);
    // A new page (after a reload) sees them.
    expect(unrecordedAlerts(storage).list().map((a) => [a.ticketId, a.threshold])).toEqual([
      ['SD-1', 100],
      ['SD-1', 75],
      ['SD-2', 100],
    ]);
    held.release(alert({ firedAt: 9_999 }));
    expect(held.list().map((a) => [a.ticketId, a.threshold])).toEqual([
      ['SD-1', 75],
      ['SD-2', 100],
    ]);
    held.release(alert({ threshold: 75, at: 500 }));
    held.release(alert({ ticketId: 'SD-2' }));
    expect(held.list()).toEqual([]);
    expect(storage.map.has(UNRECORDED_KEY)).toBe(false);
  });

  it('lets go of many recorded alerts with one write, keeping the rest in order', () => {
    const storage = memoryStorage();
    let writes = 0;
    const counted: AlertStorage = { ...storage, setItem: (k, v) => ((writes += 1), storage.setItem(k, v)) };
    const held = unrecordedAlerts(counted);
    held.hold(Array.from({ length: 500 }, (_, i) => alert({ at: i, firedAt: i })));
    writes = 0;
    // The even ones were recorded (fired again later: firedAt does not matter).
    held.releaseAll(Array.from({ length: 250 }, (_, i) => alert({ at: 2 * i, firedAt: 9_999 })));
    expect(writes).toBe(1);
    expect(held.list().map((a) => a.at)).toEqual(Array.from({ length: 250 }, (_, i) => 2 * i + 1));
  });

  it('a damaged entry reads as nothing held instead of breaking the start', () => {
    const storage = memoryStorage();
    storage.setItem(UNRECORDED_KEY, '{not json');
    expect(unrecordedAlerts(storage).list()).toEqual([]);
    storage.setItem(UNRECORDED_KEY, JSON.stringify([{ ticketId: 1 }]));
    expect(unrecordedAlerts(storage).list()).toEqual([]);
  });
});
