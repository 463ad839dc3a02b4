// `npm run bench -- load`: N simulated devices (LOAD_DEVICES, default 200) talk HTTP to two server
// instances (separate processes) on one throwaway PostgreSQL cluster for LOAD_SECONDS (default 30).
// Each device pushes an edit every few seconds and pulls whenever its poke stream says so, like the
// app's sync client (one pull at a time, one more if poked meanwhile). Printed: throughput, push and
// pull latency percentiles, errors (must be 0), whether every device converged to the server's
// rows, next to the raw transaction rate of the same cluster. Target: p95 push < 100 ms at 200.
import { fork, type ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SCHEMA_VERSION } from '../../shared/sync';
import { createUser } from '../../server/auth';
import type { Db } from '../../server/db/types';
import { freePort, hasPostgres, newTicket, postgresDb, startPostgres } from '../sync/harness';

const DEVICES = Number(process.env.LOAD_DEVICES ?? 200);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 30);
const DEVICES_PER_TENANT = 10;
/** Each device pushes every 3-7 s (5 s on average). */
const PUSH_EVERY_MS = [3000, 7000] as const;
const here = dirname(fileURLToPath(import.meta.url));

type Device = { n: number; tenant: string; token: string; base: string; clientId: string; ticketId: string; nextId: number; cursor: number; rows: Map<string, number>; pulling?: Promise<void>; again: boolean; stopEvents?: () => void };
const describe = (e: unknown) => (e instanceof Error ? `${e.message}${e.cause ? ` (${String((e.cause as Error).message ?? e.cause)})` : ''}` : String(e));
const stats = { push: [] as number[], pull: [] as number[], errors: [] as string[], pulledRows: 0 };

async function post(d: Device, path: string, body: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${d.base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${d.token}` }, body: JSON.stringify(body) });
  const json = (await res.json()) as Record<string, unknown>;
  if (!res.ok) throw new Error(`${path} ${res.status}: ${JSON.stringify(json)}`);
  return json;
}

async function pullAll(d: Device): Promise<void> {
  for (;;) {
    const t = performance.now();
    const page = (await post(d, '/pull', { clientId: d.clientId, schemaVersion: SCHEMA_VERSION, cursor: d.cursor, limit: 2000 })) as { rows: Array<{ table: string; id: string; version: number; deleted: boolean }>; cursor: number; hasMore: boolean };
    stats.pull.push(performance.now() - t);
    for (const r of page.rows) {
      if (r.deleted) d.rows.delete(`${r.table}/${r.id}`);
      else d.rows.set(`${r.table}/${r.id}`, r.version);
    }
    stats.pulledRows += page.rows.length;
    d.cursor = page.cursor;
    if (!page.hasMore) return;
  }
}

/** Pull now, or once more after the running pull if one is under way (what the app's client does). */
function pullSoon(d: Device): Promise<void> {
  if (d.pulling) {
    d.again = true;
    return d.pulling;
  }
  d.pulling = (async () => {
    do {
      d.again = false;
      try {
        await pullAll(d);
      } catch (e) {
        stats.errors.push(describe(e));
      }
    } while (d.again);
  })().finally(() => (d.pulling = undefined));
  return d.pulling;
}

async function pushEdit(d: Device): Promise<void> {
  const id = d.nextId++;
  const m = id % 2 === 0
    ? { id, name: 'timeline.addNote@1', args: { ticketId: d.ticketId, visibility: 'internal', text: `device ${d.n} note ${id}` }, clientTime: Date.now() }
    : { id, name: 'ticket.update@1', args: { ticketId: d.ticketId, changes: { description: `device ${d.n} edit ${id}` } }, clientTime: Date.now() };
  const t = performance.now();
  try {
    const r = (await post(d, '/push', { clientId: d.clientId, schemaVersion: SCHEMA_VERSION, mutations: [m] })) as { results: Array<{ status: string; message?: string }> };
    stats.push.push(performance.now() - t);
    if (r.results[0]?.status !== 'applied') stats.errors.push(`push ${r.results[0]?.status}: ${r.results[0]?.message ?? ''}`);
  } catch (e) {
    stats.errors.push(describe(e));
  }
}

/** Opens the device's poke stream (SSE, token in the header) and pulls on every poke. */
function openEvents(d: Device): Promise<void> {
  const abort = new AbortController();
  d.stopEvents = () => abort.abort();
  return new Promise<void>((ready) => {
    void (async () => {
      try {
        const res = await fetch(`${d.base}/events`, { headers: { authorization: `Bearer ${d.token}` }, signal: abort.signal });
        const reader = res.body?.getReader();
        const decoder = new TextDecoder();
        let buf = '';
        for (;;) {
          const { done, value } = (await reader?.read()) ?? { done: true, value: undefined };
          if (done) break;
          buf += decoder.decode(value, { stream: true });
          for (let i = buf.indexOf('\n\n'); i >= 0; i = buf.indexOf('\n\n')) {
            const event = /^event: (\w+)/m.exec(buf.slice(0, i))?.[1];
            buf = buf.slice(i + 2);
            if (event === 'ready') ready();
            if (event === 'poke') void pullSoon(d);
          }
        }
      } catch (e) {
        if (!abort.signal.aborted) stats.errors.push(`events: ${describe(e)}`);
      }
      ready();
    })();
  });
}

function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? NaN;
}

async function rawRate(db: Db, seconds: number): Promise<number> {
  await db.query('CREATE TABLE IF NOT EXISTS bench_counter (id int PRIMARY KEY, n bigint NOT NULL)');
  await db.query('CREATE TABLE IF NOT EXISTS bench_rows (n bigint PRIMARY KEY, data jsonb)');
  await db.query('INSERT INTO bench_counter VALUES (1, 0) ON CONFLICT DO NOTHING');
  const payload = JSON.stringify({ kind: 'note', text: 'x'.repeat(60) });
  const end = performance.now() + seconds * 1000;
  let n = 0;
  const t0 = performance.now();
  while (performance.now() < end) {
    await db.transaction(async (tx) => {
      const [r] = await tx.query<{ n: string }>('UPDATE bench_counter SET n = n + 1 WHERE id = 1 RETURNING n');
      await tx.query('INSERT INTO bench_rows (n, data) VALUES ($1, $2)', [Number(r?.n), payload]);
    });
    n++;
  }
  return n / ((performance.now() - t0) / 1000);
}

function startInstance(url: string, port: number): Promise<ChildProcess> {
  const child = fork(join(here, 'load-server.ts'), [], { env: { ...process.env, DATABASE_URL: url, PORT: String(port) }, execArgv: ['--import', 'tsx'], stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('a server instance did not start in 30 s')), 30_000);
    child.stdout?.on('data', (b: Buffer) => {
      if (b.toString().includes('load server on')) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once('exit', (code) => reject(new Error(`a server instance exited (${code})`)));
  });
}

export async function run(): Promise<void> {
  if (!hasPostgres) {
    console.log('PostgreSQL binaries missing: load bench skipped');
    return;
  }
  const pg = await startPostgres();
  const db = await postgresDb(pg.url);
  const children: ChildProcess[] = [];
  const devices: Device[] = [];
  try {
    const ports = [await freePort(), await freePort()];
    for (const p of ports) children.push(await startInstance(pg.url, p));
    const bases = ports.map((p) => `http://127.0.0.1:${p}`);
    const rawBefore = await rawRate(db, 3);

    // One user per device pair (client ids belong to a user; two devices of one user is normal).
    const tenants = Math.ceil(DEVICES / DEVICES_PER_TENANT);
    for (let n = 0; n < DEVICES; n++) {
      const tenant = `load-${Math.floor(n / DEVICES_PER_TENANT)}`;
      const base = bases[n % bases.length] ?? '';
      let token = devices[n - 1]?.tenant === tenant && n % 2 === 1 ? devices[n - 1]?.token : undefined;
      if (!token) {
        const email = `device${n}@example.com`;
        await createUser(db, { tenant, email, role: 'agent', region: 'north', password: 'load-bench-password' });
        const res = await fetch(`${base}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenant, email, password: 'load-bench-password' }) });
        token = ((await res.json()) as { token: string }).token;
      }
      const t = newTicket({ id: `SD-LOAD-${n}` });
      const d: Device = { n, tenant, token, base, clientId: `load-device-${n}`, ticketId: t.id, nextId: 1, cursor: 0, rows: new Map(), again: false };
      await post(d, '/push', { clientId: d.clientId, schemaVersion: SCHEMA_VERSION, mutations: [{ id: d.nextId++, name: 'ticket.create@1', args: { ticket: t }, clientTime: Date.now() }] });
      devices.push(d);
    }
    await Promise.all(devices.map((d) => openEvents(d)));
    await Promise.all(devices.map((d) => pullSoon(d)));
    stats.push.length = 0;
    stats.pull.length = 0;
    stats.pulledRows = 0;

    // The load: every device on its own random timer, for SECONDS.
    const [lo, hi] = PUSH_EVERY_MS;
    const started = performance.now();
    const end = started + SECONDS * 1000;
    await Promise.all(
      devices.map(async (d) => {
        await new Promise((r) => setTimeout(r, Math.random() * hi));
        while (performance.now() < end) {
          await pushEdit(d);
          await new Promise((r) => setTimeout(r, Math.min(end - performance.now(), lo + Math.random() * (hi - lo))));
        }
      }),
    );
    const elapsed = (performance.now() - started) / 1000;
    const pushes = stats.push.length;
    const pulls = stats.pull.length;
    const [pushP, pullP] = [[50, 95, 99].map((p) => percentile(stats.push, p)), [50, 95, 99].map((p) => percentile(stats.pull, p))];

    // Convergence: after the last pokes settle, every device holds exactly its tenant's rows at the server's versions.
    await new Promise((r) => setTimeout(r, 2000));
    await Promise.all(devices.map((d) => d.pulling));
    await Promise.all(devices.map((d) => pullSoon(d)));
    const truth = new Map<string, Map<string, number>>();
    for (const r of await db.query<{ tenant_id: string; k: string; version: string }>(`SELECT tenant_id, tbl || '/' || id AS k, version FROM entities WHERE tenant_id LIKE 'load-%' AND NOT deleted`)) {
      const m = truth.get(r.tenant_id) ?? new Map<string, number>();
      m.set(r.k, Number(r.version));
      truth.set(r.tenant_id, m);
    }
    const diverged = devices.filter((d) => {
      const want = truth.get(d.tenant) ?? new Map<string, number>();
      return want.size !== d.rows.size || [...want].some(([k, v]) => d.rows.get(k) !== v);
    });
    const rawAfter = await rawRate(db, 3);

    const ms = (x: number) => `${x.toFixed(1)} ms`;
    console.log(`${DEVICES} devices in ${tenants} tenants, 2 server instances, one PostgreSQL, ${elapsed.toFixed(0)} s`);
    console.log(`raw UPDATE counter + INSERT transactions: ${rawBefore.toFixed(0)} tx/s before, ${rawAfter.toFixed(0)} tx/s after the load (baseline)`);
    console.log(`pushes: ${pushes} (${(pushes / elapsed).toFixed(1)}/s), latency p50 ${ms(pushP[0] ?? NaN)}, p95 ${ms(pushP[1] ?? NaN)}, p99 ${ms(pushP[2] ?? NaN)} (target p95 < 100 ms)`);
    console.log(`pulls: ${pulls} (${(pulls / elapsed).toFixed(1)}/s, ${stats.pulledRows} rows), latency p50 ${ms(pullP[0] ?? NaN)}, p95 ${ms(pullP[1] ?? NaN)}, p99 ${ms(pullP[2] ?? NaN)}`);
    console.log(`errors: ${stats.errors.length}${stats.errors.length > 0 ? ` (first: ${stats.errors[0]})` : ''}`);
    console.log(`converged: ${DEVICES - diverged.length}/${DEVICES} devices hold exactly their tenant's rows at the server's versions`);
    if (stats.errors.length > 0 || diverged.length > 0) process.exitCode = 1;
  } finally {
    for (const d of devices) d.stopEvents?.();
    for (const c of children) c.kill('SIGTERM');
    await db.close();
    await new Promise((r) => setTimeout(r, 500));
    for (const c of children) if (c.exitCode === null) c.kill('SIGKILL');
    pg.stop();
  }
}
