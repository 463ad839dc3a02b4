import { describe, expect, it } from 'vitest';
import { localMidnight, periodProblem, periodRange } from './period';

const DAY = 86_400_000;

describe('periodRange', () => {
  it('runs presets from n days ago with an open end', () => {
    const now = Date.UTC(2026, 5, 15, 10);
    expect(periodRange('last7', now, '', '')).toEqual({ from: now - 7 * DAY });
    expect(periodRange('last90', now, '', '')).toEqual({ from: now - 90 * DAY });
  });

  it('covers whole local days for a custom period, the last day included', () => {
    const r = periodRange('custom', 0, '2026-03-01', '2026-03-31');
    expect(r.from).toBe(new Date(2026, 2, 1).getTime());
    expect(r.to).toBe(new Date(2026, 3, 1).getTime());
    expect(periodRange('custom', 0, '', '2026-03-31').from).toBeUndefined();
    expect(localMidnight('31/03/2026')).toBeUndefined();
  });

  it('flags a custom period that ends before it starts', () => {
    expect(periodProblem(periodRange('custom', 0, '2026-04-02', '2026-04-01'))).toBe('periodOrder');
    expect(periodProblem(periodRange('custom', 0, '2026-04-01', '2026-04-01'))).toBeUndefined();
  });
});
