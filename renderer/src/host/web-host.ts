import { ipcCalls, parseIpcInput, describeZodError, type IpcCall, type IpcError, type IpcEvent, type IpcEventPayload } from '../../../shared/ipc';
import { unwrapping, type Host } from './host';
import type { EventHub } from './event-hub';
import { createEventHub } from './event-hub';
import { ForbiddenError, InvalidInputError, type WebHandlers } from './web-handlers';

export type WebHost = Host & { emit<E extends IpcEvent>(event: E, payload: IpcEventPayload<E>): void };

function errorCode(e: unknown): IpcError['code'] {
  if (e instanceof ForbiddenError) return 'forbidden';
  if (e instanceof InvalidInputError) return 'invalid_input';
  return 'failed';
}

/**
 * The host in a plain browser. It parses inputs and outputs against the same contract as the
 * Electron main process, so the one contract suite holds for both.
 */
export function createWebHost(handlers: WebHandlers, hub: EventHub = createEventHub(), extras: Pick<Host, 'notificationControl'> = {}): WebHost {
  const call: Host['call'] = async (name, input) => {
    if (!Object.hasOwn(ipcCalls, name)) return { ok: false, error: { code: 'unknown_call', message: `no such call: ${String(name)}` } };
    const parsed = parseIpcInput(name, input);
    if (!parsed.ok) return parsed;
    try {
      const handler = handlers[name] as (i: unknown) => Promise<unknown>;
      const output = ipcCalls[name as IpcCall].output.safeParse(await handler(parsed.data));
      if (!output.success) return { ok: false, error: { code: 'failed', message: describeZodError(output.error) } };
      return { ok: true, data: output.data as never };
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      return { ok: false, error: { code: errorCode(e), message } };
    }
  };
  return { kind: 'web', call, invoke: unwrapping(call), on: hub.on, emit: hub.emit, ...extras };
}
