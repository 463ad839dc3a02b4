import { BrowserWindow } from 'electron';
import { applyNavigationGuards, secureWebPreferences } from '../security';

export type WindowOptions = {
  preloadPath: string;
  iconPath: string;
  /** The local dev server URL, or app://renderer/index.html. */
  rendererUrl: string;
  isAppUrl: (url: string) => boolean;
  openExternal: (url: string) => Promise<void>;
  /** Close hides to the tray unless the app is quitting. */
  isQuitting: () => boolean;
  onLoaded: (win: BrowserWindow) => void;
  onUnloaded: () => void;
};

/** The main window: hidden until ready, hardened, hiding to the tray on close. */
export function createMainWindow(o: WindowOptions): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 800,
    minHeight: 560,
    show: false,
    title: 'Service Desk',
    icon: o.iconPath,
    webPreferences: secureWebPreferences(o.preloadPath),
  });
  applyNavigationGuards(win.webContents, o.isAppUrl, o.openExternal);
  win.once('ready-to-show', () => win.show());
  win.on('close', (event) => {
    if (o.isQuitting()) return;
    event.preventDefault();
    win.hide();
  });
  win.webContents.on('did-start-loading', () => o.onUnloaded());
  win.webContents.on('did-finish-load', () => o.onLoaded(win));
  win.webContents.on('render-process-gone', () => o.onUnloaded());
  win.loadURL(o.rendererUrl).catch((e: unknown) => console.error(`could not load the renderer: ${String(e)}`));
  return win;
}
