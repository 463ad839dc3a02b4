import { describe, expect, it } from 'vitest';
import type { NotificationSettings } from '../ipc';
import { notificationSettingsSchema } from '../ipc';
import type { WatchEntry } from '../sla/watch';
import { createMemoryJsonStore } from './json-store';
import { isInQuietHours, silenceReason } from './notification-rules';
import type { Toast } from './notification-text';
import { createNotificationService } from './notifications';

// The tests run in UTC: local minute = minutes since midnight UTC.
const at = (hh: number, mm = 0): number => Date.UTC(2025, 2, 3, hh, mm);
const utcMinute = (t: number): number => new Date(t).getUTCHours() * 60 + new Date(t).getUTCMinutes();
const hhmm = (t: number): string => new Date(t).toISOString().slice(11, 16);

function entry(ticketId: string, threshold = 100, severity = 'S1'): WatchEntry {
  return { ticketId, clock: 'resolution', threshold, at: at(9, 30), label: { customer: 'Example Bank', severity, title: 'Core switch down' } };
}

function setup(settings?: Partial<NotificationSettings>) {
  const toasts: Array<{ toast: Toast; click: () => void }> = [];
  const opened: Array<string | null> = [];
  const fs = createMemoryJsonStore(notificationSettingsSchema);
  const service = createNotificationService({
    store: fs,
    notifier: { show: (toast, click) => toasts.push({ toast, click }) },
    localMinute: utcMinute,
    formatTime: hhmm,
    onOpen: (id) => opened.push(id),
  });
  return {
    toasts,
    opened,
    fs,
    service,
    async init() {
      await service.load();
      if (settings) await service.setSettings({ ...service.getSettings(), ...settings });
    },
  };
}

describe('quiet hours', () => {
  it('covers a daytime window including its start and excluding its end', () => {
    const q = { start: '12:00', end: '13:30' };
    expect(isInQuietHours(11 * 60 + 59, q)).toBe(false);
    expect(isInQuietHours(12 * 60, q)).toBe(true);
    expect(isInQuietHours(13 * 60 + 29, q)).toBe(true);
    expect(isInQuietHours(13 * 60 + 30, q)).toBe(false);
  });

  it('wraps over midnight for 22:00-07:00', () => {
    const q = { start: '22:00', end: '07:00' };
    expect(isInQuietHours(21 * 60 + 59, q)).toBe(false);
    expect(isInQuietHours(22 * 60, q)).toBe(true);
    expect(isInQuietHours(23 * 60 + 59, q)).toBe(true);
    expect(isInQuietHours(0, q)).toBe(true);
    expect(isInQuietHours(6 * 60 + 59, q)).toBe(true);
    expect(isInQuietHours(7 * 60, q)).toBe(false);
    expect(isInQuietHours(12 * 60, q)).toBe(false);
  });

  it('treats no window or an empty window as never quiet', () => {
    expect(isInQuietHours(3 * 60, null)).toBe(false);
    expect(isInQuietHours(3 * 60, { start: '08:00', end: '08:00' })).toBe(false);
  });
});

describe('silence rules', () => {
  const base: NotificationSettings = { quietHours: null, severities: [], mutedTickets: [], paused: false };
  it('names the reason a toast is held back, pause first', () => {
    const e = entry('SD-A-0001', 100, 'S3');
    expect(silenceReason(e, base, 600)).toBeNull();
    expect(silenceReason(e, { ...base, paused: true, mutedTickets: ['SD-A-0001'] }, 600)).toBe('paused');
    expect(silenceReason(e, { ...base, mutedTickets: ['SD-A-0001'] }, 600)).toBe('muted');
    expect(silenceReason(e, { ...base, severities: ['S1', 'S2'] }, 600)).toBe('severity');
    expect(silenceReason(e, { ...base, severities: ['S3'] }, 600)).toBeNull();
    expect(silenceReason(e, { ...base, quietHours: { start: '09:00', end: '11:00' } }, 600)).toBe('quiet_hours');
  });
});

describe('notification service', () => {
  it('shows a toast with ticket id, severity, clock, customer and time; a click opens the ticket', async () => {
    const s = setup();
    await s.init();
    const alerts = s.service.deliver([entry('SD-A-0001')], at(9, 30));
    expect(alerts).toEqual([{ ticketId: 'SD-A-0001', clock: 'resolution', threshold: 100, at: at(9, 30), firedAt: at(9, 30), notified: true }]);
    expect(s.toasts).toHaveLength(1);
    const { toast, click } = s.toasts[0] ?? { toast: null, click: () => undefined };
    expect(toast?.title).toBe('SD-A-0001 · S1 · Resolution breached');
    expect(toast?.body).toBe('Example Bank — Core switch down\nResolution breached at 09:30');
    expect(toast?.urgent).toBe(true);
    click();
    expect(s.opened).toEqual(['SD-A-0001']);
  });

  it('words a warning threshold as a percentage', async () => {
    const s = setup();
    await s.init();
    s.service.deliver([entry('SD-A-0002', 75)], at(9, 30));
    expect(s.toasts[0]?.toast.title).toBe('SD-A-0002 · S1 · Resolution at 75%');
    expect(s.toasts[0]?.toast.urgent).toBe(false);
  });

  it('groups a catch-up batch into one toast instead of a storm', async () => {
    const s = setup();
    await s.init();
    const batch = Array.from({ length: 12 }, (_, i) => entry(`SD-A-${String(i + 1).padStart(4, '0')}`, i < 5 ? 100 : 75));
    const alerts = s.service.deliver(batch, at(7, 5));
    expect(s.toasts).toHaveLength(1);
    expect(s.toasts[0]?.toast.title).toBe('12 SLA alerts');
    expect(s.toasts[0]?.toast.body).toBe('5 breached, 7 warnings: SD-A-0001 (Example Bank), SD-A-0002 (Example Bank), SD-A-0003 (Example Bank), and 9 more');
    expect(alerts.every((a) => a.notified)).toBe(true);
    s.toasts[0]?.click();
    expect(s.opened).toEqual([null]);
  });

  it('stays silent in quiet hours over midnight but still returns the alerts to record', async () => {
    const s = setup({ quietHours: { start: '22:00', end: '07:00' } });
    await s.init();
    const alerts = s.service.deliver([entry('SD-A-0001')], at(2, 15));
    expect(s.toasts).toHaveLength(0);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]?.notified).toBe(false);
    s.service.deliver([entry('SD-A-0002')], at(7, 0));
    expect(s.toasts).toHaveLength(1);
  });

  it('never notifies for a muted ticket, and filters by severity, even inside a group', async () => {
    const s = setup({ mutedTickets: ['SD-A-0001'], severities: ['S1'] });
    await s.init();
    const alerts = s.service.deliver([entry('SD-A-0001'), entry('SD-A-0002', 100, 'S4'), entry('SD-A-0003')], at(10));
    expect(alerts.map((a) => a.notified)).toEqual([false, false, true]);
    expect(s.toasts.map((t) => t.toast.ticketId)).toEqual(['SD-A-0003']);
  });

  it('pausing silences everything until resumed, and settings survive a restart', async () => {
    const s = setup();
    await s.init();
    await s.service.setPaused(true);
    s.service.deliver([entry('SD-A-0001')], at(10));
    expect(s.toasts).toHaveLength(0);
    const again = createNotificationService({
      store: s.fs,
      notifier: { show: () => undefined },
      localMinute: utcMinute,
      formatTime: hhmm,
      onOpen: () => undefined,
    });
    await again.load();
    expect(again.getSettings().paused).toBe(true);
  });

  it('stores muted tickets without duplicates', async () => {
    const s = setup({ mutedTickets: ['SD-A-0001', 'SD-A-0001'] });
    await s.init();
    expect(s.service.getSettings().mutedTickets).toEqual(['SD-A-0001']);
  });

  it('records alerts as not notified when the notifier is blocked, and still hands it the toast', async () => {
    const shown: string[] = [];
    const service = createNotificationService({
      store: createMemoryJsonStore(notificationSettingsSchema),
      notifier: { show: (t) => shown.push(t.title), isBlocked: () => true },
      localMinute: utcMinute,
      formatTime: hhmm,
      onOpen: () => undefined,
    });
    await service.load();
    const alerts = service.deliver([entry('SD-A-0001')], at(10));
    expect(alerts.map((a) => a.notified)).toEqual([false]);
    expect(shown).toEqual(['SD-A-0001 · S1 · Resolution breached']);
  });
});
