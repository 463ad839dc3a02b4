import { describe, expect, it } from 'vitest';
import { MAX_TIMER_DELAY_MS, clampTimerDelay } from './clock';

describe('clampTimerDelay', () => {
  it('keeps delays below the 2^31-1 ms setTimeout limit', () => {
    expect(MAX_TIMER_DELAY_MS).toBeLessThan(2 ** 31 - 1);
    expect(clampTimerDelay(90 * 24 * 3_600_000)).toBe(MAX_TIMER_DELAY_MS);
    expect(clampTimerDelay(1500.2)).toBe(1501);
  });

  it('turns past, negative and non-finite delays into 0', () => {
    expect(clampTimerDelay(-5)).toBe(0);
    expect(clampTimerDelay(Number.NaN)).toBe(0);
    expect(clampTimerDelay(Number.POSITIVE_INFINITY)).toBe(0);
  });
});
