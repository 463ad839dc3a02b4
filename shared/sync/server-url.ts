// The sync server gets the user's password at sign-in and a bearer token on every request, so
// they must not travel in clear over a network: https:// to any host, plain http:// only to this
// machine (a server started with `npm run server`, or a local tunnel).

const loopbackHosts = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True for a host name that is this machine: localhost, 127.0.0.0/8 or ::1. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return loopbackHosts.has(host) || /^127(\.\d{1,3}){3}$/.test(host);
}

export type SyncServerUrlCheck = { ok: true; url: string } | { ok: false; reason: 'invalid' | 'insecure' };

// shared/ has no URL class (no DOM, no Node): the accepted shape is matched strictly instead.
// scheme://host[:port][/path] — no user:password@, no query, no fragment.
const serverUrlShape = /^(https?):\/\/([A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(:\d{1,5})?(\/[^\s?#@]*)?$/i;

/** Checks a sync server address; returns it without trailing slashes, or why it is refused. */
export function checkSyncServerUrl(value: string): SyncServerUrlCheck {
  const trimmed = value.trim();
  const m = serverUrlShape.exec(trimmed);
  if (!m) return { ok: false, reason: 'invalid' };
  const [, scheme = '', host = ''] = m;
  if (host.startsWith('.') || host.endsWith('.') || host.includes('..')) return { ok: false, reason: 'invalid' };
  if (scheme.toLowerCase() === 'http' && !isLoopbackHost(host)) return { ok: false, reason: 'insecure' };
  return { ok: true, url: trimmed.replace(/\/+$/, '') };
}
