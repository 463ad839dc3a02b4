import { afterEach, describe, expect, it } from 'vitest';
import { generateDemoData, demoCustomers, demoEngineers } from '../../../../shared/demo';
import { ticketSchema, type Ticket } from '../../../../shared/ticket';
import { effectiveSyncState, openDb, runMutation, setActor, type ServiceDeskDb } from '../../data';
import { withMeta } from '../../data/sync-meta';
import { buildConfig } from '../../config/config-store';
import { presetCalendars, presetPolicies } from '../../config/presets';
import { installQueueKeys } from '../../data';
import { exportBackup } from './export-backup';
import { readBackupText } from './read-backup';
import { assessBackupImport, importBackup, ImportRefusedError } from './import-backup';

/** This build's local store version (the newest Dexie version declared). */
const STORE_VERSION = openDb('verno-probe').verno;

const NOW = Date.UTC(2026, 2, 10, 7, 0);
const config = buildConfig(presetPolicies, presetCalendars, 1);
const agent = { userId: 'eng-alex', role: 'agent' as const, region: 'north-america' };

const opened: ServiceDeskDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/** A profile as the app opens it: queue-keys middleware installed, demo data seeded. */
async function profile(name: string, demoTickets = 5): Promise<ServiceDeskDb> {
  const db = openDb(name);
  opened.push(db);
  installQueueKeys(db, () => config, () => NOW);
  const demo = generateDemoData({ tickets: demoTickets, now: NOW, policies: config.policies });
  await db.customers.bulkPut(demoCustomers);
  await db.engineers.bulkPut(demoEngineers);
  await db.tickets.bulkPut(demo.tickets);
  await db.timeline.bulkPut(demo.timeline);
  await setActor(db, agent);
  return db;
}

function newTicket(id: string): Ticket {
  const demo = generateDemoData({ tickets: 1, now: NOW, policies: config.policies }).tickets[0]!;
  return ticketSchema.parse({ ...demo, id, title: 'Core switch drops packets at night', status: 'received', createdAt: NOW, updatedAt: NOW, sla: { severityHistory: [{ at: NOW, severity: demo.severity }] } });
}

/** The old laptop: created a ticket and a note offline; neither was pushed. */
async function oldLaptop(): Promise<ServiceDeskDb> {
  const db = await profile('old-laptop');
  await db.meta.put({ key: 'clientId', value: 'old-laptop-client-1' });
  await db.meta.put({ key: 'ticketSequence', value: 1 });
  await runMutation(db, 'ticket.create@1', { ticket: newTicket('SD-OLD001-0001') }, { now: NOW });
  await runMutation(db, 'timeline.addNote@1', { ticketId: 'SD-OLD001-0001', visibility: 'internal', text: 'Asked the customer for the switch logs.' }, { now: NOW + 1000 });
  return db;
}

async function backupOf(db: ServiceDeskDb) {
  const exported = await exportBackup(db, { now: NOW + 5000 });
  const text = await exported.blob.text();
  const read = await readBackupText(text, db.verno);
  if (!read.ok) throw new Error(JSON.stringify(read.issues));
  return { exported, text, file: read.file, summary: read.summary };
}

describe('backup export', () => {
  it('writes one versioned JSON snapshot with the pending outbox and device facts, without derived queue keys', async () => {
    const db = await oldLaptop();
    const { exported, text, summary } = await backupOf(db);
    const json = JSON.parse(text) as Record<string, unknown> & { tables: Record<string, Array<Record<string, unknown>>> };
    expect(json).toMatchObject({ format: 'service-desk-backup', version: 1, exportedAt: NOW + 5000, schemaVersion: db.verno, clientId: 'old-laptop-client-1', actor: agent, mutationCounter: 2, cursor: 0, ticketSequence: 1 });
    expect(exported.fileName).toBe('service-desk-backup-2026-03-10T07-00-05Z.json');
    expect(summary.counts).toMatchObject({ tickets: 6, outbox: 2, customers: demoCustomers.length });
    expect(json.tables['outbox']!.map((e) => e['name'])).toEqual(['ticket.create@1', 'timeline.addNote@1']);
    // The live rows carry queue keys (the middleware), the file does not.
    expect((await db.tickets.get('SD-OLD001-0001')) as Record<string, unknown>).toHaveProperty('qWords');
    for (const t of json.tables['tickets']!) for (const k of ['dueAt', 'qOwner', 'qOnSite', 'qEDown', 'qWords']) expect(t).not.toHaveProperty(k);
    for (const e of json.tables['timeline']!) expect(e).not.toHaveProperty('qWords');
    expect(text).not.toMatch(/token/i);
  });

  it('splits large tables into parts that still join into valid JSON', async () => {
    const db = await profile('big-export', 1201);
    const { file } = await backupOf(db);
    expect(file.tables.tickets).toHaveLength(1201);
    expect(new Set(file.tables.tickets.map((t) => t.id)).size).toBe(1201);
    expect(file.tables.timeline).toHaveLength(await db.timeline.count());
    expect(file.tables.timeline.length).toBeGreaterThanOrEqual(1201);
  });
});

describe('backup import into a fresh profile (a field laptop replaced before it could sync)', () => {
  it('restores the ticket and note and re-queues the pending changes under the old device’s client id', async () => {
    const { file } = await backupOf(await oldLaptop());
    const fresh = await profile('new-laptop', 3);
    expect(await assessBackupImport(fresh, file)).toMatchObject({ mode: 'wholesale', needsConfirmation: false });
    const result = await importBackup(fresh, file, { applyPending: true });
    expect(result).toMatchObject({ mode: 'wholesale', queued: 2, skipped: 0, how: 'adopt', clientId: 'old-laptop-client-1', cursorRestored: true });

    expect((await fresh.tickets.get('SD-OLD001-0001'))?.title).toBe('Core switch drops packets at night');
    const notes = (await fresh.timeline.where('ticketId').equals('SD-OLD001-0001').toArray()).filter((e) => e.kind === 'note');
    expect(notes.map((n) => n.kind === 'note' && n.text)).toEqual(['Asked the customer for the switch logs.']);
    const outbox = await fresh.outbox.orderBy('id').toArray();
    expect(outbox.map((e) => [e.clientId, e.id, e.name])).toEqual([
      ['old-laptop-client-1', 1, 'ticket.create@1'],
      ['old-laptop-client-1', 2, 'timeline.addNote@1'],
    ]);
    expect(Object.fromEntries((await fresh.meta.bulkGet(['clientId', 'mutationCounter', 'ticketSequence', 'actor'])).map((m) => [m?.key, m?.value]))).toEqual({
      clientId: 'old-laptop-client-1', mutationCounter: 2, ticketSequence: 1, actor: agent,
    });
    // Derived keys were recomputed by the middleware on write, so the queues and search find it.
    expect(await fresh.tickets.where('qWords').equals('switch').primaryKeys()).toContain('SD-OLD001-0001');
    // The next change continues the old device's numbering.
    const next = await runMutation(fresh, 'timeline.addNote@1', { ticketId: 'SD-OLD001-0001', visibility: 'internal', text: 'Logs received.' }, { now: NOW + 9000 });
    expect(next.id).toBe(3);
  });

  it('leaves another device’s unsynced changes out unless the user asks to send them', async () => {
    const { file } = await backupOf(await oldLaptop());
    expect(file.tables.outbox).toHaveLength(2);
    const fresh = await profile('new-laptop-no-pending', 3);
    const result = await importBackup(fresh, file);
    expect(result).toMatchObject({ mode: 'wholesale', queued: 0, droppedPending: 2 });
    // Nothing waits to be sent in anyone's name, and the device does not pose as the old one.
    expect(await fresh.outbox.count()).toBe(0);
    expect((await fresh.meta.get('clientId'))?.value).not.toBe('old-laptop-client-1');
    // The offline-created ticket and its note never reached a server: they are not restored.
    expect(await fresh.tickets.get('SD-OLD001-0001')).toBeUndefined();
    expect(await fresh.timeline.where('ticketId').equals('SD-OLD001-0001').count()).toBe(0);
    expect(await fresh.syncState.where('hasShadow').equals(1).count()).toBe(0);
  });

  it('a new laptop whose first start already recorded SLA alerts on demo data still counts as fresh: the alerts go, the old device continues', async () => {
    const { file } = await backupOf(await oldLaptop());
    const fresh = await profile('new-laptop-alerts', 3);
    await fresh.meta.put({ key: 'clientId', value: 'new-laptop-client-1' });
    await runMutation(fresh, 'ticket.recordSlaAlert@1', { ticketId: 'SD-DEMO-0001', clock: 'resolution', threshold: 100, target: NOW }, { now: NOW });
    expect(await assessBackupImport(fresh, file)).toMatchObject({ mode: 'wholesale', needsConfirmation: false });
    const result = await importBackup(fresh, file, { applyPending: true });
    expect(result).toMatchObject({ mode: 'wholesale', how: 'adopt', clientId: 'old-laptop-client-1', queued: 2 });
    expect((await fresh.outbox.orderBy('id').toArray()).map((e) => [e.clientId, e.id, e.name])).toEqual([
      ['old-laptop-client-1', 1, 'ticket.create@1'],
      ['old-laptop-client-1', 2, 'timeline.addNote@1'],
    ]);
    expect((await fresh.meta.get('clientId'))?.value).toBe('old-laptop-client-1');
  });

  it('replaces the fresh profile’s demo-only rows wholesale', async () => {
    const { file } = await backupOf(await profile('small-old', 2));
    const fresh = await profile('big-new', 8);
    await importBackup(fresh, file, { applyPending: true });
    expect(await fresh.tickets.count()).toBe(2);
  });
});

describe('backup import into a profile that already has data', () => {
  it('refuses, writing nothing, when this profile has its own unsynced work; with confirmation it appends the backup’s changes after its own', async () => {
    const { file } = await backupOf(await oldLaptop());
    const busy = await profile('busy-laptop', 3);
    await busy.meta.put({ key: 'clientId', value: 'busy-laptop-client' });
    await runMutation(busy, 'timeline.addNote@1', { ticketId: 'SD-DEMO-0001', visibility: 'internal', text: 'My own note' }, { now: NOW });
    const before = { tickets: await busy.tickets.count(), timeline: await busy.timeline.count(), outbox: await busy.outbox.toArray() };

    await expect(importBackup(busy, file)).rejects.toBeInstanceOf(ImportRefusedError);
    expect({ tickets: await busy.tickets.count(), timeline: await busy.timeline.count(), outbox: await busy.outbox.toArray() }).toEqual(before);

    const result = await importBackup(busy, file, { confirmMerge: true, applyPending: true });
    expect(result).toMatchObject({ mode: 'merge', queued: 2, how: 'renumber', clientId: 'busy-laptop-client', cursorRestored: false });
    const outbox = await busy.outbox.orderBy('id').toArray();
    expect(outbox.map((e) => [e.clientId, e.id, e.name])).toEqual([
      ['busy-laptop-client', 1, 'timeline.addNote@1'],
      ['busy-laptop-client', 2, 'ticket.create@1'],
      ['busy-laptop-client', 3, 'timeline.addNote@1'],
    ]);
    expect((await busy.meta.get('mutationCounter'))?.value).toBe(3);
    // Replayed under the new numbers: the note now has the id the server will give it.
    const notes = (await busy.timeline.toArray()).filter((e) => e.kind === 'note' && (e.text === 'My own note' || e.text.startsWith('Asked')));
    expect(notes.map((n) => n.id).sort()).toEqual(['ev:busy-laptop-client:1:0', 'ev:busy-laptop-client:3:0']);
    expect(await busy.tickets.get('SD-OLD001-0001')).toBeDefined();
  });

  it('never overwrites newer server data, takes newer rows from the backup, and keeps its own cursor', async () => {
    const old = await profile('old-synced', 3);
    await old.tickets.update('SD-DEMO-0001', { title: 'backup copy v12' });
    await old.tickets.update('SD-DEMO-0002', { title: 'backup copy v30' });
    await old.syncState.bulkPut([
      { table: 'tickets', id: 'SD-DEMO-0001', version: 12, fv: {}, hasShadow: 0 },
      { table: 'tickets', id: 'SD-DEMO-0002', version: 30, fv: {}, hasShadow: 0 },
    ]);
    await old.meta.put({ key: 'cursor', value: 30 });
    const { file } = await backupOf(old);

    const synced = await profile('new-synced', 3);
    await synced.tickets.update('SD-DEMO-0001', { title: 'server copy v20' });
    await synced.tickets.update('SD-DEMO-0002', { title: 'server copy v5' });
    await synced.syncState.bulkPut([
      { table: 'tickets', id: 'SD-DEMO-0001', version: 20, fv: {}, hasShadow: 0 },
      { table: 'tickets', id: 'SD-DEMO-0002', version: 5, fv: {}, hasShadow: 0 },
    ]);
    await synced.meta.put({ key: 'cursor', value: 50 });

    const result = await importBackup(synced, file, { applyPending: true });
    expect(result).toMatchObject({ mode: 'merge', rowsWritten: 1, cursorRestored: false });
    expect((await synced.tickets.get('SD-DEMO-0001'))?.title).toBe('server copy v20');
    expect((await synced.syncState.get(['tickets', 'SD-DEMO-0001']))?.version).toBe(20);
    expect((await synced.tickets.get('SD-DEMO-0002'))?.title).toBe('backup copy v30');
    expect((await synced.syncState.get(['tickets', 'SD-DEMO-0002']))?.version).toBe(30);
    expect((await synced.meta.get('cursor'))?.value).toBe(50);
  });

  it('compares server versions kept on the rows themselves (as a pull stores them) when merging', async () => {
    const stamp = async (db: ServiceDeskDb, id: string, title: string, version: number) => {
      const row = await db.tickets.get(id);
      await db.tickets.put(withMeta({ ...row, title }, version, { title: { v: version, c: 'server-client-1' } }) as Ticket);
    };
    const old = await profile('old-inline', 3);
    await stamp(old, 'SD-DEMO-0001', 'backup copy v12', 12);
    await stamp(old, 'SD-DEMO-0002', 'backup copy v30', 30);
    await old.meta.put({ key: 'cursor', value: 30 });
    const { file } = await backupOf(old);

    const synced = await profile('new-inline', 3);
    await stamp(synced, 'SD-DEMO-0001', 'server copy v20', 20);
    await stamp(synced, 'SD-DEMO-0002', 'server copy v5', 5);
    await synced.meta.put({ key: 'cursor', value: 50 });

    expect(await importBackup(synced, file, { applyPending: true })).toMatchObject({ mode: 'merge', rowsWritten: 1 });
    expect((await synced.tickets.get('SD-DEMO-0001'))?.title).toBe('server copy v20');
    expect((await synced.tickets.get('SD-DEMO-0002'))?.title).toBe('backup copy v30');
    expect(effectiveSyncState(await synced.tickets.get('SD-DEMO-0002'), await synced.syncState.get(['tickets', 'SD-DEMO-0002']))?.version).toBe(30);
  });

  it('re-importing a device’s own backup queues nothing twice', async () => {
    const old = await oldLaptop();
    const { file } = await backupOf(old);
    const result = await importBackup(old, file, { applyPending: true });
    expect(result).toMatchObject({ how: 'same', queued: 0, skipped: 2 });
    expect((await old.outbox.toArray()).map((e) => e.id)).toEqual([1, 2]);
    expect((await old.timeline.toArray()).filter((e) => e.kind === 'note' && e.ticketId === 'SD-OLD001-0001')).toHaveLength(1);
  });
});

describe('reading a backup file', () => {
  it('names the table and row of a bad row, and reports a non-JSON file', async () => {
    const { text } = await backupOf(await oldLaptop());
    const json = JSON.parse(text) as { tables: { tickets: Array<Record<string, unknown>> } };
    json.tables.tickets[2]!['impact'] = 'catastrophic';
    const bad = await readBackupText(JSON.stringify(json), STORE_VERSION);
    expect(!bad.ok && bad.issues[0]).toMatchObject({ table: 'tickets', index: 2, message: expect.stringMatching(/^impact: /) });
    const notJson = await readBackupText('{"format": "service-desk-backup",', STORE_VERSION);
    expect(!notJson.ok && notJson.issues[0]?.message).toMatch(/not valid JSON/);
  });

  it('reports checking progress up to every row', async () => {
    const { text } = await backupOf(await profile('progress', 50));
    const seen: number[] = [];
    const r = await readBackupText(text, STORE_VERSION, (p) => seen.push(p.done));
    expect(r.ok).toBe(true);
    expect(seen.at(-1)).toBe(r.ok ? Object.values(r.summary.counts).reduce((a, b) => a + b, 0) : -1);
  });
});
