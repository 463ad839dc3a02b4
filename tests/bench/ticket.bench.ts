// Opening a ticket at 100k tickets, in Chromium against the production web build (the bench
// profile of app-profile.ts, shared with the reports bench): the time from the action to the
// ticket page painted with its id, its clocks and its timeline, taken in the page. Two ways in:
// clicking a row of the queue (the first rows of "All open"), and by id (palette, a link: the
// hash route) for tickets spread over the whole store. Baseline, in the same page and round:
// the raw IndexedDB reads of what the page shows (the ticket, its timeline by index, its
// customer, the engineer directory) in one transaction. Goal: p95 < 100 ms. Printed, never asserted.
import { loadavg } from 'node:os';
import type { Page } from '@playwright/test';
import { median, ms, openApp, pct, type App } from './app-profile';

const ROUNDS = Number(process.env['SD_BENCH_ROUNDS'] ?? 30);
const QUEUE_ROWS = 12;
const VERBOSE = process.env['SD_BENCH_VERBOSE'] !== undefined;

/** Ids spread evenly over the store's primary keys (every n-th), so the sample covers old and new tickets. */
function spreadIds(page: Page, n: number): Promise<string[]> {
  return page.evaluate(
    (n) =>
      new Promise<string[]>((res) => {
        const r = indexedDB.open('service-desk');
        r.onsuccess = () => {
          const k = r.result.transaction('tickets').objectStore('tickets').getAllKeys();
          k.onsuccess = () => {
            const keys = k.result as string[];
            r.result.close();
            res(Array.from({ length: n }, (_, i) => keys[Math.floor(((i + 0.5) * keys.length) / n)] as string));
          };
        };
      }),
    n,
  );
}

/** The raw reads of one ticket's page data, timed in the page. */
function rawRead(page: Page, id: string): Promise<number> {
  return page.evaluate(
    (id) =>
      new Promise<number>((res, rej) => {
        const r = indexedDB.open('service-desk');
        r.onerror = () => rej(r.error);
        r.onsuccess = () => {
          const db = r.result;
          const t0 = performance.now();
          const tx = db.transaction(['tickets', 'timeline', 'customers', 'engineers']);
          const t = tx.objectStore('tickets').get(id);
          t.onsuccess = () => {
            const customerId = (t.result as { customerId: string }).customerId;
            tx.objectStore('timeline').index('[ticketId+at]').getAll(IDBKeyRange.bound([id, -Infinity], [id, Infinity]));
            tx.objectStore('customers').get(customerId);
            tx.objectStore('engineers').getAll();
          };
          tx.oncomplete = () => (db.close(), res(performance.now() - t0));
        };
      }),
    id,
  );
}

/**
 * Clicks the queue row of `id` (when `click`) or goes to its hash route, and resolves with the time
 * until the ticket page shows that id, its timeline and its clocks (or why it has none), taken in
 * the task after the next animation frame (after that frame painted).
 */
function openTicket(page: Page, id: string, click: boolean): Promise<number> {
  return page.evaluate(
    ({ id, click }) =>
      new Promise<number>((resolve) => {
        let painted = false;
        const ready = () =>
          document.querySelector('.ticket .ticket-id')?.textContent === id &&
          document.querySelector('.ticket .timeline li') !== null &&
          document.querySelector('.ticket-side .clocks-table tbody tr, .ticket-side [data-testid="clocks-problem"], .ticket-side > p.muted') !== null;
        const check = () => {
          if (painted || !ready()) return;
          painted = true;
          requestAnimationFrame(() => {
            const ch = new MessageChannel();
            ch.port1.onmessage = () => finish(performance.now() - t0);
            ch.port2.postMessage(0);
          });
        };
        const obs = new MutationObserver(check);
        const timer = setTimeout(() => finish(NaN), 15_000);
        function finish(v: number) {
          obs.disconnect();
          clearTimeout(timer);
          resolve(v);
        }
        obs.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        const t0 = performance.now();
        if (click) (document.querySelector(`[data-testid="queue-row"][data-ticket-id="${CSS.escape(id)}"]`) as HTMLElement | null)?.click();
        else location.hash = `#/ticket/${encodeURIComponent(id)}`;
        check();
      }),
    { id, click },
  );
}

/** Types `text` into the queue's search box and returns the count line once the matches are shown, with the time it took. */
async function searchCount(page: Page, text: string, total: string): Promise<{ shown: string; ms: number }> {
  const t0 = performance.now();
  await page.locator('section.queue input[type="search"]').fill(text);
  // The count line changes from the queue's total to the number of matches.
  await page.waitForFunction((total) => {
    const line = document.querySelector('section.queue [data-testid="queue-count"]')?.textContent ?? '';
    return line !== total && /\d/.test(line);
  }, total, { timeout: 60_000 });
  const took = performance.now() - t0;
  const shown = await page.locator('section.queue [data-testid="queue-count"]').innerText();
  await page.locator('section.queue input[type="search"]').fill('');
  return { shown, ms: took };
}

async function backToQueue(page: Page): Promise<void> {
  await page.evaluate(() => (location.hash = '#/queue/all'));
  await page.locator('section.queue [data-testid="queue-row"]').first().waitFor({ state: 'visible', timeout: 30_000 });
}

type Launch = { first: number; click: number[]; byId: number[]; raw: number[] };

/**
 * One launch of the app on the queue, then ROUNDS opens each way. `warmUp` false reports 2 GB of
 * device memory, on which the app skips its idle-time reports warm-up (a background read of the
 * whole store): the same opens with and without that read running show what it costs.
 */
async function launch(app: App, warmUp: boolean, deepIds: string[]): Promise<Launch & { rowIds: string[] }> {
  const page = await app.context.newPage();
  await page.addInitScript({ content: `Object.defineProperty(Navigator.prototype, 'deviceMemory', { get: () => ${warmUp ? 8 : 2} });` });
  await page.goto(`${app.base}/#/queue/all`);
  await page.getByTestId('queue-row').first().waitFor({ timeout: 120_000 });
  const rowIds = await page.locator('section.queue [data-testid="queue-row"]').evaluateAll((els, n) => els.slice(0, n).map((e) => e.getAttribute('data-ticket-id') ?? ''), QUEUE_ROWS);
  const first = await openTicket(page, rowIds[0] ?? '', true);
  await backToQueue(page);
  const out: Launch = { first, click: [], byId: [], raw: [] };
  for (let i = 0; i < ROUNDS; i++) {
    const rowId = rowIds[(i + 1) % rowIds.length] ?? '';
    out.raw.push(await rawRead(page, rowId));
    out.click.push(await openTicket(page, rowId, true));
    await backToQueue(page);
    const deep = deepIds[i % deepIds.length] ?? '';
    out.raw.push(await rawRead(page, deep));
    out.byId.push(await openTicket(page, deep, false));
    await backToQueue(page);
    if (VERBOSE) console.log(`${warmUp ? 'warm-up on ' : 'warm-up off'} round ${i + 1}: click ${ms(out.click.at(-1) ?? NaN, 1)} (raw ${ms(out.raw.at(-2) ?? NaN, 1)}), by id ${ms(out.byId.at(-1) ?? NaN, 1)} (raw ${ms(out.raw.at(-1) ?? NaN, 1)})`);
  }
  if (warmUp) {
    // Searching shows the number of matches, not the queue's total (a ticket id: one; a common word: many).
    const total = await page.locator('section.queue [data-testid="queue-count"]').innerText();
    for (const q of [deepIds[0] ?? '', 'gateway']) {
      const r = await searchCount(page, q, total).catch((e: unknown) => ({ shown: `not shown (${String(e).split('\n')[0]})`, ms: NaN }));
      console.log(`search "${q}": count line "${r.shown}" (queue without search: "${total}"), shown after ${ms(r.ms)} (Playwright round trips included)`);
    }
  }
  await page.close();
  return { ...out, rowIds };
}

export async function run(): Promise<void> {
  const wall = performance.now();
  const app = await openApp('ticket');
  try {
    // A page of the same origin that is not the app (a static file): the store's raw reads with
    // nothing of the app running, i.e. what the browser alone gives at this moment.
    const probe = await app.context.newPage();
    await probe.goto(`${app.base}/sw.js`);
    const deepIds = await spreadIds(probe, ROUNDS);
    const idle: number[] = [];
    for (const id of deepIds.slice(0, 10)) {
      idle.push(await rawRead(probe, id));
      await probe.waitForTimeout(200);
    }
    await probe.close();
    const load = loadavg()[0] ?? NaN;
    const off = await launch(app, false, deepIds);
    const on = await launch(app, true, deepIds);
    const line = (label: string, xs: number[]) => `${label.padEnd(40)} p50 ${ms(median(xs), 1)} / p95 ${ms(pct(xs, 0.95), 1)} / max ${ms(Math.max(...xs), 1)}`;
    console.log(`\n${app.tickets} tickets; ${ROUNDS} rounds per way and launch; load average ${load.toFixed(1)} when the launches began; open = action -> id, clocks and timeline painted (in-page)`);
    console.log(line('raw reads with no app page open', idle));
    for (const [label, r] of [['as users have it (reports warm-up running)', on], ['without the reports warm-up', off]] as const) {
      console.log(`-- ${label}`);
      console.log(`first open after launch (queue click): ${ms(r.first, 1)}`);
      console.log(line('open from the queue (click a row)', r.click));
      console.log(line('open by id (hash route, whole store)', r.byId));
      console.log(line('baseline: raw IndexedDB reads', r.raw));
      const all = [...r.click, ...r.byId];
      const p95 = pct(all, 0.95);
      console.log(`open a ticket p95 ${ms(p95, 1)} = ${(p95 / pct(r.raw, 0.95)).toFixed(1)}x the raw reads' p95; ${all.filter((x) => !Number.isFinite(x)).length} opens timed out; goal p95 < 100 ms: ${p95 < 100 ? 'met' : 'MISSED'}`);
    }
  } finally {
    await app.close();
    console.log(`ticket bench ${((performance.now() - wall) / 1000).toFixed(0)} s`);
  }
}
