import { describe, expect, it } from 'vitest';
import { createSystemClock } from './system-clock';

describe('system clock', () => {
  it('fires a Node timer through the shared timer clock and can cancel another', async () => {
    const clock = createSystemClock();
    const fired: string[] = [];
    const cancelled = clock.setTimer(() => fired.push('cancelled'), 5);
    clock.clearTimer(cancelled);
    await new Promise<void>((resolve) => clock.setTimer(() => (fired.push('due'), resolve()), 10));
    expect(fired).toEqual(['due']);
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(1_000);
  });
});
