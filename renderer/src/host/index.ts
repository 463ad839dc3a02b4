import type { ServiceDeskBridge } from '../../../shared/ipc';
import { createElectronHost } from './electron-host';
import { createBrowserHost } from './browser-host';
import type { Host } from './host';

export type { Host } from './host';
export { HostError } from './host';

/** Inside Electron the preload has put the bridge on window; anywhere else we are the web host. */
export function selectHost(version: string): Host {
  const bridge = (window as Window & { serviceDesk?: ServiceDeskBridge }).serviceDesk;
  return bridge ? createElectronHost(bridge) : createBrowserHost(version);
}
