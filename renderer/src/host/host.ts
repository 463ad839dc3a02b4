import type { IpcCall, IpcEvent, IpcEventPayload, IpcInput, IpcOutput, IpcResult } from '../../../shared/ipc';
import type { WebNotificationControl } from './web-notifier';

/**
 * Everything the UI needs from the machine it runs on. Two implementations: the Electron host
 * (the preload bridge) and the web host (browser APIs). UI code never knows which it has.
 */
export type Host = {
  kind: 'electron' | 'web';
  /** The raw envelope, exactly as it crossed the boundary (contract tests use this). */
  call<C extends IpcCall>(call: C, input: IpcInput<C>): Promise<IpcResult<IpcOutput<C>>>;
  /** The data, or a HostError carrying the envelope's error. */
  invoke<C extends IpcCall>(call: C, input: IpcInput<C>): Promise<IpcOutput<C>>;
  on<E extends IpcEvent>(event: E, listener: (payload: IpcEventPayload<E>) => void): () => void;
  /** Web host only: browser notification permission and blocked toasts (Electron: the OS handles it). */
  notificationControl?: WebNotificationControl;
};

export class HostError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'HostError';
  }
}

/** Builds `invoke` on top of an envelope-returning `call`. */
export function unwrapping(call: Host['call']): Host['invoke'] {
  return async (name, input) => {
    const result = await call(name, input);
    if (result.ok) return result.data;
    throw new HostError(result.error.code, result.error.message);
  };
}
