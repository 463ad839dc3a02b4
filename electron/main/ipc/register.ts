import { ipcCallNames, ipcCalls, parseIpcInput } from '../../../shared/ipc';
import type { IpcCall, IpcInput, IpcOutput, IpcResult } from '../../../shared/ipc';
import { toIpcError } from './failure';
import type { SenderFrameLike } from './trusted-sender';

/** What the registration needs from an invoke event: the frame that sent it. */
export type InvokeEventLike = { readonly senderFrame: SenderFrameLike };

/** The slice of Electron's ipcMain used here; tests pass an in-memory transport. */
export type IpcMainLike = {
  handle(channel: string, listener: (event: InvokeEventLike, payload: unknown) => Promise<unknown>): void;
  removeHandler(channel: string): void;
};

/** One async function per contract call, receiving parsed input. */
export type MainHandlers = { [C in IpcCall]: (input: IpcInput<C>) => Promise<IpcOutput<C>> };

/** Runs one call end to end: trust, input parsing, the handler, output validation. */
export async function dispatchIpcCall<C extends IpcCall>(
  call: C,
  handlers: MainHandlers,
  trusted: boolean,
  payload: unknown,
): Promise<IpcResult<IpcOutput<C>>> {
  if (!trusted) return { ok: false, error: { code: 'forbidden', message: `"${call}" was called from a frame that is not the app's own window` } };
  const input = parseIpcInput(call, payload);
  if (!input.ok) return input;
  try {
    const handler = handlers[call] as (i: IpcInput<C>) => Promise<IpcOutput<C>>;
    const output = await handler(input.data);
    const checked = ipcCalls[call].output.safeParse(output);
    if (!checked.success) return { ok: false, error: { code: 'failed', message: `the host produced an invalid result for "${call}"` } };
    return { ok: true, data: checked.data as IpcOutput<C> };
  } catch (error) {
    return { ok: false, error: toIpcError(error) };
  }
}

/**
 * The only place the app registers IPC handlers: every contract call gets a handler that checks
 * the sender frame, parses the payload from unknown and answers with an envelope — it never
 * throws across the boundary. Returns a function that removes the handlers again.
 */
export function registerIpcHandlers(
  ipcMain: IpcMainLike,
  handlers: MainHandlers,
  isTrustedSender: (frame: SenderFrameLike) => boolean,
): () => void {
  for (const call of ipcCallNames) {
    ipcMain.handle(call, async (event, payload) => {
      let trusted = false;
      try {
        trusted = isTrustedSender(event.senderFrame);
      } catch {
        // A frame that was destroyed mid-call throws on access; treat it as untrusted.
        trusted = false;
      }
      return dispatchIpcCall(call, handlers, trusted, payload);
    });
  }
  return () => {
    for (const call of ipcCallNames) ipcMain.removeHandler(call);
  };
}

/**
 * Registers on Electron's own module (`import * as electron from 'electron'`), so that the
 * transport object is named in this file only.
 */
export function registerElectronIpc(
  electronModule: { readonly ipcMain: IpcMainLike },
  handlers: MainHandlers,
  isTrustedSender: (frame: SenderFrameLike) => boolean,
): () => void {
  return registerIpcHandlers(electronModule.ipcMain, handlers, isTrustedSender);
}
