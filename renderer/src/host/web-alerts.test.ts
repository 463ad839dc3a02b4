import { describe, expect, it } from 'vitest';
import { createFakeClock } from '../../../shared/alerts';
import type { FiredAlert } from '../../../shared/ipc';
import type { WatchEntry } from '../../../shared/sla/watch';
import { createEventHub } from './event-hub';
import { createWebAlerts, SETTINGS_KEY } from './web-alerts';
import { createWebHandlers } from './web-handlers';
import { createWebHost } from './web-host';
import { createWebNotifier, type NotificationApi } from './web-notifier';

const T0 = Date.UTC(2025, 2, 3, 9, 0);
const MIN = 60_000;

function entry(ticketId: string, at: number, threshold = 100, severity = 'S1'): WatchEntry {
  return { ticketId, clock: 'resolution', threshold, at, label: { customer: 'Example Bank', severity, title: 'Core switch down' } };
}

function fakeApi(initial: NotificationPermission, answer: NotificationPermission = 'granted') {
  const shown: Array<{ title: string; click: () => void }> = [];
  let permission = initial;
  let asked = 0;
  const api: NotificationApi = {
    permission: () => permission,
    requestPermission: () => {
      asked++;
      permission = answer;
      return Promise.resolve(answer);
    },
    show: (title, _options, click) => void shown.push({ title, click }),
  };
  return { api, shown, asked: () => asked };
}

function setup(permission: NotificationPermission = 'granted', answer?: NotificationPermission, storage = new Map<string, string>(), start = T0) {
  const clock = createFakeClock(start);
  const notification = fakeApi(permission, answer);
  let focused = 0;
  const notifier = createWebNotifier(notification.api, () => focused++);
  const hub = createEventHub({ held: true });
  const kv = { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) };
  const alerts = createWebAlerts({
    clock,
    storage: kv,
    notifier,
    onAlerts: (list) => hub.emit('sla.alerts', { alerts: list }),
    onOpen: (id) => id && hub.emit('ticket.open', { ticketId: id }),
    localMinute: (at) => new Date(at).getUTCHours() * 60 + new Date(at).getUTCMinutes(),
    formatTime: (at) => new Date(at).toISOString().slice(11, 16),
  });
  const titles: string[] = [];
  const setTitleCounts = (b: number, r: number, lang: string) => void titles.push(`${b}/${r} ${lang}`);
  const host = createWebHost(createWebHandlers({ version: 't', alerts, onWatchListReceived: () => hub.release(), download: () => undefined, setTitleCounts }), hub, { notificationControl: notifier.control });
  const fired: FiredAlert[] = [];
  const opened: string[] = [];
  host.on('sla.alerts', ({ alerts: a }) => void fired.push(...a));
  host.on('ticket.open', ({ ticketId }) => void opened.push(ticketId));
  return { clock, host, notification, notifier, fired, opened, storage, titles, focused: () => focused };
}

const flush = () => new Promise<void>((r) => setTimeout(r, 0));

describe('web host alerts (the shared services in the page)', () => {
  it('asks for permission on the first toast, shows it, and a click focuses the window and opens the ticket', async () => {
    const s = setup('default', 'granted');
    await s.host.invoke('sla.setWatchList', { entries: [entry('SD-A-0001', T0 + MIN)] });
    expect(s.notification.asked()).toBe(0); // nothing asked before there is something to show
    s.clock.advance(MIN);
    await flush();
    expect(s.notification.asked()).toBe(1);
    expect(s.notification.shown.map((n) => n.title)).toEqual(['SD-A-0001 · S1 · Resolution breached']);
    s.notification.shown[0]?.click();
    expect(s.focused()).toBe(1);
    expect(s.opened).toEqual(['SD-A-0001']);
    expect(s.fired).toMatchObject([{ ticketId: 'SD-A-0001', threshold: 100, notified: true }]);
  });

  it('still records the alert when permission is denied, and counts the blocked toast for the banner', async () => {
    const s = setup('denied');
    await s.host.invoke('sla.setWatchList', { entries: [entry('SD-A-0002', T0 + MIN)] });
    s.clock.advance(MIN);
    expect(s.fired).toMatchObject([{ ticketId: 'SD-A-0002', notified: false }]);
    expect(s.notification.shown).toEqual([]);
    expect(s.host.notificationControl?.blockedCount()).toBe(1);
    expect(s.host.notificationControl?.permission()).toBe('denied');
  });

  it('applies the desktop rules: mute, severity, quiet hours and grouping', async () => {
    const s = setup('granted');
    await s.host.invoke('notifications.setSettings', { quietHours: { start: '22:00', end: '07:00' }, severities: ['S1'], mutedTickets: ['SD-A-0001'], paused: false });
    const batch = [entry('SD-A-0001', T0 + MIN), entry('SD-A-0002', T0 + MIN, 100, 'S4'), entry('SD-A-0003', T0 + MIN)];
    await s.host.invoke('sla.setWatchList', { entries: batch });
    s.clock.advance(MIN);
    expect(s.notification.shown.map((n) => n.title)).toEqual(['SD-A-0003 · S1 · Resolution breached']);
    expect(Object.fromEntries(s.fired.map((a) => [a.ticketId, a.notified]))).toEqual({ 'SD-A-0001': false, 'SD-A-0002': false, 'SD-A-0003': true });

    // 23:00 is quiet: recorded, no toast. Then five at once after the night: one grouped toast.
    const night = Date.UTC(2025, 2, 3, 23, 0);
    const morning = Date.UTC(2025, 2, 4, 7, 5);
    await s.host.invoke('sla.setWatchList', { entries: [entry('SD-B-0001', night), ...['1', '2', '3', '4', '5'].map((n) => entry(`SD-C-000${n}`, morning, 75))] });
    s.clock.advance(night - s.clock.now());
    expect(s.notification.shown).toHaveLength(1);
    s.clock.advance(morning - s.clock.now());
    expect(s.notification.shown.map((n) => n.title)).toEqual(['SD-A-0003 · S1 · Resolution breached', '5 SLA alerts']);
    expect(s.fired).toHaveLength(9);
  });

  it('keeps settings and the watch list in storage and fires what came due while the page was closed', async () => {
    const first = setup('granted');
    await first.host.invoke('sla.setWatchList', { entries: [entry('SD-A-0004', T0 + 60 * MIN)] });
    await first.host.invoke('notifications.setSettings', { quietHours: null, severities: [], mutedTickets: ['SD-X'], paused: false });
    expect(JSON.parse(first.storage.get(SETTINGS_KEY) ?? '{}')).toMatchObject({ mutedTickets: ['SD-X'] });

    const second = setup('granted', undefined, first.storage, T0 + 120 * MIN);
    expect(await second.host.invoke('notifications.getSettings', {})).toMatchObject({ mutedTickets: ['SD-X'] });
    // Fired at load, but held until the page subscribes and sends its first list.
    expect(second.fired).toEqual([]);
    await second.host.invoke('sla.setWatchList', { entries: [entry('SD-A-0004', T0 + 60 * MIN)] });
    expect(second.fired).toMatchObject([{ ticketId: 'SD-A-0004', threshold: 100 }]);
    expect(second.notification.shown).toHaveLength(1);
  });

  it('writes notifications and the tab title in the language the page sets, kept across a reload; bad input changes nothing', async () => {
    const s = setup('granted');
    await s.host.invoke('tray.setCounts', { breached: 2, atRisk: 1 });
    expect(await s.host.invoke('app.setLanguage', { language: 'zh-CN' })).toEqual({ language: 'zh-CN' });
    expect(s.titles).toEqual(['2/1 en', '2/1 zh-CN']);
    expect(await s.host.call('app.setLanguage', { language: 'zh CN' })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('language') } });
    expect(await s.host.invoke('app.info', {})).toMatchObject({ language: 'zh-CN' });
    await s.host.invoke('sla.setWatchList', { entries: [entry('SD-A-0005', T0 + MIN), entry('SD-A-0006', T0 + 2 * MIN, 75)] });
    s.clock.advance(2 * MIN);
    expect(s.notification.shown.map((n) => n.title)).toEqual(['SD-A-0005 · S1 · 解决已超时', 'SD-A-0006 · S1 · 解决已达 75%']);

    const reloaded = setup('granted', undefined, s.storage);
    expect(await reloaded.host.invoke('app.info', {})).toMatchObject({ language: 'zh-CN' });
  });

  it('refuses hand-off names that main refuses, with invalid_input', async () => {
    const s = setup();
    expect(await s.host.call('draft.openEml', { fileName: '..', eml: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await s.host.call('calendar.openIcs', { fileName: '.hidden', ics: 'x' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(await s.host.call('calendar.openIcs', { fileName: 'visit', ics: 'x' })).toEqual({ ok: true, data: { path: null } });
  });
});

describe('web notifier', () => {
  it('asks once for a burst of toasts and shows them all when granted', async () => {
    const n = fakeApi('default', 'granted');
    const notifier = createWebNotifier(n.api, () => undefined);
    notifier.show({ title: 'a', body: '', ticketId: 'A', urgent: false }, () => undefined);
    notifier.show({ title: 'b', body: '', ticketId: 'B', urgent: true }, () => undefined);
    await flush();
    expect(n.asked()).toBe(1);
    expect(n.shown.map((x) => x.title)).toEqual(['a', 'b']);
  });

  it('counts toasts blocked by a refusal and reports an unsupported browser', async () => {
    const n = fakeApi('default', 'denied');
    const notifier = createWebNotifier(n.api, () => undefined);
    let changes = 0;
    notifier.control.subscribe(() => changes++);
    notifier.control.showTest('Test', 'body');
    await flush();
    expect(notifier.control.blockedCount()).toBe(1);
    expect(notifier.isBlocked?.()).toBe(true);
    expect(changes).toBeGreaterThan(0);
    const none = createWebNotifier(null, () => undefined);
    expect(none.control.permission()).toBe('unsupported');
    expect(await none.control.request()).toBe('unsupported');
  });
});
