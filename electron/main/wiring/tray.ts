import { Menu, Tray, app, nativeImage } from 'electron';
import type { BrowserWindow } from 'electron';
import { trayState } from '../../../shared/alerts';
import type { AlertLanguage, TrayCounts } from '../../../shared/alerts';

export type TrayActions = {
  showWindow(): void;
  requestSync(): void;
  isPaused(): boolean;
  /** The UI language the renderer last reported. */
  language(): AlertLanguage;
  setPaused(paused: boolean): void;
  quit(): void;
  getWindow(): BrowserWindow | null;
};

export type DesktopTray = { setCounts(counts: TrayCounts): void; refresh(): void; destroy(): void };

/** The tray icon, its menu, the dock badge and the Windows overlay, all fed by trayState() in the UI language. */
export function createDesktopTray(iconPath: string, overlayPath: string, actions: TrayActions): DesktopTray {
  const tray = new Tray(nativeImage.createFromPath(iconPath));
  const overlay = nativeImage.createFromPath(overlayPath);
  let counts: TrayCounts = { breached: 0, atRisk: 0 };

  const refresh = (): void => {
    const state = trayState(counts, actions.isPaused(), actions.language());
    tray.setToolTip(state.tooltip);
    if (process.platform === 'darwin') tray.setTitle(state.label);
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: state.menu.open, click: () => actions.showWindow() },
        { label: state.menu.syncNow, click: () => actions.requestSync() },
        { label: state.pauseMenuLabel, type: 'checkbox', checked: actions.isPaused(), click: () => actions.setPaused(!actions.isPaused()) },
        { type: 'separator' },
        { label: state.menu.quit, click: () => actions.quit() },
      ]),
    );
    // Dock badge on macOS, launcher badge on Unity-like Linux desktops; a no-op elsewhere.
    app.setBadgeCount(state.badgeCount);
    const win = actions.getWindow();
    if (process.platform === 'win32' && win && !win.isDestroyed()) {
      win.setOverlayIcon(state.overlay ? overlay : null, state.overlay?.description ?? '');
    }
  };

  tray.on('click', () => actions.showWindow());
  refresh();
  return {
    setCounts(next) {
      counts = next;
      refresh();
    },
    refresh,
    destroy: () => tray.destroy(),
  };
}
