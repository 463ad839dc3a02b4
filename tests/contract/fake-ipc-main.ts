import type { IpcMainLike, InvokeEventLike } from '../../electron/main/ipc/register';

type Listener = Parameters<IpcMainLike['handle']>[1];

/**
 * An in-memory stand-in for Electron's ipcMain transport only: it behaves like the real one in
 * the ways that matter (one handler per channel, structured-clone of payloads and answers, a
 * rejection when nothing is registered). The handlers and services behind it are real.
 */
export function createFakeIpcMain() {
  const handlers = new Map<string, Listener>();
  const ipcMain: IpcMainLike = {
    handle(channel, listener) {
      if (handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      handlers.set(channel, listener);
    },
    removeHandler(channel) {
      handlers.delete(channel);
    },
  };
  async function invoke(senderFrame: InvokeEventLike['senderFrame'], channel: string, payload: unknown): Promise<unknown> {
    const listener = handlers.get(channel);
    if (!listener) throw new Error(`No handler registered for '${channel}'`);
    return structuredClone(await listener({ senderFrame }, structuredClone(payload)));
  }
  return { ipcMain, invoke, channels: () => [...handlers.keys()] };
}
