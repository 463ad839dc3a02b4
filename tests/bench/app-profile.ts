// The production web build served by vite preview, and a Chromium profile whose store holds
// SD_BENCH_TICKETS generated tickets loaded through Settings > Demo data. The profile is kept in
// the temp folder (per ticket count and port: IndexedDB lives per origin), so the benches that use
// it (reports, ticket) load the store once and later runs skip the minutes of loading.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { build, preview } from 'vite';

export const TICKETS = Number(process.env['SD_BENCH_TICKETS'] ?? 100_000);
const ROOT = resolve(import.meta.dirname, '../..');
const PROFILE_PORT = 4462;
const SETTLE_MAX_MS = Number(process.env['SD_BENCH_SETTLE_S'] ?? 60) * 1000;

export const pct = (xs: number[], q: number): number => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  return s.length ? (s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] ?? NaN) : NaN;
};
export const median = (xs: number[]) => pct(xs, 0.5);
export const ms = (x: number, digits = 0) => (Number.isFinite(x) ? `${x.toFixed(digits)} ms` : 'n/a');

function portFree(port: number): Promise<boolean> {
  return new Promise((res) => {
    const s = createServer();
    s.once('error', () => res(false));
    s.listen(port, '127.0.0.1', () => s.close(() => res(true)));
  });
}

function anyPort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => (typeof a === 'object' && a ? res(a.port) : rej(new Error('no port'))));
    });
  });
}

/** Rows in one object store of the page's origin (raw IndexedDB count). */
export function countRows(page: Page, store: string): Promise<number> {
  return page.evaluate(
    (store) =>
      new Promise<number>((res, rej) => {
        const r = indexedDB.open('service-desk');
        r.onerror = () => rej(r.error);
        r.onsuccess = () => {
          const c = r.result.transaction(store).objectStore(store).count();
          c.onsuccess = () => (r.result.close(), res(c.result));
        };
      }),
    store,
  );
}

/**
 * Fills the profile's store up to TICKETS generated tickets through Settings > Demo data
 * (1,000 / 10,000 / 100,000 at a time; an interrupted earlier run's chunks are kept and topped up),
 * then waits for the one-time alert backlog (every ticket already past a target alerts once, a
 * synced mutation each) to drain, so that launches measure the steady state.
 */
async function fillStore(context: BrowserContext, base: string): Promise<number> {
  const page = await context.newPage();
  await page.goto(`${base}/#/settings/demo`);
  await page.getByTestId('demo-count').waitFor({ timeout: 120_000 });
  const t0 = performance.now();
  let count = await countRows(page, 'tickets');
  const start = count;
  // The first run's 60 demo tickets are not generated ones.
  while (count - 60 < TICKETS) {
    const missing = TICKETS - (count - 60);
    const size = [100_000, 10_000, 1_000].find((n) => n <= missing) ?? 1_000;
    const before = count;
    await page.getByRole('button', { name: `Add ${size.toLocaleString('en')} tickets` }).click();
    // Rows arrive chunk by chunk; once some have, the status no longer shows the previous run's "done".
    while ((await countRows(page, 'tickets')) === before) await page.waitForTimeout(500);
    await page.locator('[data-testid="demo-status"][data-state="done"]').waitFor({ timeout: 1_800_000 });
    count = await countRows(page, 'tickets');
  }
  if (count > start) console.log(`loaded ${count - start} tickets through Settings > Demo data in ${((performance.now() - t0) / 1000).toFixed(0)} s (kept in the bench profile for later runs)`);
  else console.log(`reusing the bench profile's store (${count} tickets)`);
  await page.goto(`${base}/#/queue/all`);
  const settleStart = performance.now();
  let last = await countRows(page, 'outbox');
  let quietSince = performance.now();
  while (performance.now() - settleStart < SETTLE_MAX_MS && performance.now() - quietSince < 6_000) {
    await page.waitForTimeout(1_000);
    const n = await countRows(page, 'outbox');
    if (n !== last) quietSince = performance.now();
    last = n;
  }
  console.log(`alert backlog: ${performance.now() - quietSince >= 6_000 ? 'quiet for 6 s' : 'still running'} after ${((performance.now() - settleStart) / 1000).toFixed(0)} s`);
  await page.close();
  return count;
}

export type App = { context: BrowserContext; base: string; tickets: number; close: () => Promise<void> };

/** Builds the web host, serves it and opens the bench profile with its store filled. */
export async function openApp(label: string): Promise<App> {
  const wall = performance.now();
  const outDir = mkdtempSync(join(tmpdir(), `sd-bench-${label}-`));
  const configFile = join(ROOT, 'vite.web.config.ts');
  // SD_BENCH_UNMINIFIED=1: readable stacks in DevTools and in the store-read probe.
  const unminified = process.env['SD_BENCH_UNMINIFIED'] !== undefined;
  await build({ configFile, root: join(ROOT, 'renderer'), build: { outDir, emptyOutDir: true, ...(unminified ? { minify: false } : {}) }, logLevel: 'warn' });
  const port = (await portFree(PROFILE_PORT)) ? PROFILE_PORT : await anyPort();
  const server = await preview({ configFile, root: join(ROOT, 'renderer'), build: { outDir }, preview: { port, host: '127.0.0.1', strictPort: true }, logLevel: 'warn' });
  const base = `http://127.0.0.1:${port}`;
  const profile = join(tmpdir(), `sd-bench-app-profile-${TICKETS}-${port}`);
  const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
  const context = await chromium.launchPersistentContext(profile, {
    ...(executablePath ? { executablePath } : {}),
    viewport: { width: 1400, height: 860 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--enable-precise-memory-info'],
  });
  // Functions passed to page.evaluate are compiled by tsx, which may wrap them in its __name helper.
  await context.addInitScript({ content: 'window.__name = (f) => f;' });
  console.log(`web build + preview ready in ${((performance.now() - wall) / 1000).toFixed(1)} s`);
  const close = async () => {
    await context.close();
    await new Promise<void>((res) => server.httpServer.close(() => res()));
    rmSync(outDir, { recursive: true, force: true });
  };
  try {
    return { context, base, tickets: await fillStore(context, base), close };
  } catch (e) {
    await close();
    throw e;
  }
}
