import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ipcCallNames } from '../../shared/ipc';
import type { IpcCall, IpcEvent, IpcResult } from '../../shared/ipc';
import { composeDesktop } from '../../electron/main/compose';
import type { DesktopEnv } from '../../electron/main/compose';
import { registerIpcHandlers } from '../../electron/main/ipc/register';
import type { MainHandlers } from '../../electron/main/ipc/register';
import { isTrustedSenderFrame } from '../../electron/main/ipc/trusted-sender';
import { createFakeClock, trayState } from '../../shared/alerts';
import type { AlertLanguage, Toast } from '../../shared/alerts';
import { createMemoryFileSystem } from '../../electron/main/services/memory-fs';
import { createHash } from 'node:crypto';
import { nodeAttachmentCacheFileSystem, nodeHandoffFileSystem } from '../../electron/main/services/private-files';
import { createFakeIpcMain } from './fake-ipc-main';
import { attachmentLog, hostContractCases, runHostContract } from './host-contract';

const T0 = Date.UTC(2025, 2, 3, 9, 0);
const origin = { devServerUrl: null };
const appFrame = { url: 'app://renderer/index.html#/queue', parent: null };
const foreignFrame = { url: 'https://evil.example.com/', parent: null };

function setupMain() {
  const handoffDir = join(mkdtempSync(join(tmpdir(), 'main-host-')), 'handoff');
  const fs = createMemoryFileSystem();
  const clock = createFakeClock(T0);
  const opened: string[] = [];
  const external: string[] = [];
  const clipboard: string[] = [];
  const toasts: Toast[] = [];
  const languages: AlertLanguage[] = [];
  const env: DesktopEnv = {
    appInfo: { version: '0.1.0', platform: 'linux' },
    userDataDir: '/user-data',
    handoffDir,
    clock,
    fs,
    handoffFs: nodeHandoffFileSystem,
    attachmentCacheDir: join(handoffDir, '..', 'attachment-cache'),
    attachmentFs: nodeAttachmentCacheFileSystem,
    sha256Hex: (bytes) => createHash('sha256').update(bytes).digest('hex'),
    encryption: {
      isEncryptionAvailable: () => true,
      encryptString: (s) => Buffer.from(s, 'utf8').reverse(),
      decryptString: (b) => Buffer.from(b).reverse().toString('utf8'),
    },
    notifier: { show: (t) => toasts.push(t) },
    openPath: (p) => {
      opened.push(p);
      return Promise.resolve('');
    },
    openExternal: (u) => {
      external.push(u);
      return Promise.resolve();
    },
    clipboard: { writeText: (t) => clipboard.push(t) },
    localMinute: (at) => new Date(at).getUTCHours() * 60 + new Date(at).getUTCMinutes(),
    formatTime: (at) => new Date(at).toISOString().slice(11, 16),
    setTrayCounts: () => undefined,
    onSettingsChanged: () => undefined,
    onLanguageChanged: (l) => languages.push(l),
    focusWindow: () => undefined,
    onError: () => undefined,
  };
  const desktop = composeDesktop(env);
  const transport = createFakeIpcMain();
  const unregister = registerIpcHandlers(transport.ipcMain, desktop.handlers, (frame) => isTrustedSenderFrame(frame, origin));
  const invokeFrom = (frame: typeof appFrame | null) => (call: IpcCall, input: unknown) => transport.invoke(frame, call, input) as Promise<IpcResult<unknown>>;
  return { handoffDir, fs, clock, desktop, transport, unregister, opened, external, clipboard, toasts, languages, invoke: invokeFrom(appFrame), invokeFrom };
}

describe('host contract against the Electron main handlers', () => {
  it('passes every shared contract case', async () => {
    const main = setupMain();
    await main.desktop.start();
    const results = await runHostContract(main.invoke);
    expect(results.filter((r) => !r.passed)).toEqual([]);
    expect(results).toHaveLength(hostContractCases.length);
    // The side effects really happened, and only the allowed ones.
    expect(main.opened.map((p) => basename(p))).toEqual(['SD-TEST01-0001 update.eml', 'SD-TEST01-0001 visit.ics', 'SD-TEST01-0001 router.log']);
    expect(main.opened.slice(0, 2).every((p) => p.startsWith(main.handoffDir))).toBe(true);
    // The attachment went into the private cache under its hash, byte for byte, and nothing refused was written.
    const cache = join(main.handoffDir, '..', 'attachment-cache');
    expect(main.opened[2]).toBe(join(cache, createHash('sha256').update(attachmentLog).digest('hex'), 'SD-TEST01-0001 router.log'));
    expect(readFileSync(main.opened[2] ?? '')).toEqual(Buffer.from(attachmentLog));
    expect(readdirSync(cache)).toHaveLength(1);
    expect(main.external).toEqual(['https://status.example.com/incidents/42', 'mailto:noc@example.com?subject=SD-TEST01-0001']);
    expect(main.clipboard).toEqual(['SD-TEST01-0001']);
    expect(main.fs.files.get(join('/user-data', 'secrets.json'))).not.toContain('tok-contract-1');
  });

  it('registers one handler per contract call and removes them all again', () => {
    const main = setupMain();
    expect(main.transport.channels().sort()).toEqual([...ipcCallNames].sort());
    main.unregister();
    expect(main.transport.channels()).toEqual([]);
  });

  it('answers forbidden to frames that are not the app, for every call, without running the handler', async () => {
    const main = setupMain();
    for (const frame of [foreignFrame, { url: appFrame.url, parent: appFrame }, null]) {
      for (const call of ipcCallNames) {
        const r = await main.invokeFrom(frame as typeof appFrame)(call, { url: 'https://example.com', text: 'x' });
        expect(r).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      }
    }
    expect(main.external).toEqual([]);
    expect(main.clipboard).toEqual([]);
  });

  it('turns a throwing handler and an invalid result into envelopes', async () => {
    const transport = createFakeIpcMain();
    const main = setupMain();
    const broken: MainHandlers = {
      ...main.desktop.handlers,
      'app.info': () => Promise.reject(new Error('disk on fire')),
      'tray.setCounts': () => Promise.resolve({ unexpected: true } as unknown as Record<string, never>),
    };
    registerIpcHandlers(transport.ipcMain, broken, () => true);
    expect(await transport.invoke(appFrame, 'app.info', {})).toEqual({ ok: false, error: { code: 'failed', message: 'disk on fire' } });
    expect(await transport.invoke(appFrame, 'tray.setCounts', { breached: 0, atRisk: 0 })).toMatchObject({ ok: false, error: { code: 'failed' } });
  });

  it('fires overdue alerts at start-up and delivers them once the window has subscribed', async () => {
    const first = setupMain();
    await first.desktop.start();
    await first.invoke('sla.setWatchList', { entries: [{ ticketId: 'SD-TEST01-0002', clock: 'resolution', threshold: 100, at: T0 + 60 * 60_000, label: { customer: 'Example Utility', severity: 'S1', title: 'Outage' } }] });
    await first.desktop.stop();

    // Restart two hours later, over the same user data: the alert fires before any window.
    const fs = first.fs;
    const second = setupMain();
    for (const [k, v] of fs.files) second.fs.files.set(k, v);
    second.clock.jumpWall(2 * 60 * 60_000);
    await second.desktop.start();
    expect(second.toasts.map((t) => t.title)).toEqual(['SD-TEST01-0002 · S1 · Resolution breached']);
    expect(second.desktop.outbox.queued()).toBe(1);

    const sent: Array<[IpcEvent, unknown]> = [];
    second.desktop.windowLoaded((e, p) => sent.push([e, p]));
    expect(sent).toEqual([]); // loaded is not yet subscribed
    await second.invoke('sla.setWatchList', { entries: [] });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.[0]).toBe('sla.alerts');
    expect(sent[0]?.[1]).toMatchObject({ alerts: [{ ticketId: 'SD-TEST01-0002', threshold: 100, notified: true }] });
  });

  it('writes toasts and the tray in the language the renderer sets, and remembers it for alerts fired at the next start', async () => {
    const main = setupMain();
    await main.desktop.start();
    expect(await main.invoke('app.setLanguage', { language: 'bg' })).toEqual({ ok: true, data: { language: 'bg' } });
    expect(main.languages).toEqual(['bg']); // the tray is rebuilt
    expect(trayState({ breached: 2, atRisk: 0 }, false, main.desktop.language.get()).menu.quit).toBe('Изход');
    const alert = { ticketId: 'SD-TEST01-0004', clock: 'resolution' as const, threshold: 100, at: T0 + 60_000, label: { customer: 'Example Utility', severity: 'S1', title: 'Outage' } };
    await main.invoke('sla.setWatchList', { entries: [alert, { ...alert, ticketId: 'SD-TEST01-0005', at: T0 + 3 * 60 * 60_000 }] });
    main.clock.advance(60_000);
    expect(main.toasts.map((t) => t.title)).toEqual(['SD-TEST01-0004 · S1 · Решение: срокът е просрочен']);
    expect(main.toasts[0]?.body).toBe('Example Utility — Outage\nРешение: срокът изтече в 09:01');

    // A malformed language is refused and changes nothing, on screen or on disk.
    const before = main.fs.files.get(join('/user-data', 'language.json'));
    expect(await main.invoke('app.setLanguage', { language: 'bg"><script>' })).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('language') } });
    expect(main.desktop.language.get()).toBe('bg');
    expect(main.fs.files.get(join('/user-data', 'language.json'))).toBe(before);
    await main.desktop.stop();

    // Restart after the second alert came due: it fires before any window, already in Bulgarian.
    const again = setupMain();
    for (const [k, v] of main.fs.files) again.fs.files.set(k, v);
    again.clock.jumpWall(4 * 60 * 60_000);
    await again.desktop.start();
    expect(again.toasts.map((t) => t.title)).toEqual(['SD-TEST01-0005 · S1 · Решение: срокът е просрочен']);
  });

  it('a toast click focuses the window and asks the renderer to open the ticket', async () => {
    let focused = 0;
    const desktop = composeDesktop(envWithFocus(() => focused++));
    await desktop.start();
    const sent: Array<[IpcEvent, unknown]> = [];
    desktop.windowLoaded((e, p) => sent.push([e, p]));
    await desktop.handlers['sla.setWatchList']({ entries: [] });
    desktop.openTicket('SD-TEST01-0003');
    expect(focused).toBe(1);
    expect(sent).toEqual([['ticket.open', { ticketId: 'SD-TEST01-0003' }]]);
  });
});

function envWithFocus(focusWindow: () => void): DesktopEnv {
  return {
    appInfo: { version: '0.1.0', platform: 'linux' },
    userDataDir: '/ud',
    handoffDir: join(tmpdir(), 'never-written'),
    clock: createFakeClock(T0),
    fs: createMemoryFileSystem(),
    handoffFs: nodeHandoffFileSystem,
    attachmentCacheDir: join(tmpdir(), 'never-written-cache'),
    attachmentFs: nodeAttachmentCacheFileSystem,
    sha256Hex: (bytes) => createHash('sha256').update(bytes).digest('hex'),
    encryption: { isEncryptionAvailable: () => false, encryptString: () => Buffer.alloc(0), decryptString: () => '' },
    notifier: { show: () => undefined },
    openPath: () => Promise.resolve(''),
    openExternal: () => Promise.resolve(),
    clipboard: { writeText: () => undefined },
    localMinute: () => 0,
    formatTime: () => '00:00',
    setTrayCounts: () => undefined,
    onSettingsChanged: () => undefined,
    focusWindow,
    onError: () => undefined,
  };
}
