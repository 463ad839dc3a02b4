// Accounts and sessions over real HTTP, run on embedded PGlite and on PostgreSQL: throttling,
// enumeration timing, rehash, logout, sliding expiry, event tickets and the admin's People API.
import { scryptSync } from 'node:crypto';
import { expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../shared/sync';
import { createServer, type ServerOptions } from '../../server/app';
import type { Db } from '../../server/db/types';
import { listen } from '../../server/http';
import { addUser } from './harness';

type Http = { url: string; close: () => Promise<void> };
type Clock = { now: number };

// Every test signs in from its own address (X-Forwarded-For, trusted here), so failures counted in
// one test never throttle another.
let address = '';
let addressSeq = 0;

async function serve(db: Db, clock: Clock, extra: Partial<ServerOptions> = {}): Promise<Http & { stop: () => Promise<void> }> {
  address = `192.0.2.${++addressSeq}`;
  const server = createServer({ db, now: () => clock.now, tokenTtlMs: 3600_000, trustProxy: true, ...extra });
  const http = await listen(server, 0);
  return { ...http, stop: async () => (await http.close(), await server.close()) };
}

const json = (url: string, path: string, body: unknown, token?: string, headers: Record<string, string> = {}) =>
  fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forwarded-for': address, ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers }, body: JSON.stringify(body) });
const login = (url: string, email: string, password: string, headers: Record<string, string> = {}) => json(url, '/auth/login', { email, password }, undefined, headers);
async function tokenOf(url: string, email: string, password: string): Promise<string> {
  const res = await login(url, email, password);
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}
const pullStatus = async (url: string, token: string) => (await json(url, '/pull', { clientId: `c-${token.slice(0, 8)}`, cursor: 0, schemaVersion: SCHEMA_VERSION }, token)).status;
const errorOf = async (res: Response) => ((await res.json()) as { error: { code: string; message: string } }).error;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

export function runAccountsSuite(getDb: () => Db, label: string): void {
  it(`throttles one account after repeated failures with 429 and Retry-After; colleagues are unaffected; the wait ends (${label})`, async () => {
    const clock = { now: Date.now() };
    const s = await serve(getDb(), clock);
    try {
      const victim = await addUser(getDb(), `t-throttle-${label}`);
      const colleague = await addUser(getDb(), `t-throttle-${label}`);
      for (let i = 0; i < 5; i++) expect((await login(s.url, victim.email, 'wrong-password')).status).toBe(401);
      const locked = await login(s.url, victim.email, 'wrong-password');
      expect(locked.status).toBe(429);
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
      // Even the right password waits: otherwise guessing would just continue.
      const right = await login(s.url, victim.email, victim.password);
      expect(right.status).toBe(429);
      expect((await errorOf(right)).code).toBe('too_many_attempts');
      expect((await login(s.url, colleague.email, colleague.password)).status).toBe(200);
      // Each further failure doubles the wait.
      clock.now += 1_500;
      expect((await login(s.url, victim.email, 'wrong-again')).status).toBe(401);
      const longer = await login(s.url, victim.email, victim.password);
      expect(Number(longer.headers.get('retry-after'))).toBe(2);
      clock.now += 2_500;
      expect((await login(s.url, victim.email, victim.password)).status).toBe(200);
      // A success forgets the account's failures.
      expect((await login(s.url, victim.email, 'wrong-password')).status).toBe(401);
      expect((await login(s.url, victim.email, victim.password)).status).toBe(200);
    } finally {
      await s.stop();
    }
  });

  it(`throttles one client address trying many accounts, and not another address (${label})`, async () => {
    const clock = { now: Date.now() };
    const s = await serve(getDb(), clock);
    try {
      const u = await addUser(getDb(), `t-spray-${label}`);
      const from = (a: string) => ({ 'x-forwarded-for': a });
      for (let i = 0; i < 20; i++) expect((await login(s.url, `nobody${i}@example.com`, 'guess-guess', from('203.0.113.7'))).status).toBe(401);
      expect((await login(s.url, u.email, u.password, from('203.0.113.7'))).status).toBe(429);
      expect((await login(s.url, u.email, u.password, from('198.51.100.2'))).status).toBe(200);
    } finally {
      await s.stop();
    }
  });

  it(`answers an unknown e-mail no faster than a known one (medians within noise) (${label})`, async () => {
    const clock = { now: Date.now() };
    // A realistic hash cost, so skipping the check for unknown e-mails would show; no throttling in the way.
    const s = await serve(getDb(), clock, { scrypt: { logN: 14, r: 8, p: 1 }, throttle: { accountFree: 1000, addressFree: 1000, baseLockMs: 1000, maxLockMs: 1000, forgetMs: 1000 } });
    try {
      const u = await addUser(getDb(), `t-enum-${label}`);
      expect((await login(s.url, u.email, u.password)).status).toBe(200); // rehashed to this server's cost
      const known: number[] = [];
      const unknown: number[] = [];
      for (let i = 0; i < 9; i++) {
        for (const [email, into] of [[u.email, known], [`ghost-${i}@example.com`, unknown]] as const) {
          const t0 = performance.now();
          expect((await login(s.url, email, 'not-the-password')).status).toBe(401);
          into.push(performance.now() - t0);
        }
      }
      // Without the dummy check an unknown e-mail answered in ~1/10 of the time.
      expect(median(unknown)).toBeGreaterThan(median(known) * 0.5);
      expect(median(unknown)).toBeLessThan(median(known) * 2);
    } finally {
      await s.stop();
    }
  });

  it(`rehashes a password stored with older parameters at the next successful login (${label})`, async () => {
    const clock = { now: Date.now() };
    const s = await serve(getDb(), clock, { scrypt: { logN: 11, r: 8, p: 1 } });
    try {
      const u = await addUser(getDb(), `t-rehash-${label}`);
      // The format before parameters were stored: Node's defaults (N = 2^14), salt and hash only.
      const salt = Buffer.from('0123456789abcdef');
      const legacy = `scrypt$${salt.toString('base64')}$${scryptSync(u.password, salt, 32).toString('base64')}`;
      await getDb().query('UPDATE users SET password_hash = $2 WHERE id = $1', [u.id, legacy]);
      const hashOf = async () => (await getDb().query<{ h: string }>('SELECT password_hash AS h FROM users WHERE id = $1', [u.id]))[0]?.h;
      expect((await login(s.url, u.email, 'wrong-password')).status).toBe(401);
      expect(await hashOf()).toBe(legacy);
      expect((await login(s.url, u.email, u.password)).status).toBe(200);
      expect(await hashOf()).toMatch(/^scrypt\$ln=11,r=8,p=1\$/);
      expect((await login(s.url, u.email, u.password)).status).toBe(200);
    } finally {
      await s.stop();
    }
  });

  it(`logout revokes that session only; expired sessions are purged; an active session slides (${label})`, async () => {
    const clock = { now: Date.now() };
    const s = await serve(getDb(), clock);
    try {
      const u = await addUser(getDb(), `t-logout-${label}`);
      const laptop = await tokenOf(s.url, u.email, u.password);
      const phone = await tokenOf(s.url, u.email, u.password);
      expect((await json(s.url, '/auth/logout', {}, laptop)).status).toBe(200);
      expect(await pullStatus(s.url, laptop)).toBe(401);
      expect(await pullStatus(s.url, phone)).toBe(200);
      // A device in use all day (a request every 50 minutes with a one-hour lifetime) stays signed in.
      for (let i = 0; i < 6; i++) {
        clock.now += 50 * 60_000;
        expect(await pullStatus(s.url, phone)).toBe(200);
      }
      const idle = await tokenOf(s.url, u.email, u.password);
      clock.now += 61 * 60_000;
      expect(await pullStatus(s.url, idle)).toBe(401);
      await tokenOf(s.url, u.email, u.password);
      const left = await getDb().query<{ n: string | number }>('SELECT count(*) AS n FROM tokens WHERE user_id = $1 AND expires_at <= $2', [u.id, new Date(clock.now).toISOString()]);
      expect(Number(left[0]?.n)).toBe(0);
    } finally {
      await s.stop();
    }
  });

  it(`the event stream opens with a one-minute ticket or the header; ?token= works nowhere (${label})`, async () => {
    const clock = { now: Date.now() };
    const s = await serve(getDb(), clock);
    try {
      const u = await addUser(getDb(), `t-ticket-${label}`);
      const token = await tokenOf(s.url, u.email, u.password);
      const open = async (query: string, headers: Record<string, string> = {}) => {
        const abort = new AbortController();
        const res = await fetch(`${s.url}/events${query}`, { headers, signal: abort.signal });
        abort.abort();
        return res.status;
      };
      expect(await open(`?token=${encodeURIComponent(token)}`)).toBe(401);
      expect((await fetch(`${s.url}/pull?token=${encodeURIComponent(token)}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' })).status).toBe(401);
      expect(await open('', { authorization: `Bearer ${token}` })).toBe(200);
      const res = await json(s.url, '/auth/events-ticket', {}, token);
      const { ticket } = (await res.json()) as { ticket: string };
      expect(await open(`?ticket=${encodeURIComponent(ticket)}`)).toBe(200);
      // A ticket is not a session.
      expect(await pullStatus(s.url, ticket)).toBe(401);
      clock.now += 61_000;
      expect(await open(`?ticket=${encodeURIComponent(ticket)}`)).toBe(401);
    } finally {
      await s.stop();
    }
  });

  it(`admins manage people through the API: add, change, deactivate (revokes); others get 403; bad input changes nothing (${label})`, async () => {
    const clock = { now: Date.now() };
    const s = await serve(getDb(), clock);
    const tenant = `t-people-${label}`;
    try {
      const admin = await addUser(getDb(), tenant, 'admin');
      const agent = await addUser(getDb(), tenant, 'agent');
      const stranger = await addUser(getDb(), `${tenant}-other`, 'agent');
      const adminToken = await tokenOf(s.url, admin.email, admin.password);
      const agentToken = await tokenOf(s.url, agent.email, agent.password);
      expect((await fetch(`${s.url}/people`, { headers: { authorization: `Bearer ${agentToken}` } })).status).toBe(403);
      expect((await json(s.url, '/people', { email: 'x@example.com' }, agentToken)).status).toBe(403);

      const newcomer = { email: 'Nora@Example.com', name: 'Nora North', role: 'field_engineer', region: 'emea', calendarId: 'weekdays-0830-1700', skills: ['edge-routers'], password: 'nora-long-password' };
      const short = await json(s.url, '/people', { ...newcomer, password: 'short' }, adminToken);
      expect(short.status).toBe(400);
      expect((await errorOf(short)).message).toMatch(/at least 10 characters/);
      const badCalendar = await json(s.url, '/people', { ...newcomer, calendarId: 'mars' }, adminToken);
      expect(badCalendar.status).toBe(400);
      expect((await errorOf(badCalendar)).message).toMatch(/unknown calendar "mars"/);
      expect((await login(s.url, newcomer.email, newcomer.password)).status).toBe(401);
      const added = await json(s.url, '/people', newcomer, adminToken);
      expect(added.status).toBe(201);
      const nora = ((await added.json()) as { person: { id: string } }).person;
      expect((await json(s.url, '/people', newcomer, adminToken)).status).toBe(409);
      const noraToken = await tokenOf(s.url, newcomer.email, newcomer.password);

      const changed = await json(s.url, `/people/${nora.id}`, { role: 'dispatcher', region: 'apac', skills: ['data-vault'] }, adminToken);
      expect(changed.status).toBe(200);
      expect(((await changed.json()) as { person: unknown }).person).toMatchObject({ role: 'dispatcher', region: 'apac', skills: ['data-vault'], active: true });
      expect((await json(s.url, `/people/${nora.id}`, { role: 'king' }, adminToken)).status).toBe(400);
      expect((await json(s.url, `/people/${stranger.id}`, { region: 'x' }, adminToken)).status).toBe(404);
      expect((await json(s.url, `/people/${admin.id}/deactivate`, {}, adminToken)).status).toBe(409);
      // Devices pull the new profile from the directory.
      const page = (await (await json(s.url, '/pull', { clientId: 'people-check', cursor: 0, schemaVersion: SCHEMA_VERSION }, agentToken)).json()) as { rows: Array<{ table: string; id: string; data: unknown }> };
      expect(page.rows.find((r) => r.table === 'engineers' && r.id === nora.id)?.data).toMatchObject({ role: 'dispatcher', region: 'apac', skills: ['data-vault'], email: 'nora@example.com' });

      expect((await json(s.url, `/people/${nora.id}/deactivate`, {}, adminToken)).status).toBe(200);
      expect(await pullStatus(s.url, noraToken)).toBe(401);
      expect((await login(s.url, newcomer.email, newcomer.password)).status).toBe(401);
      const list = (await (await fetch(`${s.url}/people`, { headers: { authorization: `Bearer ${adminToken}` } })).json()) as { people: Array<{ id: string; active: boolean }> };
      expect(list.people.map((p) => p.id).sort()).toEqual([admin.id, agent.id, nora.id].sort());
      expect(list.people.find((p) => p.id === nora.id)?.active).toBe(false);
      expect((await json(s.url, `/people/${nora.id}/reactivate`, {}, adminToken)).status).toBe(200);
      expect((await login(s.url, newcomer.email, newcomer.password)).status).toBe(200);
    } finally {
      await s.stop();
    }
  });
}
