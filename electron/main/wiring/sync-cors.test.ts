import { describe, expect, it } from 'vitest';
import { allowAppSyncRequests, type WebRequestLike } from './sync-cors';

function fakeWebRequest() {
  const l: { send?: Parameters<WebRequestLike['onBeforeSendHeaders']>[1]; recv?: Parameters<WebRequestLike['onHeadersReceived']>[1] } = {};
  const wr: WebRequestLike = { onBeforeSendHeaders: (_f, fn) => void (l.send = fn), onHeadersReceived: (_f, fn) => void (l.recv = fn) };
  const send = (d: Parameters<NonNullable<typeof l.send>>[0]) => new Promise<unknown>((r) => l.send?.(d, r));
  const recv = (d: Parameters<NonNullable<typeof l.recv>>[0]) => new Promise<unknown>((r) => l.recv?.(d, r));
  return { wr, send, recv };
}

describe('the desktop app talking to a sync server that refuses browser origins', () => {
  it('drops the file page’s Origin: null and answers CORS for the app’s window only', async () => {
    const { wr, send, recv } = fakeWebRequest();
    allowAppSyncRequests(wr, (id) => id === 7);
    expect(await send({ webContentsId: 7, method: 'POST', requestHeaders: { Origin: 'null', Authorization: 'Bearer x' } })).toEqual({ requestHeaders: { Authorization: 'Bearer x' } });
    expect(await send({ webContentsId: 8, method: 'POST', requestHeaders: { Origin: 'null' } })).toEqual({});
    const pre = (await recv({ webContentsId: 7, method: 'OPTIONS', statusLine: 'HTTP/1.1 404 Not Found', responseHeaders: { 'access-control-allow-origin': ['https://x.example.com'] } })) as { statusLine: string; responseHeaders: Record<string, string[]> };
    expect(pre.statusLine).toBe('HTTP/1.1 204 No Content');
    expect(pre.responseHeaders).toMatchObject({ 'Access-Control-Allow-Origin': ['*'], 'Access-Control-Allow-Headers': ['authorization, content-type'] });
    expect(pre.responseHeaders['access-control-allow-origin']).toBeUndefined();
    expect(await recv({ webContentsId: 9, method: 'GET', statusLine: 'HTTP/1.1 200 OK', responseHeaders: {} })).toEqual({});
  });
});
