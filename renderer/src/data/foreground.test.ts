import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { backgroundTurn, FOREGROUND_HOLD_MS, installForegroundMarks, markForeground, MAX_HOLD_MS } from './foreground';

/** Resolves to the fake-clock instant at which backgroundTurn let a background page go. */
async function turnAt(): Promise<number> {
  let at: number | undefined;
  void backgroundTurn().then(() => (at = Date.now()));
  for (let i = 0; i < 100 && at === undefined; i++) await vi.advanceTimersByTimeAsync(50);
  if (at === undefined) throw new Error('background never got its turn');
  return at;
}

describe('background reads step aside while the user acts', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(1_000_000);
  });
  afterEach(() => vi.useRealTimers());

  it('goes at once when nobody acted lately', async () => {
    await vi.advanceTimersByTimeAsync(MAX_HOLD_MS + FOREGROUND_HOLD_MS);
    const t0 = Date.now();
    expect(await turnAt()).toBe(t0);
  });

  it('waits until the hold after a click, key press or route change has passed', async () => {
    const target = new EventTarget() as unknown as Window;
    const uninstall = installForegroundMarks(target);
    try {
      for (const type of ['click', 'keydown', 'hashchange']) {
        await vi.advanceTimersByTimeAsync(MAX_HOLD_MS + FOREGROUND_HOLD_MS);
        const t0 = Date.now();
        target.dispatchEvent(new Event(type));
        const at = await turnAt();
        expect(at - t0).toBeGreaterThanOrEqual(FOREGROUND_HOLD_MS);
        expect(at - t0).toBeLessThan(FOREGROUND_HOLD_MS + 100);
      }
    } finally {
      uninstall();
    }
  });

  it('never waits longer than MAX_HOLD_MS, however busy the user is', async () => {
    const t0 = Date.now();
    const typing = setInterval(() => markForeground(), 300);
    try {
      const at = await turnAt();
      expect(at - t0).toBeGreaterThanOrEqual(MAX_HOLD_MS);
      expect(at - t0).toBeLessThan(MAX_HOLD_MS + 100);
    } finally {
      clearInterval(typing);
    }
  });
});
