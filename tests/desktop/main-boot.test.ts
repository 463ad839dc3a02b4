// Boots the real main process (electron/main/index.ts, unchanged) and the real preload
// (electron/preload/index.ts) in Node. There is no Electron binary on CI or on this machine (it
// is downloaded on first use), so 'electron' is replaced by ONE test double written against
// electron.d.ts (tests/desktop/electron-double.ts); everything behind it — services, IPC
// registration, trust checks, timers, files in userData — is the production code.
// The tests run in order on one running app, the way a user's day goes: start, use, get an
// alert, click it, follow a link, close to the tray, sleep, wake, quit.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { IpcEventPayload, ServiceDeskBridge } from '../../shared/ipc';
import type { WatchEntry } from '../../shared/sla/watch';
import { attachmentLog, hostContractCases, runHostContract } from '../contract/host-contract';
import { app, electronDouble as double, powerMonitor } from './electron-double';

vi.mock('electron', () => import('./electron-double'));

const userData = mkdtempSync(join(tmpdir(), 'boot-userdata-'));
const resources = mkdtempSync(join(tmpdir(), 'boot-resources-'));
const opened: string[] = [];

/** Timers armed by the main process's clock, so that quitting can be shown to end them all. */
const clockTimers = new Set<ReturnType<typeof setTimeout>>();
const realSetTimeout = globalThis.setTimeout;
const realClearTimeout = globalThis.clearTimeout;

function trackClockTimers(): void {
  globalThis.setTimeout = ((callback: (...args: unknown[]) => void, ms?: number, ...args: unknown[]) => {
    const fromClock = new Error().stack?.includes('system-clock') ?? false;
    const handle = realSetTimeout(() => {
      clockTimers.delete(handle);
      callback(...args);
    }, ms);
    if (fromClock) clockTimers.add(handle);
    return handle;
  }) as typeof setTimeout;
  globalThis.clearTimeout = ((handle: ReturnType<typeof setTimeout> | undefined) => {
    if (handle !== undefined) clockTimers.delete(handle);
    realClearTimeout(handle);
  }) as typeof clearTimeout;
}

const win = () => {
  const w = double.windows[0];
  if (!w) throw new Error('no window');
  return w;
};
const tray = () => {
  const t = double.trays[0];
  if (!t) throw new Error('no tray');
  return t;
};
const bridge = (): ServiceDeskBridge => double.mainWorld['serviceDesk'] as ServiceDeskBridge;
const entry = (ticketId: string, at: number, title = 'Outage'): WatchEntry => ({ ticketId, clock: 'resolution', threshold: 100, at, label: { customer: 'Example Utility', severity: 'S1', title } });

beforeAll(async () => {
  double.userDataDir = userData;
  // Packaged, with a dev-server URL in the environment: it must be ignored.
  double.isPackaged = true;
  Object.assign(process, { resourcesPath: resources });
  vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173/');
  trackClockTimers();
  await import('../../electron/main/index');
  double.becomeReady();
  await vi.waitFor(() => expect(double.windows).toHaveLength(1));
  await vi.waitFor(() => expect(win().visible).toBe(true)); // shown on ready-to-show
  // The renderer process: its preload runs in the window and exposes the bridge.
  await import('../../electron/preload/index');
  bridge().on('ticket.open', (p: IpcEventPayload<'ticket.open'>) => opened.push(p.ticketId));
});

afterAll(() => {
  globalThis.setTimeout = realSetTimeout;
  globalThis.clearTimeout = realClearTimeout;
  vi.unstubAllEnvs();
  rmSync(userData, { recursive: true, force: true });
  rmSync(resources, { recursive: true, force: true });
});

describe('the desktop main process, booted under an Electron double', () => {
  it('opens one hardened window on the app:// origin, ignoring ELECTRON_RENDERER_URL when packaged', async () => {
    expect(double.windows).toHaveLength(1);
    expect(win().webContents.mainFrame.url).toBe('app://renderer/index.html');
    expect(win().options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
    expect(win().options.webPreferences?.preload).toMatch(/preload[\\/]index\.c?js$/);
    expect(double.privilegedSchemes).toEqual([expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) as unknown })]);
    expect(double.permissionRequestsDenied).toBe(true);
    expect(double.defaultProtocolClients).toEqual(['servicedesk']);
    // The app:// handler answers only for the renderer host.
    const handler = double.protocolHandlers.get('app');
    expect(handler).toBeDefined();
    expect((await handler?.(new Request('app://elsewhere/index.html')))?.status).toBe(404);
    // New windows are refused; an https link goes to the OS browser instead.
    expect(win().webContents.windowOpenHandler?.({ url: 'https://example.com/' } as never)).toEqual({ action: 'deny' });
    await vi.waitFor(() => expect(double.openedExternally).toEqual(['https://example.com/']));
    double.openedExternally.length = 0;
    expect(double.trays).toHaveLength(1);
  });

  it("lets the app window's sync requests through CORS (its app:// Origin dropped, the answer supplied) and leaves other pages' requests alone", () => {
    const before = double.webRequest.beforeSendHeaders;
    const after = double.webRequest.headersReceived;
    if (!before || !after) throw new Error('main registered no webRequest listeners');
    const sent = (webContentsId: number) => {
      let changes: Record<string, unknown> = {};
      before({ webContentsId, method: 'POST', requestHeaders: { Origin: 'app://renderer', Authorization: 'Bearer x' } }, (c) => (changes = c));
      return changes;
    };
    expect(sent(win().webContents.id)).toEqual({ requestHeaders: { Authorization: 'Bearer x' } });
    expect(sent(win().webContents.id + 1000)).toEqual({});
    let answer: Record<string, unknown> = {};
    after({ webContentsId: win().webContents.id, method: 'OPTIONS', statusLine: 'HTTP/1.1 404 Not Found', responseHeaders: {} }, (c) => (answer = c));
    expect(answer).toMatchObject({ statusLine: 'HTTP/1.1 204 No Content', responseHeaders: { 'Access-Control-Allow-Origin': ['*'] } });
  });

  it('answers every contract call through the real preload bridge from the app window', async () => {
    const results = await runHostContract((call, input) => bridge().invoke(call, input as never));
    expect(results.filter((r) => !r.passed)).toEqual([]);
    expect(results).toHaveLength(hostContractCases.length);
    // Real side effects: hand-off files under userData, links to the OS, the token encrypted.
    expect(double.openedPaths.length).toBe(3);
    expect(double.openedPaths.slice(0, 2).every((p) => p.startsWith(join(userData, 'handoff')))).toBe(true);
    // The attachment crossed the real bridge as bytes and was written to the private cache before the OS opened it.
    expect(double.openedPaths[2]?.startsWith(join(userData, 'attachment-cache'))).toBe(true);
    expect(readFileSync(double.openedPaths[2] ?? '')).toEqual(Buffer.from(attachmentLog));
    expect(double.openedExternally).toEqual(['https://status.example.com/incidents/42', 'mailto:noc@example.com?subject=SD-TEST01-0001']);
    expect(readFileSync(join(userData, 'secrets.json'), 'utf8')).not.toContain('tok-contract-1');
  });

  it('refuses every call from a frame that is not the app window, without running it', async () => {
    const before = { external: double.openedExternally.length, clipboard: double.clipboardText.length };
    const top = win().webContents.mainFrame;
    for (const frame of [{ url: 'https://evil.example.com/', parent: null }, { url: top.url, parent: top }, { url: 'file:///tmp/index.html', parent: null }]) {
      double.preloadFrame = frame;
      expect(await bridge().invoke('external.open', { url: 'https://example.com/' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await bridge().invoke('clipboard.writeText', { text: 'x' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect(await bridge().invoke('secrets.getToken', { serverUrl: 'https://sync.example.com' })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    }
    double.preloadFrame = null;
    expect(double.openedExternally).toHaveLength(before.external);
    expect(double.clipboardText).toHaveLength(before.clipboard);
  });

  it('shows a due SLA alert as a notification (markup escaped) whose click focuses the window and opens the ticket', async () => {
    await bridge().invoke('notifications.setSettings', { quietHours: null, severities: [], mutedTickets: [], paused: false });
    const alerts: unknown[] = [];
    bridge().on('sla.alerts', (p) => alerts.push(p));
    const armed = await bridge().invoke('sla.setWatchList', { entries: [entry('SD-BOOT-0001', Date.now() + 150, '<b>Outage</b> <a href="https://evil.example.com">here</a>')] });
    expect(armed).toMatchObject({ ok: true, data: { armed: 1 } });
    await vi.waitFor(() => expect(double.notifications).toHaveLength(1), { timeout: 5000 });
    const toast = double.notifications[0];
    expect(toast?.options.title).toContain('SD-BOOT-0001');
    expect(toast?.options.body).toContain('&lt;b&gt;Outage&lt;/b&gt;');
    expect(toast?.options.body).not.toMatch(/<a /);
    await vi.waitFor(() => expect(alerts).toHaveLength(1));

    const focusedBefore = win().focused;
    toast?.emit('click');
    expect(win().focused).toBe(focusedBefore + 1);
    expect(win().visible).toBe(true);
    expect(opened).toEqual(['SD-BOOT-0001']);
  });

  it('opens the ticket of a servicedesk:// link handed over by a second instance', () => {
    app.emit('second-instance', {}, ['/opt/Service Desk/service-desk', '--flag', 'servicedesk://ticket/SD-BOOT-0002'], '/home/user');
    expect(opened.at(-1)).toBe('SD-BOOT-0002');
    app.emit('second-instance', {}, ['/opt/Service Desk/service-desk', 'servicedesk://ticket/..%2F..%2Fetc'], '/home/user');
    expect(opened.at(-1)).toBe('SD-BOOT-0002'); // a malformed link opens nothing
  });

  it('hides to the tray when the window is closed, and the tray brings it back', () => {
    win().close();
    expect(win().isDestroyed()).toBe(false);
    expect(win().visible).toBe(false);
    expect(double.exited).toBe(false);
    tray().emit('click');
    expect(win().visible).toBe(true);
  });

  it('catches up after sleep: an alert that came due while the laptop slept fires on resume', async () => {
    const count = double.notifications.length;
    await bridge().invoke('sla.setWatchList', { entries: [entry('SD-BOOT-0003', Date.now() + 60 * 60_000), entry('SD-BOOT-0004', Date.now() + 24 * 60 * 60_000)] });
    // Timers stand still while the lid is closed; the wall clock does not.
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(Date.now() + 2 * 60 * 60_000);
      expect(double.notifications).toHaveLength(count);
      powerMonitor.emit('resume');
      expect(double.notifications).toHaveLength(count + 1);
      expect(double.notifications.at(-1)?.options.title).toContain('SD-BOOT-0003');
    } finally {
      vi.useRealTimers();
    }
  });

  it('quits from the tray: timers end, the watch list is on disk, the window and tray are gone', async () => {
    expect(clockTimers.size).toBeGreaterThan(0); // SD-BOOT-0004 is still armed
    const quit = tray().menu?.items.at(-1)?.label;
    expect(quit).toBe('Quit');
    tray().clickMenuItem('Quit');
    await vi.waitFor(() => expect(double.exited).toBe(true));
    expect(clockTimers.size).toBe(0);
    expect(win().isDestroyed()).toBe(true);
    expect(tray().isDestroyed()).toBe(true);
    expect(readFileSync(join(userData, 'sla-watch.json'), 'utf8')).toContain('SD-BOOT-0004');
  });
});
