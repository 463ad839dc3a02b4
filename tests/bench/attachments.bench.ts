// Attachment upload and download throughput through the real server over HTTP on 127.0.0.1, next
// to a raw file copy of the same bytes on the same disk in the same run, for both ways the server
// keeps bytes: files beside the embedded database (as `npm run server` runs by default) and rows in
// a throwaway PostgreSQL cluster (when its binaries are installed). Rounds alternate, so load from
// other processes on the machine hits all alike. Uploads go the way the app sends them (its own
// uploadBytes: pieces from UPLOAD_CHUNK_BYTES growing on a fast link, each confirmed before the
// next); downloads read the whole answer with node:http, because Node's fetch reassembles a body at
// about 50 MiB/s on this machine even from a bare server (the app's Chromium fetch does not), which
// would measure the client. Besides wall-clock MiB/s it prints the CPU time per MiB of this process
// (client and server both run here): on a shared machine the load moves the wall clock, the CPU
// cost much less, so that is the figure to compare across runs.
import { createHash, randomBytes } from 'node:crypto';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { get } from 'node:http';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { UPLOAD_CHUNK_BYTES } from '../../shared/attachments';
import { createServer } from '../../server/app';
import { createUser } from '../../server/auth';
import { createPgliteDb } from '../../server/db/pglite';
import { migrate } from '../../server/db/migrate';
import type { Db } from '../../server/db/types';
import { listen } from '../../server/http';
import { uploadBytes } from '../../renderer/src/data/attachment-transfer';
import { hasPostgres, postgresDb, startPostgres } from '../sync/harness';

const SIZE = 20 * 1024 * 1024;
const ROUNDS = Number(process.env.ATTACHMENT_ROUNDS ?? 3);
const mbps = (bytes: number, ms: number) => bytes / 1024 / 1024 / (ms / 1000);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

type Target = { label: string; db: Db; attachmentsDir?: string; stop: () => Promise<void> };
type Up = { label: string; url: string; token: string; close: () => Promise<void>; up: number[]; down: number[]; upCpu: number[]; downCpu: number[] };

async function serve(t: Target): Promise<Up> {
  await migrate(t.db);
  const server = createServer({ db: t.db, ...(t.attachmentsDir ? { attachmentsDir: t.attachmentsDir } : {}) });
  const http = await listen(server, 0);
  await createUser(t.db, { tenant: 'bench', email: 'bench@example.com', role: 'agent', region: 'north', password: 'bench-password' });
  const login = (await (await fetch(`${http.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenant: 'bench', email: 'bench@example.com', password: 'bench-password' }) })).json()) as { token: string };
  return {
    label: t.label, url: http.url, token: login.token, up: [], down: [], upCpu: [], downCpu: [],
    close: async () => {
      await http.close();
      await server.close();
      await t.stop();
    },
  };
}

const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

function download(url: string, token: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    get(url, { headers: { authorization: `Bearer ${token}` } }, (res) => {
      const parts: Buffer[] = [];
      res.on('data', (b: Buffer) => parts.push(b));
      res.on('end', () => (res.statusCode === 200 ? resolve(Buffer.concat(parts)) : reject(new Error(`HTTP ${res.statusCode}`))));
      res.on('error', reject);
    }).on('error', reject);
  });
}

async function round(s: Up, bytes: Uint8Array, sha: string): Promise<void> {
  let t = performance.now();
  let c = cpuMs();
  const state = await uploadBytes({ baseUrl: s.url, token: s.token, fetch }, sha, bytes);
  s.up.push(performance.now() - t);
  s.upCpu.push(cpuMs() - c);
  if (state.status !== 'complete') throw new Error(`${s.label}: upload did not complete`);
  t = performance.now();
  c = cpuMs();
  const got = await download(`${s.url}/attachments/${sha}`, s.token);
  s.down.push(performance.now() - t);
  s.downCpu.push(cpuMs() - c);
  if (createHash('sha256').update(got).digest('hex') !== sha) throw new Error(`${s.label}: downloaded bytes differ`);
}

export async function run(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'sd-att-bench-'));
  const targets: Target[] = [];
  const pglite = await createPgliteDb(join(dir, 'db'));
  targets.push({ label: 'files beside the embedded database', db: pglite, attachmentsDir: join(dir, 'db-attachments'), stop: () => pglite.close() });
  if (hasPostgres) {
    const pg = await startPostgres();
    const db = await postgresDb(pg.url);
    targets.push({ label: 'rows in PostgreSQL', db, stop: async () => { await db.close(); pg.stop(); } });
  } else console.log('PostgreSQL binaries missing: PostgreSQL figures skipped');
  const servers: Up[] = [];
  try {
    for (const t of targets) servers.push(await serve(t));
    const copy: number[] = [];
    for (let r = 0; r < ROUNDS; r++) {
      for (const s of servers) {
        // Fresh bytes each time: the same bytes would be answered "already stored" at once.
        const bytes = new Uint8Array(randomBytes(SIZE));
        const sha = createHash('sha256').update(bytes).digest('hex');
        const src = join(dir, `src-${r}.bin`);
        await writeFile(src, bytes);
        const t = performance.now();
        await copyFile(src, join(dir, `copy-${r}.bin`));
        copy.push(performance.now() - t);
        await round(s, bytes, sha);
      }
    }
    const raw = mbps(SIZE, median(copy));
    const mib = SIZE / 1024 / 1024;
    const row = (what: string, ms: number[], cpu: number[]) =>
      `${what.padEnd(52)} ${mbps(SIZE, median(ms)).toFixed(1).padStart(7)} MiB/s  (${(mbps(SIZE, median(ms)) / raw).toFixed(3)}x raw copy)  CPU ${(median(cpu) / mib).toFixed(1)} ms/MiB`;
    console.log(`file: ${mib} MiB random bytes, ${ROUNDS} rounds, medians; upload from ${UPLOAD_CHUNK_BYTES / 1024 / 1024} MiB pieces, hash checked; load average ${loadavg().map((l) => l.toFixed(1)).join(' ')}`);
    console.log(`${'raw file copy'.padEnd(52)} ${raw.toFixed(0).padStart(7)} MiB/s`);
    for (const s of servers) {
      console.log(row(`upload, ${s.label}`, s.up, s.upCpu));
      console.log(row(`download, ${s.label}`, s.down, s.downCpu));
    }
  } finally {
    for (const s of servers) await s.close();
    await rm(dir, { recursive: true, force: true });
  }
}
