import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMutation } from '../../renderer/src/data/mutate';
import { listen } from '../../server/http';
import { addUser, createServer, freePort, hasPostgres, makeClient, newTicket, postgresDb, snapshot, usePostgresCluster } from './harness';
import { runScopeChangeSuite } from './scope-change-suite';
import { runTrustSuite } from './trust-suite';

const suite = hasPostgres ? describe : describe.skip;

suite('sync over a real PostgreSQL 15 cluster', () => {
  const pg = usePostgresCluster();

  async function startChild(port: number): Promise<ChildProcess> {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], { env: { ...process.env, DATABASE_URL: pg.url, PORT: String(port), HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('server did not start')), 20_000);
      child.stdout?.on('data', (d: Buffer) => {
        if (d.toString().includes('sync server on')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.on('exit', (code) => reject(new Error(`server exited ${code}`)));
    });
    return child;
  }

  it('a server killed (SIGKILL) mid-push and restarted loses nothing and doubles nothing', async () => {
    const tenant = 'pg-kill';
    const user = await addUser(pg.db, tenant);
    const port = await freePort();
    let child = await startChild(port);
    const base = `http://127.0.0.1:${port}`;
    const login = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenant, email: user.email, password: user.password }) });
    const { token } = (await login.json()) as { token: string };
    const probe = createServer({ db: pg.db });
    const client = await makeClient(probe, user, { fetch: (i, init) => fetch(i, init) });
    const { createSyncClient } = await import('../../renderer/src/data/sync-client');
    const sync = createSyncClient({ db: client.db, baseUrl: base, getToken: () => token, intervalMs: 0, pushBatch: 20, random: () => 0.5 });
    const t = newTicket();
    await runMutation(client.db, 'ticket.create@1', { ticket: t });
    for (let i = 0; i < 300; i++) await runMutation(client.db, 'timeline.addNote@1', { ticketId: t.id, visibility: 'internal', text: `note ${i}` });

    const running = sync.syncNow();
    // Kill the server as soon as it has applied part of the queue.
    for (;;) {
      const [row] = await pg.db.query<{ last: string }>('SELECT last_mutation_id AS last FROM clients WHERE tenant_id = $1', [tenant]);
      if (Number(row?.last ?? 0) >= 30) break;
      await new Promise((r) => setTimeout(r, 5));
    }
    child.kill('SIGKILL');
    const interrupted = await running;
    sync.stop();
    expect(interrupted.state).not.toBe('idle');
    expect(await client.db.outbox.count()).toBeGreaterThan(0);

    child = await startChild(port);
    try {
      const done = await sync.syncNow();
      sync.stop();
      expect(done).toMatchObject({ state: 'idle', pending: 0 });
    } finally {
      child.kill('SIGKILL');
    }
    const notes = await pg.db.query<{ text: string }>(`SELECT data->>'text' AS text FROM entities WHERE tenant_id = $1 AND data->>'kind' = 'note'`, [tenant]);
    expect(notes).toHaveLength(300);
    expect(new Set(notes.map((n) => n.text)).size).toBe(300);
    expect(await client.db.timeline.where('ticketId').equals(t.id).count()).toBe(301);
    await probe.close();
  });

  it('two instances over one database behave the same, and a push on one pokes SSE listeners on the other (LISTEN/NOTIFY)', async () => {
    const tenant = 'pg-two';
    const db2 = await postgresDb(pg.url);
    const one = createServer({ db: pg.db });
    const two = createServer({ db: db2, heartbeatSeconds: 1 });
    const h1 = await listen(one, 0);
    const h2 = await listen(two, 0);
    try {
      const ua = await addUser(pg.db, tenant);
      const ub = await addUser(db2, tenant, 'dispatcher');
      const a = await makeClient(one, ua);
      const b = await makeClient(two, ub);
      const t = newTicket();

      // Listen for pokes on instance two, over real HTTP.
      const tokenB = (await (await fetch(`${h2.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenant, email: ub.email, password: ub.password }) })).json()) as { token: string };
      const abort = new AbortController();
      const stream = await fetch(`${h2.url}/events`, { headers: { authorization: `Bearer ${tokenB.token}` }, signal: abort.signal });
      const reader = stream.body?.getReader();
      if (!reader) throw new Error('no SSE body');
      const poked = (async () => {
        let text = '';
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return false;
          text += new TextDecoder().decode(value);
          if (text.includes('event: poke')) return true;
        }
      })();
      // Wait for the stream to be subscribed before pushing.
      await new Promise((r) => setTimeout(r, 300));
      await runMutation(a.db, 'ticket.create@1', { ticket: t });
      await a.sync.syncNow();
      const got = await Promise.race([poked, new Promise<boolean>((r) => setTimeout(() => r(false), 5000))]);
      abort.abort();
      expect(got).toBe(true);

      // Concurrent edits through different instances are decided the same way as through one.
      await b.sync.syncNow();
      await runMutation(a.db, 'ticket.update@1', { ticketId: t.id, changes: { title: 'via one' } });
      await runMutation(b.db, 'ticket.update@1', { ticketId: t.id, changes: { title: 'via two' } });
      await Promise.all([a.sync.syncNow(), b.sync.syncNow()]);
      await Promise.all([a.sync.syncNow(), b.sync.syncNow()]);
      await a.sync.syncNow();
      expect(await snapshot(a.db)).toEqual(await snapshot(b.db));
      expect((await a.db.conflicts.toArray()).filter((c) => c.field === 'title')).toHaveLength(1);
      const [v] = await pg.db.query<{ version: string }>('SELECT version FROM tenants WHERE id = $1', [tenant]);
      const versions = await pg.db.query<{ version: string }>('SELECT DISTINCT version FROM entities WHERE tenant_id = $1', [tenant]);
      expect(versions.length).toBeLessThanOrEqual(Number(v?.version));
    } finally {
      await h1.close();
      await h2.close();
      await one.close();
      await two.close();
      await db2.close();
    }
  });

  describe('field engineer scope changes', () => {
    let server: ReturnType<typeof createServer>;
    beforeAll(() => {
      server = createServer({ db: pg.db });
    });
    afterAll(async () => {
      await server.close();
    });
    runScopeChangeSuite(() => ({ db: pg.db, server }), 'pg');
  });

  describe('trust at the seams over HTTP', () => {
    let server: ReturnType<typeof createServer>;
    beforeAll(() => {
      server = createServer({ db: pg.db });
    });
    afterAll(async () => {
      await server.close();
    });
    runTrustSuite(() => ({ db: pg.db, server }), 'pg');
  });
});
