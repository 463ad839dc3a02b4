import { extname, join, normalize, sep } from 'node:path';
import { isLoopbackHost } from '../../shared/sync/server-url';

// Where the window's page comes from. The packaged app serves its own files from a custom
// app:// origin (not file://, which would give the page every local file's origin rules), and a
// development server is accepted only when the app is not packaged and the server is on this
// machine: otherwise anyone who can start the app with an environment variable would choose the
// page that gets the bridge (and with it the decrypted sync token).

export const appScheme = 'app';
export const appHost = 'renderer';
/** The URL the window loads in a packaged (or previewed) app. */
export const appIndexUrl = `${appScheme}://${appHost}/index.html`;

/** How app:// must be registered before `ready`: a standard, secure origin so IndexedDB, fetch and CSP 'self' work. */
export const appSchemePrivileges = {
  scheme: appScheme,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true },
};

/** True for an http(s) URL whose host is this machine (localhost, 127.0.0.0/8, ::1). */
export function isLoopbackHttpUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return false;
  return isLoopbackHost(url.hostname);
}

/** ELECTRON_RENDERER_URL, honoured only in development and only for a loopback origin; otherwise null. */
export function devServerUrlFrom(env: Record<string, string | undefined>, isPackaged: boolean): string | null {
  const value = env['ELECTRON_RENDERER_URL'];
  if (isPackaged || !value) return null;
  return isLoopbackHttpUrl(value) ? value : null;
}

/** The page to load: the dev server when allowed, else the app's own origin. */
export function rendererEntryUrl(devServerUrl: string | null): string {
  return devServerUrl ?? appIndexUrl;
}

const mimeTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

/** The file an app:// request maps to inside the renderer folder, or null for anything else (other hosts, traversal). */
export function resolveAppRequest(rendererDir: string, requestUrl: string): { path: string; mime: string } | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${appScheme}:` || url.host !== appHost) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const relativePath = normalize(pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, ''));
  if (relativePath.startsWith('..') || relativePath.split(sep).includes('..')) return null;
  const mime = mimeTypes[extname(relativePath).toLowerCase()];
  if (!mime) return null;
  return { path: join(rendererDir, relativePath), mime };
}

/** The app:// handler: serves files from the renderer folder and nothing else. */
export function createAppProtocolHandler(rendererDir: string, readFile: (path: string) => Promise<Uint8Array<ArrayBuffer>>): (request: Request) => Promise<Response> {
  return async (request) => {
    const file = resolveAppRequest(rendererDir, request.url);
    if (!file) return new Response('Not found', { status: 404 });
    try {
      const body = await readFile(file.path);
      return new Response(body, { status: 200, headers: { 'content-type': file.mime } });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  };
}
