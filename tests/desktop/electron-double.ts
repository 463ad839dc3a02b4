// A stand-in for the `electron` module, so that electron/main/index.ts and electron/preload can
// run unchanged in Node: CI and this machine have no Electron binary (it is downloaded on first
// use), yet the lifecycle that connects the main-process services must run somewhere. Every
// class and object implements the slice of electron.d.ts that the app uses (checked by `Pick`
// against Electron's own types), records what the app did, and lets a test fire the events the
// OS would (ready, second instance, resume, a toast click, a window close).
// It is the only Electron double: tests/desktop/*.test.ts mock 'electron' with this module.
import { EventEmitter } from 'node:events';
import type * as Electron from 'electron';

/** A webRequest listener as Electron calls it: the request's details and a callback with the changes. */
export type WebRequestListener = (details: Record<string, unknown>, callback: (changes: Record<string, unknown>) => void) => void;

type Frame = { url: string; parent: Frame | null };
type InvokeHandler = (event: { senderFrame: Frame | null; sender: WebContentsDouble }, payload: unknown) => Promise<unknown>;

/** State shared by the whole double: what the app did and what the "renderer" sees. */
export const electronDouble = {
  userDataDir: '',
  isPackaged: false,
  holdsSingleInstanceLock: true,
  ready: false,
  exited: false,
  quitCount: 0,
  privilegedSchemes: [] as Electron.CustomScheme[],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response> | Response>(),
  defaultProtocolClients: [] as string[],
  permissionRequestsDenied: false,
  windows: [] as BrowserWindow[],
  trays: [] as Tray[],
  notifications: [] as Notification[],
  clipboardText: [] as string[],
  openedExternally: [] as string[],
  openedPaths: [] as string[],
  badgeCount: 0,
  ipcHandlers: new Map<string, InvokeHandler>(),
  /** What the preload put on `window` (contextBridge.exposeInMainWorld). */
  mainWorld: {} as Record<string, unknown>,
  /** The frame the preload runs in; null means the window's own top frame. */
  preloadFrame: null as Frame | null,
  rendererListeners: new Map<string, Set<(event: unknown, payload: unknown) => void>>(),
  /** The listeners main gave `session.defaultSession.webRequest`, to feed requests through. */
  webRequest: { beforeSendHeaders: null as WebRequestListener | null, headersReceived: null as WebRequestListener | null },
  /** The OS says the app is ready: whenReady() resolves and 'ready' fires. */
  becomeReady(): void {
    this.ready = true;
    app.emit('ready');
    for (const resolve of readyWaiters.splice(0)) resolve();
  },
};

const readyWaiters: Array<() => void> = [];
const clone = <T>(value: T): T => (value === undefined ? value : structuredClone(value));

class AppDouble extends EventEmitter implements Pick<Electron.App, 'getVersion' | 'getAppPath' | 'requestSingleInstanceLock' | 'setAsDefaultProtocolClient' | 'setBadgeCount' | 'quit' | 'exit'> {
  get isPackaged(): boolean {
    return electronDouble.isPackaged;
  }
  getVersion(): string {
    return '0.1.0';
  }
  getAppPath(): string {
    return process.cwd();
  }
  getPath(name: Parameters<Electron.App['getPath']>[0]): string {
    if (name === 'userData') return electronDouble.userDataDir;
    throw new Error(`the double knows only userData, not ${name}`);
  }
  requestSingleInstanceLock(): boolean {
    return electronDouble.holdsSingleInstanceLock;
  }
  setAsDefaultProtocolClient(protocol: string): boolean {
    electronDouble.defaultProtocolClients.push(protocol);
    return true;
  }
  setBadgeCount(count?: number): boolean {
    electronDouble.badgeCount = count ?? 0;
    return true;
  }
  whenReady(): Promise<void> {
    return electronDouble.ready ? Promise.resolve() : new Promise((resolve) => readyWaiters.push(resolve));
  }
  /** Electron's order: before-quit, close every window, will-quit (cancellable), quit. */
  quit(): void {
    electronDouble.quitCount++;
    let cancelled = false;
    const event = { preventDefault: () => (cancelled = true) };
    this.emit('before-quit', event);
    if (cancelled) return;
    for (const win of electronDouble.windows.filter((w) => !w.isDestroyed())) {
      if (!win.close()) return; // a window refused to close: quitting stops
    }
    this.emit('will-quit', event);
    if (cancelled) return;
    this.emit('quit', event, 0);
    electronDouble.exited = true;
  }
  exit(): void {
    electronDouble.exited = true;
  }
}
export const app = new AppDouble();

let lastContentsId = 0;
class WebContentsDouble extends EventEmitter implements Pick<Electron.WebContents, 'send' | 'setWindowOpenHandler' | 'id'> {
  readonly id = ++lastContentsId;
  readonly mainFrame: Frame = { url: '', parent: null };
  windowOpenHandler: Parameters<Electron.WebContents['setWindowOpenHandler']>[0] | null = null;
  send(channel: string, ...args: unknown[]): void {
    for (const listener of electronDouble.rendererListeners.get(channel) ?? []) listener({ sender: ipcRenderer }, clone(args[0]));
  }
  setWindowOpenHandler(handler: Parameters<Electron.WebContents['setWindowOpenHandler']>[0]): void {
    this.windowOpenHandler = handler;
  }
  getURL(): string {
    return this.mainFrame.url;
  }
}

export class BrowserWindow extends EventEmitter implements Pick<Electron.BrowserWindow, 'show' | 'hide' | 'focus' | 'restore' | 'isMinimized' | 'isDestroyed' | 'isVisible' | 'setOverlayIcon'> {
  readonly webContents = new WebContentsDouble();
  readonly options: Electron.BrowserWindowConstructorOptions;
  visible = false;
  focused = 0;
  private destroyed = false;

  constructor(options: Electron.BrowserWindowConstructorOptions = {}) {
    super();
    this.options = options;
    this.visible = options.show !== false;
    electronDouble.windows.push(this);
  }
  /** Loads the page like Chromium does: start, finish, then ready-to-show. */
  loadURL(url: string): Promise<void> {
    this.webContents.mainFrame.url = url;
    this.webContents.emit('did-start-loading');
    return new Promise((resolve) => {
      setImmediate(() => {
        this.webContents.emit('did-finish-load');
        this.emit('ready-to-show');
        resolve();
      });
    });
  }
  show(): void {
    this.visible = true;
  }
  hide(): void {
    this.visible = false;
  }
  focus(): void {
    this.focused++;
  }
  restore(): void {
    this.visible = true;
  }
  isMinimized(): boolean {
    return false;
  }
  isVisible(): boolean {
    return this.visible;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  setOverlayIcon(): void {
    // Windows only; nothing to record on Linux.
  }
  /** The user (or quit) closes the window; returns whether it really closed. */
  close(): boolean {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    if (prevented) return false;
    this.destroyed = true;
    this.visible = false;
    this.emit('closed');
    if (electronDouble.windows.every((w) => w.isDestroyed())) app.emit('window-all-closed');
    return true;
  }
}

export class Notification extends EventEmitter implements Pick<Electron.Notification, 'show'> {
  readonly options: Electron.NotificationConstructorOptions;
  shown = false;
  static isSupported(): boolean {
    return true;
  }
  constructor(options: Electron.NotificationConstructorOptions) {
    super();
    this.options = options;
  }
  show(): void {
    this.shown = true;
    electronDouble.notifications.push(this);
  }
}

type MenuItem = Electron.MenuItemConstructorOptions;
export const Menu = {
  buildFromTemplate: (template: MenuItem[]): { items: MenuItem[] } => ({ items: template }),
};

export class Tray extends EventEmitter implements Pick<Electron.Tray, 'setToolTip' | 'setTitle' | 'destroy' | 'isDestroyed'> {
  tooltip = '';
  menu: { items: MenuItem[] } | null = null;
  private destroyed = false;
  constructor(readonly image: unknown) {
    super();
    electronDouble.trays.push(this);
  }
  setToolTip(text: string): void {
    this.tooltip = text;
  }
  setTitle(): void {
    // macOS only.
  }
  setContextMenu(menu: { items: MenuItem[] } | null): void {
    this.menu = menu;
  }
  destroy(): void {
    this.destroyed = true;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /** Clicks the menu item with this label, as the user would. */
  clickMenuItem(label: string): void {
    const item = this.menu?.items.find((i) => i.label === label);
    if (!item?.click) throw new Error(`no tray menu item "${label}"`);
    (item.click as () => void)();
  }
}

export const nativeImage = { createFromPath: (path: string): { path: string } => ({ path }) };

export const ipcMain = {
  handle(channel: string, listener: InvokeHandler): void {
    if (electronDouble.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    electronDouble.ipcHandlers.set(channel, listener);
  },
  removeHandler(channel: string): void {
    electronDouble.ipcHandlers.delete(channel);
  },
};

/** The renderer side: invoke goes to ipcMain with the frame the preload runs in, cloned both ways. */
type RendererListener = (event: unknown, payload: unknown) => void;
type IpcRendererDouble = {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  on(channel: string, listener: RendererListener): IpcRendererDouble;
  removeListener(channel: string, listener: RendererListener): IpcRendererDouble;
};
export const ipcRenderer: IpcRendererDouble = {
  async invoke(channel: string, payload: unknown): Promise<unknown> {
    const handler = electronDouble.ipcHandlers.get(channel);
    if (!handler) throw new Error(`Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`);
    const win = electronDouble.windows.find((w) => !w.isDestroyed());
    if (!win) throw new Error('no window');
    return clone(await handler({ senderFrame: electronDouble.preloadFrame ?? win.webContents.mainFrame, sender: win.webContents }, clone(payload)));
  },
  on(channel: string, listener: (event: unknown, payload: unknown) => void): typeof ipcRenderer {
    const set = electronDouble.rendererListeners.get(channel) ?? new Set();
    set.add(listener);
    electronDouble.rendererListeners.set(channel, set);
    return ipcRenderer;
  },
  removeListener(channel: string, listener: (event: unknown, payload: unknown) => void): typeof ipcRenderer {
    electronDouble.rendererListeners.get(channel)?.delete(listener);
    return ipcRenderer;
  },
};

export const contextBridge = {
  exposeInMainWorld(key: string, api: unknown): void {
    if (key in electronDouble.mainWorld) throw new Error(`Cannot bind an API on top of an existing property on the window object: ${key}`);
    electronDouble.mainWorld[key] = api;
  },
};

export const protocol = {
  registerSchemesAsPrivileged(schemes: Electron.CustomScheme[]): void {
    // Electron throws the same way: privileges can only be granted before ready.
    if (electronDouble.ready) throw new Error('protocol.registerSchemesAsPrivileged should be called before app is ready');
    electronDouble.privilegedSchemes.push(...schemes);
  },
  handle(scheme: string, handler: (request: Request) => Promise<Response> | Response): void {
    if (!electronDouble.ready) throw new Error('protocol.handle must be called after app is ready');
    electronDouble.protocolHandlers.set(scheme, handler);
  },
};

export const powerMonitor = new EventEmitter();

export const session = {
  defaultSession: {
    setPermissionRequestHandler(handler: (contents: unknown, permission: string, callback: (granted: boolean) => void) => void): void {
      handler(null, 'notifications', (granted) => (electronDouble.permissionRequestsDenied = !granted));
    },
    setPermissionCheckHandler(): void {
      // Decisions are recorded through the request handler above.
    },
    webRequest: {
      onBeforeSendHeaders(_filter: unknown, listener: WebRequestListener): void {
        electronDouble.webRequest.beforeSendHeaders = listener;
      },
      onHeadersReceived(_filter: unknown, listener: WebRequestListener): void {
        electronDouble.webRequest.headersReceived = listener;
      },
    },
  },
};

/** Reversible but not plain text, like the OS keychain would give. */
export const safeStorage = {
  isEncryptionAvailable: (): boolean => true,
  getSelectedStorageBackend: (): string => 'gnome_libsecret',
  encryptString: (plain: string): Buffer => Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a)),
  decryptString: (encrypted: Buffer): string => Buffer.from(encrypted.map((b) => b ^ 0x5a)).toString('utf8'),
};

export const shell = {
  openExternal(url: string): Promise<void> {
    electronDouble.openedExternally.push(url);
    return Promise.resolve();
  },
  openPath(path: string): Promise<string> {
    electronDouble.openedPaths.push(path);
    return Promise.resolve('');
  },
};

export const clipboard = {
  writeText(text: string): void {
    electronDouble.clipboardText.push(text);
  },
};
