import type { App, Session, WebContents, WebPreferences } from 'electron';
import { isAllowedExternalUrl } from '../../shared/ipc';

// The one place the window's security baseline is decided. Decisions are pure functions
// (unit-tested without Electron); the apply* functions only hook them to Electron objects.

/** Preferences for every window: isolated, sandboxed renderer with no Node. */
export function secureWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: true,
    // The store, sync and page timers keep running while the window hides in the tray.
    backgroundThrottling: false,
  };
}

// One allowlist for both hosts (mailto:, tel: and https: only), kept in shared/ipc.
export { isAllowedExternalUrl };

/** Opens a URL with the OS only when the allowlist accepts it; returns whether it did. */
export async function openExternalUrl(value: string, open: (url: string) => Promise<void>): Promise<boolean> {
  if (!isAllowedExternalUrl(value)) return false;
  // Hand over the parser's normalised form, so the OS sees exactly what was checked.
  await open(new URL(value).href);
  return true;
}

/** What to do when the page tries to navigate: stay only on the app's own renderer. */
export function navigationDecision(url: string, isAppUrl: (url: string) => boolean): 'allow' | 'deny' | 'open-external' {
  if (isAppUrl(url)) return 'allow';
  return isAllowedExternalUrl(url) ? 'open-external' : 'deny';
}

/** A deep link the app understands. */
export type DeepLink = { kind: 'ticket'; ticketId: string };

const deepLinkScheme = 'servicedesk:';

/**
 * Finds `servicedesk://ticket/<id>` in a URL or in a second instance's argv (Windows and Linux
 * pass the link as an argument); anything else is null.
 */
export function parseDeepLink(argvOrUrl: string | readonly string[]): DeepLink | null {
  const candidates = typeof argvOrUrl === 'string' ? [argvOrUrl] : argvOrUrl;
  for (const arg of candidates) {
    if (typeof arg !== 'string' || !arg.toLowerCase().startsWith(deepLinkScheme)) continue;
    let url: URL;
    try {
      url = new URL(arg);
    } catch {
      continue;
    }
    if (url.hostname.toLowerCase() !== 'ticket') continue;
    let id: string;
    try {
      id = decodeURIComponent(url.pathname.replace(/^\/+|\/+$/g, ''));
    } catch {
      continue;
    }
    if (/^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/.test(id)) return { kind: 'ticket', ticketId: id };
  }
  return null;
}

/** Denies navigation and new windows; allowed links go to the OS browser or mail client. */
export function applyNavigationGuards(contents: WebContents, isAppUrl: (url: string) => boolean, open: (url: string) => Promise<void>): void {
  const openSafely = (url: string): void => {
    openExternalUrl(url, open).catch(() => undefined);
  };
  contents.on('will-navigate', (event, url) => {
    const decision = navigationDecision(url, isAppUrl);
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'open-external') openSafely(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openSafely(url);
    return { action: 'deny' };
  });
}

/** The renderer needs no browser permission (notifications come from main); refuse them all. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * Takes the single-instance lock. Returns false when another instance owns it (this one must
 * quit); otherwise forwards a second instance's deep link and focuses the window.
 */
export function acquireSingleInstance(app: App, onSecondInstance: (link: DeepLink | null) => void): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', (_event, argv) => onSecondInstance(parseDeepLink(argv)));
  return true;
}
