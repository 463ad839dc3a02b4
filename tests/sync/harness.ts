// Shared set-up for the sync tests: real servers (PGlite in memory or a throwaway PostgreSQL
// cluster), real Dexie clients over fake-indexeddb, and fetch routed straight into the Hono app.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Ticket } from '../../shared/ticket';
import type { UserRole } from '../../shared/directory/schema';
import { afterAll, beforeAll } from 'vitest';
import { createServer, type ServerOptions, type SyncServer } from '../../server/app';
import { createUser } from '../../server/auth';
import { createPgliteDb } from '../../server/db/pglite';
import { createPostgresDb } from '../../server/db/postgres';
import { migrate } from '../../server/db/migrate';
import type { Db } from '../../server/db/types';
import { openDb, type ServiceDeskDb } from '../../renderer/src/data/db';
import { setActor } from '../../renderer/src/data/mutate';
import { createSyncClient, type SyncClient } from '../../renderer/src/data/sync-client';
import type { Host } from '../../renderer/src/host';

export async function memoryDb(): Promise<Db> {
  const db = await createPgliteDb();
  await migrate(db);
  return db;
}

/** The server and its store that a test file runs against (see inProcessServer). */
export type ServerFixture = { readonly db: Db; readonly server: SyncServer };

/**
 * One sync server for the test file, in process on a fresh in-memory PGlite: opened before the
 * file's tests, closed after them. Read `db` and `server` inside tests (they exist from then on).
 */
export function inProcessServer(options: Omit<ServerOptions, 'db'> = {}): ServerFixture {
  let db: Db | undefined;
  let server: SyncServer | undefined;
  beforeAll(async () => {
    db = await memoryDb();
    server = createServer({ ...options, db });
  });
  afterAll(async () => {
    await server?.close();
    await db?.close();
  });
  const ready = <T>(x: T | undefined): T => {
    if (x === undefined) throw new Error('the test server starts before the tests: use it inside them');
    return x;
  };
  return {
    get db() {
      return ready(db);
    },
    get server() {
      return ready(server);
    },
  };
}

const PG_BIN = '/usr/lib/postgresql/15/bin';
export const hasPostgres = existsSync(join(PG_BIN, 'initdb'));
if (!hasPostgres) console.warn(`[sync tests] PostgreSQL binaries not found in ${PG_BIN}: PostgreSQL tests are skipped (PGlite tests still run).`);

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createNetServer();
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      s.close(() => resolve(port));
    });
    s.on('error', reject);
  });
}

/** A throwaway PostgreSQL 15 cluster on 127.0.0.1 in a temp dir (initdb runs as the postgres user). */
export async function startPostgres(): Promise<{ url: string; stop: () => void }> {
  const dir = mkdtempSync(join(tmpdir(), 'sd-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const asPg = (cmd: string, args: string[]) => {
    const asRoot = process.getuid?.() === 0;
    const r = asRoot ? spawnSync('runuser', ['-u', 'postgres', '--', join(PG_BIN, cmd), ...args], { encoding: 'utf8' }) : spawnSync(join(PG_BIN, cmd), args, { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`${cmd} failed: ${r.stderr}`);
  };
  asPg('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const port = await freePort();
  asPg('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-o', `-p ${port} -h 127.0.0.1 -k ${dir} -c fsync=off -c max_connections=100`, 'start']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => {
      try {
        asPg('pg_ctl', ['-D', data, '-m', 'immediate', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

export async function postgresDb(url: string): Promise<Db> {
  const db = createPostgresDb(url);
  await migrate(db);
  return db;
}

/**
 * A throwaway PostgreSQL cluster, migrated, for the suite it is called in: started before its
 * tests and stopped after them. Read `url` and `db` inside tests (they are set in beforeAll).
 */
export function usePostgresCluster(): { readonly url: string; readonly db: Db } {
  let pg: { url: string; stop: () => void } | undefined;
  let db: Db | undefined;
  beforeAll(async () => {
    pg = await startPostgres();
    db = await postgresDb(pg.url);
  });
  afterAll(async () => {
    await db?.close();
    pg?.stop();
  });
  return {
    get url() {
      if (!pg) throw new Error('the PostgreSQL cluster is not started yet (read it inside a test)');
      return pg.url;
    },
    get db() {
      if (!db) throw new Error('the PostgreSQL cluster is not started yet (read it inside a test)');
      return db;
    },
  };
}

export type TestUser = { tenant: string; email: string; password: string; role: UserRole; region: string; id: string };

let seq = 0;
export async function addUser(db: Db, tenant: string, role: UserRole = 'agent', region = 'north'): Promise<TestUser> {
  const email = `user${++seq}-${role}@example.com`;
  const password = `pw-${seq}-secret`;
  const u = await createUser(db, { tenant, email, role, region, password });
  return { tenant, email, password, role, region, id: u.id };
}

export async function loginToken(server: SyncServer, u: TestUser): Promise<string> {
  const res = await server.fetch(new Request('http://test/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenant: u.tenant, email: u.email, password: u.password }) }));
  const body = (await res.json()) as { token: string };
  return body.token;
}

/** fetch that calls the app directly (no sockets), optionally through a switch that simulates being offline. */
export function appFetch(server: { fetch: (r: Request) => Response | Promise<Response> }, online: { value: boolean } = { value: true }): typeof fetch {
  return async (input, init) => {
    if (!online.value) throw new TypeError('fetch failed: offline');
    return server.fetch(new Request(input instanceof Request ? input : String(input), init));
  };
}

export type TestClient = { db: ServiceDeskDb; sync: SyncClient; online: { value: boolean }; user: TestUser; clock: { now: number } };

let dbSeq = 0;
/** A device: its own Dexie database, logged in as `user`, with a controllable clock and network. */
export async function makeClient(server: SyncServer, user: TestUser, opts: { clockOffsetMs?: number; fetch?: typeof fetch; pullLimit?: number } = {}): Promise<TestClient> {
  const db = openDb(`sd-test-${process.pid}-${++dbSeq}`);
  await setActor(db, { userId: user.id, role: user.role, region: user.region });
  const token = await loginToken(server, user);
  const online = { value: true };
  const clock = { now: Date.now() + (opts.clockOffsetMs ?? 0) };
  const sync = createSyncClient({ db, baseUrl: 'http://test', getToken: () => token, fetch: opts.fetch ?? appFetch(server, online), now: () => clock.now, random: () => 0.5, intervalMs: 0, pullLimit: opts.pullLimit });
  return { db, sync, online, user, clock };
}

let ticketSeq = 0;
export function newTicket(over: Partial<Ticket> = {}): Ticket {
  const n = ++ticketSeq;
  return {
    id: `SD-TEST${String(process.pid % 100).padStart(2, '0')}-${String(n).padStart(4, '0')}`,
    title: `Ticket ${n}`,
    description: '',
    channel: 'phone',
    customerId: 'cust-1',
    contactName: 'Casey Example',
    contactEmail: 'casey@example.com',
    contactPhone: '',
    productLine: 'routing',
    product: 'R9',
    productVersion: '',
    region: 'north',
    policyId: 'policy-1',
    severity: '3',
    impact: 'degradation',
    urgency: 'medium',
    priority: 'P3',
    status: 'received',
    escalationLevel: 0,
    onSite: false,
    intake: {},
    sla: { severityHistory: [{ at: 1_700_000_000_000, severity: '3' }], pauses: [], customerUpdates: [] },
    createdAt: 1_700_000_000_000,
    updatedAt: 1_700_000_000_000,
    createdBy: '',
    ...over,
  };
}

/** Everything a user can see, in a canonical order, to compare stores across devices. */
export async function snapshot(db: ServiceDeskDb): Promise<unknown> {
  const [tickets, timeline, conflicts] = await Promise.all([db.tickets.orderBy('id').toArray(), db.timeline.orderBy('id').toArray(), db.conflicts.orderBy('id').toArray()]);
  return { tickets, timeline, conflicts };
}

/** Tenant row count as the server sees it, for "nothing changed" checks. */
export async function serverState(db: Db): Promise<string> {
  const rows = await db.query('SELECT tenant_id, tbl, id, version, data FROM entities ORDER BY tenant_id, tbl, id');
  const clients = await db.query('SELECT tenant_id, client_id, last_mutation_id FROM clients ORDER BY 1, 2');
  const tenants = await db.query('SELECT id, version FROM tenants ORDER BY id');
  return JSON.stringify({ rows, clients, tenants });
}

export { createServer, execFileSync, type SyncServer };

/** The host's token store (Electron: safeStorage), in memory, for sync controllers under test. */
export function memoryHost(): Host & { tokens: Map<string, string | null> } {
  const tokens = new Map<string, string | null>();
  const invoke = async (name: string, input: { serverUrl: string; token?: string | null }) => {
    if (name === 'secrets.setToken') tokens.set(input.serverUrl, input.token ?? null);
    else if (name === 'secrets.getToken') return { token: tokens.get(input.serverUrl) ?? null };
    else throw new Error(`this test host does not answer ${name}`);
    return {};
  };
  return { kind: 'web', tokens, invoke: invoke as unknown as Host['invoke'], call: () => Promise.reject(new Error('not used')), on: () => () => undefined };
}
