import { describe, expect, it } from 'vitest';
import { createBridge } from './bridge';
import type { PreloadTransport } from './bridge';

function fakeTransport(answer: (channel: string, payload: unknown) => Promise<unknown>) {
  const listeners = new Map<string, Set<(p: unknown) => void>>();
  const transport: PreloadTransport = {
    invoke: answer,
    subscribe(channel, listener) {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
      return () => set.delete(listener);
    },
  };
  const push = (channel: string, payload: unknown): void => listeners.get(channel)?.forEach((l) => l(payload));
  return { transport, push, count: (c: string) => listeners.get(c)?.size ?? 0 };
}

describe('preload bridge', () => {
  it('passes calls through and returns the envelope from main', async () => {
    const seen: unknown[] = [];
    const { transport } = fakeTransport((channel, payload) => {
      seen.push([channel, payload]);
      return Promise.resolve({ ok: true, data: { token: 'x' } });
    });
    const bridge = createBridge(transport);
    expect(await bridge.invoke('secrets.getToken', { serverUrl: 'https://sync.example.com' })).toEqual({ ok: true, data: { token: 'x' } });
    expect(seen).toEqual([['secrets.getToken', { serverUrl: 'https://sync.example.com' }]]);
  });

  it('answers unknown calls and transport failures with an envelope instead of throwing', async () => {
    const { transport } = fakeTransport(() => Promise.reject(new Error('No handler registered')));
    const bridge = createBridge(transport);
    const unknownCall = 'fs.readFile' as 'app.info';
    expect(await bridge.invoke(unknownCall, {})).toMatchObject({ ok: false, error: { code: 'unknown_call' } });
    expect(await bridge.invoke('app.info', {})).toMatchObject({ ok: false, error: { code: 'failed', message: 'No handler registered' } });
  });

  it('delivers only well-formed event payloads and unsubscribes', () => {
    const { transport, push, count } = fakeTransport(() => Promise.resolve(null));
    const bridge = createBridge(transport);
    const got: string[] = [];
    const off = bridge.on('ticket.open', (p) => got.push(p.ticketId));
    push('ticket.open', { ticketId: 'SD-A-0001' });
    push('ticket.open', { ticketId: '' });
    push('ticket.open', 'garbage');
    expect(got).toEqual(['SD-A-0001']);
    off();
    expect(count('ticket.open')).toBe(0);
  });

  it('refuses to subscribe to events outside the contract', () => {
    const { transport } = fakeTransport(() => Promise.resolve(null));
    const bridge = createBridge(transport);
    expect(() => bridge.on('ipc.raw' as 'sync.requested', () => undefined)).toThrow(/not a host event/);
  });
});
