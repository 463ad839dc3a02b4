import { describe, expect, it } from 'vitest';
import { inQuietHours, mayNotify } from './quiet-hours';

const at = (h: number, m = 0) => new Date(2026, 2, 10, h, m);
const settings = { quietHours: { start: '22:00', end: '07:00' }, severities: [], mutedTickets: [], paused: false };

describe('notification rules for automatic escalations', () => {
  it('quiet hours wrap midnight', () => {
    expect(inQuietHours(settings, at(23))).toBe(true);
    expect(inQuietHours(settings, at(6, 59))).toBe(true);
    expect(inQuietHours(settings, at(7))).toBe(false);
    expect(inQuietHours({ quietHours: { start: '12:00', end: '13:00' } }, at(12, 30))).toBe(true);
    expect(inQuietHours({ quietHours: null }, at(3))).toBe(false);
  });

  it('pause, mute, severity filter and the rule’s own notify flag hold the pop-up back', () => {
    const t = { ticketId: 'SD-1', severity: '1' };
    expect(mayNotify(settings, t, true, at(12))).toBe(true);
    expect(mayNotify(settings, t, true, at(23))).toBe(false);
    expect(mayNotify(settings, t, false, at(12))).toBe(false);
    expect(mayNotify({ ...settings, paused: true }, t, true, at(12))).toBe(false);
    expect(mayNotify({ ...settings, mutedTickets: ['SD-1'] }, t, true, at(12))).toBe(false);
    expect(mayNotify({ ...settings, severities: ['2'] }, t, true, at(12))).toBe(false);
    expect(mayNotify(undefined, t, true, at(23))).toBe(true);
  });
});
