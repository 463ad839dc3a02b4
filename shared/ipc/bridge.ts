import type { IpcCall, IpcEvent, IpcEventPayload, IpcInput, IpcOutput, IpcResult } from './contract';

/**
 * The exact shape the desktop preload exposes as `window.serviceDesk`. The renderer's Electron
 * host wraps it; nothing else about Electron is visible to the page.
 */
export type ServiceDeskBridge = {
  invoke<C extends IpcCall>(call: C, input: IpcInput<C>): Promise<IpcResult<IpcOutput<C>>>;
  /** Subscribes to a host event; the returned function unsubscribes. */
  on<E extends IpcEvent>(event: E, listener: (payload: IpcEventPayload<E>) => void): () => void;
};

/** The global name under which the preload exposes the bridge. */
export const serviceDeskBridgeKey = 'serviceDesk';
