import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clocksInstant } from './clocks-instant';

describe('clocksInstant', () => {
  it('follows a write made after the minute tick, so a fact just recorded counts at once', () => {
    expect(clocksInstant(600_000, 630_000)).toBe(630_000);
  });
  it('keeps the tick when the ticket was written earlier or never', () => {
    expect(clocksInstant(600_000, 550_000)).toBe(600_000);
    expect(clocksInstant(600_000, undefined)).toBe(600_000);
  });
  it('ignores a stamp far ahead of this device (another device whose clock runs fast)', () => {
    expect(clocksInstant(600_000, 600_000 + 3_600_000)).toBe(600_000);
  });
  it('never goes back before the tick and never further than five minutes ahead', () => {
    fc.assert(
      fc.property(fc.nat(2 ** 40), fc.option(fc.nat(2 ** 41), { nil: undefined }), (minute, updatedAt) => {
        const at = clocksInstant(minute, updatedAt);
        expect(at).toBeGreaterThanOrEqual(minute);
        expect(at - minute).toBeLessThanOrEqual(5 * 60_000);
        expect(at === minute || at === updatedAt).toBe(true);
      }),
    );
  });
});
