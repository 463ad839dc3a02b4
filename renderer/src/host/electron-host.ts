import type { ServiceDeskBridge } from '../../../shared/ipc';
import { unwrapping, type Host } from './host';

/** The host inside Electron: a thin wrapper over the preload bridge (window.serviceDesk). */
export function createElectronHost(bridge: ServiceDeskBridge): Host {
  const call: Host['call'] = (name, input) => bridge.invoke(name, input);
  return { kind: 'electron', call, invoke: unwrapping(call), on: (event, listener) => bridge.on(event, listener) };
}
