import { ipcCallNames, ipcEventNames, ipcEvents } from '../../shared/ipc';
import type { IpcCall, IpcEvent, IpcEventPayload, IpcInput, IpcOutput, IpcResult, ServiceDeskBridge } from '../../shared/ipc';

/** The two things the preload needs from Electron's renderer-side IPC, narrowed. */
export type PreloadTransport = {
  invoke(channel: string, payload: unknown): Promise<unknown>;
  /** Subscribes to a channel with the payload only (never the raw IPC event); returns unsubscribe. */
  subscribe(channel: string, listener: (payload: unknown) => void): () => void;
};

function isEnvelope(value: unknown): value is IpcResult<unknown> {
  return typeof value === 'object' && value !== null && 'ok' in value && typeof value.ok === 'boolean';
}

/**
 * Builds `window.serviceDesk`: one invoke per contract call and typed event subscriptions.
 * Unknown names are answered, not thrown, and event payloads are checked before the page sees them.
 */
export function createBridge(transport: PreloadTransport): ServiceDeskBridge {
  const calls = new Set<string>(ipcCallNames);
  const events = new Set<string>(ipcEventNames);
  return {
    async invoke<C extends IpcCall>(call: C, input: IpcInput<C>): Promise<IpcResult<IpcOutput<C>>> {
      if (!calls.has(call)) return { ok: false, error: { code: 'unknown_call', message: `"${String(call)}" is not a host call` } };
      try {
        const result = await transport.invoke(call, input);
        // main validated the output against the contract before it crossed the boundary.
        if (isEnvelope(result)) return result as IpcResult<IpcOutput<C>>;
        return { ok: false, error: { code: 'failed', message: `the host gave no answer for "${call}"` } };
      } catch (error) {
        return { ok: false, error: { code: 'failed', message: error instanceof Error ? error.message : String(error) } };
      }
    },
    on<E extends IpcEvent>(event: E, listener: (payload: IpcEventPayload<E>) => void) {
      if (!events.has(event)) throw new TypeError(`"${String(event)}" is not a host event`);
      if (typeof listener !== 'function') throw new TypeError('listener must be a function');
      return transport.subscribe(event, (payload) => {
        const parsed = ipcEvents[event].safeParse(payload);
        if (parsed.success) listener(parsed.data as IpcEventPayload<E>);
      });
    },
  };
}

