import { describe, expect, it } from 'vitest';
import { openDb } from '../../renderer/src/data/db';
import { LoginError, loginToServer, logout, signIn } from '../../renderer/src/data/login';
import { getActor, runMutation } from '../../renderer/src/data/mutate';
import { createSyncClient } from '../../renderer/src/data/sync-client';
import { addUser, appFetch, inProcessServer, newTicket } from './harness';

let clock = Date.now();
const env = inProcessServer({ now: () => clock, tokenTtlMs: 3600_000 });

describe('loginToServer, 401 and logout', () => {
  it('logs in with e-mail and password and says who the user is; wrong passwords and an unreachable server are explained', async () => {
    const u = await addUser(env.db, 't-login', 'dispatcher', 'east');
    const r = await loginToServer('http://test/', u.email, u.password, appFetch(env.server));
    expect(r.user).toEqual({ id: u.id, role: 'dispatcher', region: 'east', tenant: 't-login', email: u.email });
    expect(r.token.length).toBeGreaterThan(20);
    await expect(loginToServer('http://test', u.email, 'wrong', appFetch(env.server))).rejects.toMatchObject({ code: 'bad_credentials' });
    await expect(loginToServer('http://test', u.email, u.password, appFetch(env.server, { value: false }))).rejects.toBeInstanceOf(LoginError);
    await expect(loginToServer('http://test', u.email, u.password, appFetch(env.server, { value: false }))).rejects.toMatchObject({ code: 'offline' });
  });

  it('an e-mail in two tenants needs the tenant', async () => {
    const a = await addUser(env.db, 't-one');
    await env.db.query('INSERT INTO tenants (id, name) VALUES ($1, $1) ON CONFLICT DO NOTHING', ['t-two']);
    const hash = (await env.db.query<{ h: string }>('SELECT password_hash AS h FROM users WHERE id = $1', [a.id]))[0]?.h;
    await env.db.query(`INSERT INTO users (id, tenant_id, email, role, region, password_hash) VALUES ('u-twin', 't-two', $1, 'agent', 'north', $2)`, [a.email, hash]);
    await expect(loginToServer('http://test', a.email, a.password, appFetch(env.server))).rejects.toMatchObject({ code: 'tenant_required' });
    expect((await loginToServer('http://test', a.email, a.password, appFetch(env.server), 't-two')).user.id).toBe('u-twin');
  });

  it('an expired session keeps the queue and asks to log in; after logging in again the queue syncs; logout keeps unsent work', async () => {
    const u = await addUser(env.db, 't-relogin');
    const local = openDb(`sd-login-${process.pid}`);
    let token = '';
    const first = await loginToServer('http://test', u.email, u.password, appFetch(env.server));
    await signIn(local, first);
    token = first.token;
    expect(await getActor(local)).toEqual({ userId: u.id, role: 'agent', region: 'north' });
    const sync = createSyncClient({ db: local, baseUrl: 'http://test', getToken: () => token, fetch: appFetch(env.server), intervalMs: 0, now: () => clock });
    const t = newTicket();
    await runMutation(local, 'ticket.create@1', { ticket: t });
    clock += 2 * 3600_000; // the token has expired
    expect(await sync.syncNow()).toMatchObject({ state: 'error', needsLogin: true, pending: 1 });
    expect(sync.status.get().nextRetryAt).toBeUndefined();

    const again = await loginToServer('http://test', u.email, u.password, appFetch(env.server));
    token = again.token;
    expect(await sync.syncNow()).toMatchObject({ state: 'idle', needsLogin: false, pending: 0 });
    expect(await env.db.query(`SELECT id FROM entities WHERE tenant_id = 't-relogin' AND tbl = 'tickets'`)).toEqual([{ id: t.id }]);

    await runMutation(local, 'timeline.addNote@1', { ticketId: t.id, visibility: 'internal', text: 'written before logging out' });
    await logout(local);
    token = '';
    expect((await getActor(local)).userId).toBe('local');
    expect(await sync.syncNow()).toMatchObject({ needsLogin: true, pending: 1 });
    expect(await local.outbox.count()).toBe(1);
    sync.stop();
    local.close();
  });
});
