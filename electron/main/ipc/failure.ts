import type { IpcError } from '../../../shared/ipc';

/**
 * A handler throws this to answer with a specific envelope code (e.g. 'forbidden' for a URL
 * outside the allowlist); any other thrown error becomes code 'failed'.
 */
export class IpcFailure extends Error {
  readonly code: IpcError['code'];

  constructor(code: IpcError['code'], message: string) {
    super(message);
    this.name = 'IpcFailure';
    this.code = code;
  }
}

/** Turns anything a handler threw into an envelope error without leaking a stack trace. */
export function toIpcError(error: unknown): IpcError {
  if (error instanceof IpcFailure) return { code: error.code, message: error.message };
  const message = error instanceof Error ? error.message : String(error);
  return { code: 'failed', message: message || 'the host could not complete the request' };
}
