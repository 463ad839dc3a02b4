import { describe, expect, it } from 'vitest';
import { clockUrgency, formatMinutes } from './format';

describe('clock display', () => {
  it('shows remaining time in days, hours and minutes, negative once breached', () => {
    expect(formatMinutes(135, 'en')).toBe('2h 15m');
    expect(formatMinutes(-35, 'en')).toBe('−35m');
    expect(formatMinutes(3 * 1440 + 120, 'en')).toBe('3d 2h');
    expect(formatMinutes(0.4, 'en')).toBe('0m');
  });

  it('colours a clock by what needs attention', () => {
    expect(clockUrgency({ state: 'breached', thresholdsCrossed: [75, 100] })).toBe('breached');
    expect(clockUrgency({ state: 'running', thresholdsCrossed: [75] })).toBe('warning');
    expect(clockUrgency({ state: 'running', thresholdsCrossed: [] })).toBe('ok');
    expect(clockUrgency({ state: 'paused', thresholdsCrossed: [] })).toBe('paused');
    expect(clockUrgency({ state: 'met', thresholdsCrossed: [] })).toBe('done');
  });
});
