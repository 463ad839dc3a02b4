import { createHash } from 'node:crypto';
import { existsSync, promises as fs } from 'node:fs';
import { join } from 'node:path';
import * as electron from 'electron';
import type { BrowserWindow } from 'electron';
import type { IpcEvent, IpcEventPayload } from '../../shared/ipc';
import { composeDesktop } from './compose';
import { registerElectronIpc } from './ipc/register';
import { isTrustedSenderFrame, isTrustedSenderUrl } from './ipc/trusted-sender';
import { appScheme, appSchemePrivileges, createAppProtocolHandler, devServerUrlFrom, rendererEntryUrl } from './renderer-origin';
import { acquireSingleInstance, denyAllPermissions, parseDeepLink } from './security';
import { nodeAttachmentCacheFileSystem, nodeHandoffFileSystem } from './services/private-files';
import { allowAppSyncRequests } from './wiring/sync-cors';
import { createSystemClock } from './services/system-clock';
import { createElectronNotifier } from './wiring/notifier';
import { createDesktopTray } from './wiring/tray';
import type { DesktopTray } from './wiring/tray';
import { createMainWindow } from './wiring/window';

// Lifecycle only: every decision lives in a tested module; this file connects them to Electron.
const { app, clipboard, powerMonitor, protocol, safeStorage, session, shell } = electron;

const here = import.meta.dirname;
const rendererDir = join(here, '../renderer');
// The page comes from app:// (see renderer-origin.ts); a dev server only when unpackaged and local.
const trustedOrigin = { devServerUrl: devServerUrlFrom(process.env, app.isPackaged) };
// Must happen before `ready`: a standard, secure scheme gets its own origin for IndexedDB and CSP.
protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
const iconsDir = app.isPackaged ? join(process.resourcesPath, 'icons') : join(app.getAppPath(), 'resources/icons');
// A sandboxed preload must be CommonJS; electron-vite names it .cjs/.js (cjs) or .mjs (es).
const preloadPath = ['index.cjs', 'index.js', 'index.mjs'].map((f) => join(here, '../preload', f)).find((p) => existsSync(p)) ?? join(here, '../preload/index.cjs');
const openExternal = (url: string): Promise<void> => shell.openExternal(url);

let mainWindow: BrowserWindow | null = null;
let tray: DesktopTray | null = null;
let quitting = false;

const showWindow = (): void => {
  if (!mainWindow || mainWindow.isDestroyed()) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
};

const desktop = composeDesktop({
  appInfo: { version: app.getVersion(), platform: process.platform },
  userDataDir: app.getPath('userData'),
  handoffDir: join(app.getPath('userData'), 'handoff'),
  clock: createSystemClock(),
  fs,
  handoffFs: nodeHandoffFileSystem,
  attachmentCacheDir: join(app.getPath('userData'), 'attachment-cache'),
  attachmentFs: nodeAttachmentCacheFileSystem,
  sha256Hex: (bytes) => createHash('sha256').update(bytes).digest('hex'),
  encryption: {
    // Linux without a keyring falls back to a fixed key ("basic_text"): that is plain text in disguise.
    isEncryptionAvailable: () => safeStorage.isEncryptionAvailable() && !(process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text'),
    encryptString: (plain) => safeStorage.encryptString(plain),
    decryptString: (encrypted) => safeStorage.decryptString(encrypted),
  },
  notifier: createElectronNotifier(join(iconsDir, '256x256.png')),
  openPath: (path) => shell.openPath(path),
  openExternal,
  clipboard: { writeText: (text) => clipboard.writeText(text) },
  localMinute: (at) => {
    const d = new Date(at);
    return d.getHours() * 60 + d.getMinutes();
  },
  setTrayCounts: (counts) => tray?.setCounts(counts),
  onSettingsChanged: () => tray?.refresh(),
  onLanguageChanged: () => tray?.refresh(),
  focusWindow: showWindow,
  onError: (message) => console.error(message),
});

const openDeepLink = (argvOrUrl: string | readonly string[]): void => {
  const link = parseDeepLink(argvOrUrl);
  if (link) desktop.openTicket(link.ticketId);
};

function sendToWindow(win: BrowserWindow) {
  return <E extends IpcEvent>(event: E, payload: IpcEventPayload<E>): void => {
    if (!win.isDestroyed()) win.webContents.send(event, payload);
  };
}

if (!acquireSingleInstance(app, (link) => (link ? desktop.openTicket(link.ticketId) : showWindow()))) {
  app.quit();
} else {
  // In development the app runs as `electron .`, so the handler must name the script too.
  if (process.defaultApp && process.argv[1]) app.setAsDefaultProtocolClient('servicedesk', process.execPath, [process.argv[1]]);
  else app.setAsDefaultProtocolClient('servicedesk');

  app.on('open-url', (event, url) => {
    event.preventDefault();
    openDeepLink(url);
  });
  app.on('before-quit', () => {
    quitting = true;
  });
  // The app lives in the tray: closing the last window does not quit.
  app.on('window-all-closed', () => undefined);
  app.on('activate', showWindow);
  let flushed = false;
  app.on('will-quit', (event) => {
    tray?.destroy();
    tray = null;
    if (flushed) return;
    // Let the last watch-list write reach the disk before the process ends.
    event.preventDefault();
    desktop.stop().finally(() => {
      flushed = true;
      app.quit();
    }).catch(() => undefined);
  });

  app.whenReady().then(async () => {
    denyAllPermissions(session.defaultSession);
    protocol.handle(appScheme, createAppProtocolHandler(rendererDir, (path) => fs.readFile(path)));
    allowAppSyncRequests(session.defaultSession.webRequest, (id) => id !== undefined && !!mainWindow && !mainWindow.isDestroyed() && mainWindow.webContents.id === id);
    // Alerts that came due while the app was closed fire now, before any window loads.
    await desktop.start();
    registerElectronIpc(electron, desktop.handlers, (frame) => isTrustedSenderFrame(frame, trustedOrigin));
    powerMonitor.on('resume', () => desktop.slaTimers.recheck());
    powerMonitor.on('unlock-screen', () => desktop.slaTimers.recheck());

    tray = createDesktopTray(join(iconsDir, 'tray.png'), join(iconsDir, 'overlay-breached.png'), {
      showWindow,
      requestSync: () => desktop.outbox.emit('sync.requested', {}),
      isPaused: () => desktop.notifications.getSettings().paused,
      language: () => desktop.language.get(),
      setPaused: (paused) => {
        desktop.notifications.setPaused(paused).catch((e: unknown) => console.error(`could not save notification settings: ${String(e)}`));
      },
      quit: () => {
        quitting = true;
        app.quit();
      },
      getWindow: () => mainWindow,
    });

    mainWindow = createMainWindow({
      preloadPath,
      iconPath: join(iconsDir, '512x512.png'),
      rendererUrl: rendererEntryUrl(trustedOrigin.devServerUrl),
      isAppUrl: (url) => isTrustedSenderUrl(url, trustedOrigin),
      openExternal,
      isQuitting: () => quitting,
      onLoaded: (win) => desktop.windowLoaded(sendToWindow(win)),
      onUnloaded: () => desktop.windowUnloaded(),
    });
    openDeepLink(process.argv);
  }).catch((e: unknown) => {
    console.error(`Service Desk could not start: ${String(e)}`);
    app.exit(1);
  });
}
