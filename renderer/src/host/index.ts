import type { ServiceDeskBridge } from '../../../shared/ipc';
import { createElectronHost } from './electron-host';
import { createBrowserHost } from './browser-host';
import type { Host } from './host';

export type { Host } from './host';
export { HostError } from './host';
export type { NotificationPermissionState, WebNotificationControl } from './web-notifier';

/** Inside Electron the preload has put the bridge on window; anywhere else we are the web host. */
export function selectHost(version: string): Host {
  const bridge = (window as Window & { serviceDesk?: ServiceDeskBridge }).serviceDesk;
  if (bridge) return createElectronHost(bridge);
  const host = createBrowserHost(version);
  // The end-to-end contract suite drives this host from Playwright. It is the page's own object,
  // with exactly the powers the page already has (localStorage, downloads, Web Notifications):
  // nothing privileged is exposed, unlike the Electron bridge, which is never put here.
  (window as Window & { __serviceDeskHost?: Host }).__serviceDeskHost = host;
  return host;
}
export { downloadBlob, downloadText } from './download';
