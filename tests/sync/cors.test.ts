// Which web pages may talk to the sync server: only the configured origins (default: the app's own
// web host on loopback). Over real HTTP, on embedded PGlite.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listen } from '../../server/http';
import { DEFAULT_ALLOWED_ORIGINS, parseOrigins } from '../../server/origins';
import type { Db } from '../../server/db/types';
import { addUser, createServer, memoryDb } from './harness';

let db: Db;
let server: ReturnType<typeof createServer>;
let http: Awaited<ReturnType<typeof listen>>;
const WEB_HOST = 'http://127.0.0.1:4415';
beforeAll(async () => {
  db = await memoryDb();
  server = createServer({ db, allowedOrigins: [WEB_HOST] });
  http = await listen(server, 0);
});
afterAll(async () => {
  await http.close();
  await server.close();
  await db.close();
});

const preflight = (origin: string) =>
  fetch(`${http.url}/auth/login`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } });
const loginFrom = (origin: string | undefined, email: string, password: string) =>
  fetch(`${http.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', ...(origin ? { origin } : {}) }, body: JSON.stringify({ email, password }) });

describe('the sync server from a browser', () => {
  it('answers the configured web host’s preflight and requests with its origin, never with *', async () => {
    const u = await addUser(db, 't-cors');
    const pre = await preflight(WEB_HOST);
    expect(pre.status).toBeLessThan(300);
    expect(pre.headers.get('access-control-allow-origin')).toBe(WEB_HOST);
    expect(pre.headers.get('access-control-allow-headers')).toMatch(/content-type/i);
    const res = await loginFrom(WEB_HOST, u.email, u.password);
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe(WEB_HOST);
    // Attachment uploads send their pieces with PUT.
    const piece = await fetch(`${http.url}/attachments/uploads/${'a'.repeat(64)}?offset=0`, { method: 'OPTIONS', headers: { origin: WEB_HOST, 'access-control-request-method': 'PUT', 'access-control-request-headers': 'authorization, content-type' } });
    expect(piece.status).toBeLessThan(300);
    expect(piece.headers.get('access-control-allow-methods')).toMatch(/PUT/);
  });

  it('refuses any other page, preflight and request, before signing anyone in', async () => {
    const u = await addUser(db, 't-cors-evil');
    for (const origin of ['https://evil.example.com', 'null', 'http://127.0.0.1:4173']) {
      const pre = await preflight(origin);
      expect(pre.status).toBe(403);
      expect(pre.headers.get('access-control-allow-origin')).toBeNull();
      const res = await loginFrom(origin, u.email, u.password);
      expect(res.status).toBe(403);
      expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'origin_not_allowed', message: expect.stringContaining('CORS_ORIGINS') });
    }
    expect(await db.query('SELECT 1 FROM tokens t JOIN users u ON u.id = t.user_id WHERE u.id = $1', [u.id])).toHaveLength(0);
    // Without an Origin header (the desktop host, scripts) CORS does not apply.
    expect((await loginFrom(undefined, u.email, u.password)).status).toBe(200);
  });

  it('says only "ok" on /health without a session', async () => {
    const res = await fetch(`${http.url}/health`);
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('ok');
  });

  it('reads the allowed origins from configuration and names a bad entry', () => {
    expect(DEFAULT_ALLOWED_ORIGINS).toContain('http://127.0.0.1:4173');
    expect(DEFAULT_ALLOWED_ORIGINS.every((o) => /^http:\/\/(127\.0\.0\.1|localhost):\d+$/.test(o))).toBe(true);
    expect(parseOrigins(['https://desk.example.com, http://127.0.0.1:4173/', 'https://desk.example.com'])).toEqual(['https://desk.example.com', 'http://127.0.0.1:4173']);
    expect(() => parseOrigins(['desk.example.com'])).toThrow(/"desk.example.com" is not an origin/);
    expect(() => parseOrigins(['https://desk.example.com/app'])).toThrow(/write it as https:\/\/desk.example.com/);
  });
});
