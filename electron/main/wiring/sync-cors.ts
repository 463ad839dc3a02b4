import type { Session } from 'electron';

type Headers = Record<string, string | string[]>;
type RequestDetails = { webContentsId?: number; method: string; requestHeaders: Headers };
type ResponseDetails = { webContentsId?: number; method: string; statusLine: string; responseHeaders?: Record<string, string[]> };
/** The part of Electron's webRequest this module uses (a fake in tests). */
export type WebRequestLike = {
  onBeforeSendHeaders: (filter: { urls: string[] }, listener: (d: RequestDetails, cb: (r: { requestHeaders?: Headers }) => void) => void) => void;
  onHeadersReceived: (filter: { urls: string[] }, listener: (d: ResponseDetails, cb: (r: { responseHeaders?: Record<string, string[]>; statusLine?: string }) => void) => void) => void;
};

const NETWORK = { urls: ['http://*/*', 'https://*/*'] };

/**
 * The desktop renderer is served from the app's own app:// origin, which is no web origin the
 * sync server knows (and during development it may be a loopback dev server): Chromium's CORS
 * rules would refuse the server's answers. For the app's own window only, the Origin header is dropped (the server then
 * treats the desktop app like any other non-browser client, authenticated by its token) and the
 * CORS answer Chromium needs is supplied here. Requests of any other page are left untouched.
 */
export function allowAppSyncRequests(webRequest: WebRequestLike | Session['webRequest'], isAppContents: (id: number | undefined) => boolean): void {
  const wr = webRequest as WebRequestLike;
  wr.onBeforeSendHeaders(NETWORK, (d, cb) => {
    if (!isAppContents(d.webContentsId)) return cb({});
    const requestHeaders = Object.fromEntries(Object.entries(d.requestHeaders).filter(([k]) => k.toLowerCase() !== 'origin'));
    cb({ requestHeaders });
  });
  wr.onHeadersReceived(NETWORK, (d, cb) => {
    if (!isAppContents(d.webContentsId)) return cb({});
    const responseHeaders = Object.fromEntries(Object.entries(d.responseHeaders ?? {}).filter(([k]) => !k.toLowerCase().startsWith('access-control-')));
    responseHeaders['Access-Control-Allow-Origin'] = ['*'];
    responseHeaders['Access-Control-Allow-Headers'] = ['authorization, content-type'];
    responseHeaders['Access-Control-Allow-Methods'] = ['GET, POST, PUT, OPTIONS'];
    responseHeaders['Access-Control-Expose-Headers'] = ['retry-after'];
    // A preflight the server did not route (it saw no Origin) still has to succeed.
    cb(d.method === 'OPTIONS' ? { responseHeaders, statusLine: 'HTTP/1.1 204 No Content' } : { responseHeaders });
  });
}
