import { describe, expect, it } from 'vitest';
import { MAX_TIMER_DELAY_MS, clampTimerDelay, createTimerClock } from './clock';

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

describe('createTimerClock', () => {
  function primitives() {
    const armed = new Map<number, { callback: () => void; delay: number }>();
    let next = 100;
    return {
      armed,
      p: {
        setTimeout: (callback: () => void, delay: number) => {
          armed.set(++next, { callback, delay });
          return next;
        },
        clearTimeout: (h: number) => void armed.delete(h),
        now: () => 1_000,
        monotonic: () => 5,
      },
    };
  }

  it('arms platform timers with clamped delays and reads time from the given functions', () => {
    const { armed, p } = primitives();
    const clock = createTimerClock(p);
    const fired: string[] = [];
    clock.setTimer(() => fired.push('far'), 60 * 24 * 3_600_000);
    clock.setTimer(() => fired.push('past'), -10);
    expect([...armed.values()].map((t) => t.delay)).toEqual([MAX_TIMER_DELAY_MS, 0]);
    [...armed.values()].forEach((t) => t.callback());
    expect(fired).toEqual(['far', 'past']);
    expect(clock.now()).toBe(1_000);
    expect(clock.monotonic()).toBe(5);
  });

  it('clears the platform timer behind a handle', () => {
    const { armed, p } = primitives();
    const clock = createTimerClock(p);
    const h = clock.setTimer(() => undefined, 10);
    expect(armed.size).toBe(1);
    clock.clearTimer(h);
    expect(armed.size).toBe(0);
  });
});
