// Local store in Chromium: an initial pull of 100k tickets into Dexie through the
// real pull commit (renderer/src/data applyPullPage: rows with their inline sync facts, pages of 2000)
// next to raw IndexedDB puts of the same rows into the same object store (same indexes), and the
// local write -> live-query update latency next to one raw IndexedDB write, all measured in one run.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const N = 100_000;
const PAGE = 2000;
const LATENCY_RUNS = 100;

// Runs in the page: builds the rows, then times the raw and the Dexie paths on the same objects.
const entry = `
import { liveQuery } from 'dexie';
import { openDb } from './renderer/src/data/db';
import { runMutation } from './renderer/src/data/mutate';
import { applyPullPage } from './renderer/src/data/rebase';

const words = ['router', 'outage', 'fiber', 'latency', 'voip', 'backup', 'firewall', 'switch', 'core', 'dns'];
function ticket(i) {
  const at = 1_770_000_000_000 + i * 60_000;
  return {
    id: 'SD-BENCH-' + String(i).padStart(6, '0'), title: 'Ticket ' + i + ' ' + words[i % 10] + ' ' + words[(i * 7) % 10], description: 'Customer reports ' + words[i % 10] + ' issues at site ' + (i % 97),
    channel: 'phone', customerId: 'cust-' + (i % 50), contactName: 'Casey Example', contactEmail: 'casey@example.com', contactPhone: '', productLine: ['routing', 'voice', 'security'][i % 3],
    product: 'R9', productVersion: '', region: ['north', 'south', 'east'][i % 3], policyId: 'policy-1', severity: String(1 + (i % 4)), impact: 'degradation', urgency: 'medium', priority: 'P' + (1 + (i % 4)),
    status: ['received', 'in_progress', 'waiting_customer', 'resolved'][i % 4], ownerId: 'u' + (i % 20), escalationLevel: 0, onSite: i % 9 === 0, intake: {},
    sla: { severityHistory: [{ at, severity: String(1 + (i % 4)) }], pauses: [], customerUpdates: [] }, createdAt: at, updatedAt: at, createdBy: 'u1',
    // Queue keys as the queue middleware derives them, so every index of the tickets store is maintained.
    dueAt: at + 4 * 3_600_000, qOwner: 'u' + (i % 20), qOnSite: i % 9 === 0 ? 1 : 0, qEDown: 0, qWords: [words[i % 10], words[(i * 7) % 10], 'site' + (i % 97)],
  };
}
const fieldNames = Object.keys(ticket(0)).filter((k) => !k.startsWith('q') && k !== 'dueAt');
function pages(n, size) {
  const out = [];
  for (let p = 0; p * size < n; p++) {
    const rows = [];
    for (let i = p * size; i < Math.min(n, (p + 1) * size); i++) {
      const fv = {};
      for (const f of fieldNames) fv[f] = { v: i + 1, c: 'seed-client-0001' };
      rows.push({ table: 'tickets', id: ticket(i).id, version: i + 1, fv, data: ticket(i), deleted: false });
    }
    out.push({ rows, cursor: rows[rows.length - 1].version, lastMutationId: 0, hasMore: (p + 1) * size < n });
  }
  return out;
}
const done = (tx) => new Promise((res, rej) => { tx.oncomplete = () => res(); tx.onerror = () => rej(tx.error); tx.onabort = () => rej(tx.error); });
async function rawDb(name) {
  const d = openDb(name);
  await d.open();
  d.close();
  return new Promise((res, rej) => { const r = indexedDB.open(name); r.onsuccess = () => res(r.result); r.onerror = () => rej(r.error); });
}
function pct(xs, p) { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; }

// The app derives queue keys on every ticket write (features/queue middleware, which needs the
// policy config); this stand-in keeps the same indexes filled so queue live queries see edits.
function installBenchQueueKeys(db) {
  db.use({ stack: 'dbcore', name: 'bench-queue-keys', create: (down) => ({ ...down, table(name) {
    const t = down.table(name);
    if (name !== 'tickets') return t;
    return { ...t, mutate(req) {
      if (req.type !== 'put' && req.type !== 'add') return t.mutate(req);
      return t.mutate({ ...req, values: req.values.map((v) => ({ ...v, qOwner: v.ownerId ?? '', dueAt: v.createdAt + 4 * 3_600_000, qOnSite: v.onSite ? 1 : 0, qEDown: 0, qWords: v.title.toLowerCase().split(/\s+/) })) });
    } };
  } }) });
}

window.bench = {
  async pull(n, size) {
    const ps = pages(n, size);
    const raw = await rawDb('raw-bench');
    const db = openDb('pull-bench');
    await db.open();
    // Interleaved page by page, so both paths see the same machine load (it is shared and noisy).
    let rawMs = 0;
    let dexieMs = 0;
    for (const p of ps) {
      let t = performance.now();
      const tx = raw.transaction('tickets', 'readwrite');
      const s = tx.objectStore('tickets');
      for (const r of p.rows) s.put(r.data);
      await done(tx);
      rawMs += performance.now() - t;
      t = performance.now();
      await applyPullPage(db, p);
      dexieMs += performance.now() - t;
    }
    raw.close();
    const count = await db.tickets.count();
    db.close();
    return { rawMs, dexieMs, count };
  },
  async latency(runs) {
    const db = openDb('pull-bench');
    installBenchQueueKeys(db);
    await db.open();
    const id = 'SD-BENCH-' + String(4242).padStart(6, '0');
    let want = '';
    let resolveSeen = () => {};
    const sub = liveQuery(async () => ({ t: await db.tickets.get(id), n: await db.timeline.where('ticketId').equals(id).count() })).subscribe((v) => { if (v.t && v.t.title === want) resolveSeen(); });
    const list = liveQuery(() => db.tickets.where('[qOwner+dueAt]').between(['u2', 0], ['u2', 9e15]).limit(50).toArray());
    let wantList = '';
    let resolveList = () => {};
    const sub2 = list.subscribe((rows) => { if (rows.some((r) => r.title === wantList)) resolveList(); });
    await new Promise((r) => setTimeout(r, 300));
    const detail = [], queue = [];
    for (let i = 0; i < runs; i++) {
      want = 'Edited ' + i;
      const seen = new Promise((r) => { resolveSeen = r; });
      const t0 = performance.now();
      await runMutation(db, 'ticket.update@1', { ticketId: id, changes: { title: want } });
      await seen;
      detail.push(performance.now() - t0);
    }
    const listed = await db.tickets.where('[qOwner+dueAt]').between(['u2', 0], ['u2', 9e15]).limit(50).first();
    for (let i = 0; i < runs; i++) {
      wantList = 'Queue edit ' + i;
      const seen = new Promise((r) => { resolveList = r; });
      const t0 = performance.now();
      await runMutation(db, 'ticket.update@1', { ticketId: listed.id, changes: { title: wantList } });
      await seen;
      queue.push(performance.now() - t0);
    }
    sub.unsubscribe(); sub2.unsubscribe();
    db.close();
    const raw = await rawDb('raw-bench');
    const rawW = [];
    const row = ticket(4242);
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const tx = raw.transaction('tickets', 'readwrite');
      tx.objectStore('tickets').put({ ...row, title: 'Raw ' + i });
      await done(tx);
      rawW.push(performance.now() - t0);
    }
    raw.close();
    return { detail: [pct(detail, 50), pct(detail, 95)], queue: [pct(queue, 50), pct(queue, 95)], raw: [pct(rawW, 50), pct(rawW, 95)] };
  },
};
`;

export async function run(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'sd-store-bench-'));
  try {
    await build({ stdin: { contents: entry, resolveDir: root, sourcefile: 'store-bench-entry.ts', loader: 'ts' }, bundle: true, format: 'iife', outfile: join(dir, 'bench.js'), logLevel: 'error', target: 'es2022' });
    const script = readFileSync(join(dir, 'bench.js'), 'utf8');
    const browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    try {
      const page = await browser.newPage();
      // A real http origin (IndexedDB needs one), served from memory.
      await page.route('http://bench.local/**', (route) =>
        route.request().url().endsWith('.js')
          ? route.fulfill({ contentType: 'text/javascript', body: script })
          : route.fulfill({ contentType: 'text/html', body: '<!doctype html><script src="/bench.js"></script>' }),
      );
      await page.goto('http://bench.local/');
      page.setDefaultTimeout(120_000);
      const p = await page.evaluate(([n, size]) => (window as unknown as { bench: { pull: (n: number, s: number) => Promise<{ rawMs: number; dexieMs: number; count: number }> } }).bench.pull(n, size), [N, PAGE] as const);
      if (p.count !== N) throw new Error(`expected ${N} tickets in Dexie, found ${p.count}`);
      const rate = (ms: number) => N / (ms / 1000);
      console.log(`raw IndexedDB put, tickets store only (baseline): ${rate(p.rawMs).toFixed(0)} rows/s`);
      console.log(`initial pull of ${N} tickets into Dexie (applyPullPage, pages of ${PAGE}): ${rate(p.dexieMs).toFixed(0)} rows/s = ${(p.rawMs / p.dexieMs).toFixed(2)}x raw (goal >= 0.8x)`);
      const l = await page.evaluate((runs) => (window as unknown as { bench: { latency: (r: number) => Promise<{ detail: number[]; queue: number[]; raw: number[] }> } }).bench.latency(runs), LATENCY_RUNS);
      const f = (xs: number[]) => `p50 ${xs[0]?.toFixed(1)} ms, p95 ${xs[1]?.toFixed(1)} ms`;
      console.log(`raw IndexedDB single put + commit (baseline): ${f(l.raw)}`);
      console.log(`local write -> live query (ticket + timeline count), ${N} tickets in store: ${f(l.detail)} (goal p95 < 16 ms)`);
      console.log(`local write -> live query (queue page of 50 over [qOwner+dueAt]): ${f(l.queue)} (goal p95 < 16 ms)`);
    } finally {
      await browser.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
