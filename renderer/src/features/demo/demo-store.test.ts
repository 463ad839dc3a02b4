import { afterEach, describe, expect, it } from 'vitest';
import { demoCustomers, demoEngineers, generateDemoData } from '../../../../shared/demo';
import { openDb, type ServiceDeskDb } from '../../data';
import { buildConfig } from '../../config/config-store';
import { presetCalendars, presetPolicies } from '../../config/presets';
import { installQueueKeys } from '../../data';
import { countGenerated, DEMO_CHUNK, generateIntoStore, removeGenerated } from './demo-store';
import type { TimelineEvent } from '../../../../shared/ticket';

const config = buildConfig(presetPolicies, presetCalendars, 1);
const now = Date.UTC(2026, 5, 15, 10, 0);
let db: ServiceDeskDb;
let n = 0;

async function freshDb(): Promise<ServiceDeskDb> {
  db = openDb(`demo-store-${++n}`);
  installQueueKeys(db, () => config, () => now);
  await db.open();
  // The first-run set and one hand-made note on it: neither may be touched by the demo tools.
  const seed = generateDemoData({ tickets: 60, now, policies: config.policies });
  await db.customers.bulkPut(demoCustomers);
  await db.engineers.bulkPut(demoEngineers);
  await db.tickets.bulkPut(seed.tickets);
  const realNote: TimelineEvent = { id: 'n-real', ticketId: 'SD-DEMO-0001', at: now, by: 'eng-alex', kind: 'note', visibility: 'internal', text: 'real work' };
  await db.timeline.bulkPut([...seed.timeline, realNote]);
  return db;
}

afterEach(async () => {
  await db.delete();
});

describe('generated demo data in the local store', () => {
  it('adds tickets in chunks with progress, with queue keys derived and timelines stored', async () => {
    await freshDb();
    const seen: number[] = [];
    const r = await generateIntoStore(db, { count: DEMO_CHUNK + 500, now, policies: config.policies, onProgress: (p) => seen.push(p.done) });
    expect(r).toMatchObject({ done: DEMO_CHUNK + 500, cancelled: false });
    expect(seen).toEqual([0, DEMO_CHUNK, DEMO_CHUNK + 500]);
    expect(await countGenerated(db)).toBe(DEMO_CHUNK + 500);
    expect(await db.tickets.count()).toBe(60 + DEMO_CHUNK + 500);
    const first = (await db.tickets.get('SD-GEN-0000001')) as (Record<string, unknown> & { status: string }) | undefined;
    expect(first).toBeDefined();
    // The middleware ran: every queue key is on the row (closed tickets sort after everything).
    expect(typeof first?.['dueAt']).toBe('number');
    expect(Array.isArray(first?.['qWords'])).toBe(true);
    expect(await db.tickets.where('dueAt').below(9e15).count()).toBeGreaterThan(60);
    expect(await db.timeline.where('ticketId').equals('SD-GEN-0000001').count()).toBeGreaterThan(0);
    // Their customers and engineers are in the directory, so names show in the queues.
    expect(await db.customers.get('cust-gen-0001')).toBeDefined();
    expect(await db.engineers.get('eng-gen-001')).toBeDefined();
  });

  it('tops up after the tickets already there, and a stop keeps what was written', async () => {
    await freshDb();
    await generateIntoStore(db, { count: 10, now, policies: config.policies });
    const controller = new AbortController();
    const r = await generateIntoStore(db, { count: DEMO_CHUNK * 3, now, policies: config.policies, signal: controller.signal, onProgress: (p) => p.done >= DEMO_CHUNK && controller.abort() });
    expect(r).toMatchObject({ done: DEMO_CHUNK, cancelled: true });
    expect(await countGenerated(db)).toBe(10 + DEMO_CHUNK);
    expect(await db.tickets.get('SD-GEN-0000011')).toBeDefined();
    expect(await db.tickets.get(`SD-GEN-${String(10 + DEMO_CHUNK + 1).padStart(7, '0')}`)).toBeUndefined();
  });

  it('removes generated tickets, their timelines and unused generated directory rows, and nothing else', async () => {
    await freshDb();
    await generateIntoStore(db, { count: DEMO_CHUNK + 10, now, policies: config.policies });
    const progress: number[] = [];
    const r = await removeGenerated(db, { onProgress: (p) => progress.push(p.done) });
    expect(r.done).toBe(DEMO_CHUNK + 10);
    expect(progress.at(-1)).toBe(DEMO_CHUNK + 10);
    expect(await countGenerated(db)).toBe(0);
    expect(await db.tickets.count()).toBe(60);
    expect(await db.timeline.count()).toBe(61);
    expect(await db.timeline.get('n-real')).toBeDefined();
    expect(await db.customers.count()).toBe(demoCustomers.length);
    expect(await db.engineers.count()).toBe(demoEngineers.length);
  });

  it('refuses a bad count and writes nothing', async () => {
    await freshDb();
    await expect(generateIntoStore(db, { count: 0, now, policies: config.policies })).rejects.toThrow(/whole number/);
    await expect(generateIntoStore(db, { count: 5, now, policies: new Map() })).rejects.toThrow(/need policy/);
    expect(await countGenerated(db)).toBe(0);
    expect(await db.customers.count()).toBe(demoCustomers.length);
  });
});
