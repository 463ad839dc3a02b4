// A device whose store was written by an older app build (Dexie schema 3, sync facts in one
// syncState row per synced row, an outbox entry of an older mutation version) opens with the
// current build: its queue is upgraded on open and syncs, its base versions still detect conflicts.
import Dexie from 'dexie';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceDeskDb } from '../../renderer/src/data/db';
import { runMutation } from '../../renderer/src/data/mutate';
import { createSyncClient } from '../../renderer/src/data/sync-client';
import type { FieldVersions } from '../../shared/sync';
import type { Db } from '../../server/db/types';
import { addUser, appFetch, createServer, loginToken, makeClient, memoryDb, newTicket } from './harness';

/** The store exactly as schema 3 declared it (renderer/src/data/db.ts before v4). */
class SchemaThreeDb extends Dexie {
  constructor(name: string) {
    super(name);
    this.version(1).stores({
      tickets:
        'id, status, severity, priority, ownerId, customerId, productLine, region, createdAt, updatedAt, dueAt, *qWords, ' +
        '[qOwner+dueAt], [status+dueAt], [qEDown+dueAt], [qOnSite+dueAt], [productLine+dueAt], [region+dueAt], [customerId+dueAt]',
      timeline: 'id, ticketId, [ticketId+at], *qWords',
      customers: 'id, name, region',
      engineers: 'id, role, region',
      meta: 'key',
    });
    this.version(2).stores({ conflicts: 'id, ticketId, status', visits: 'id, ticketId, engineerId, start', policies: 'id', calendars: 'id', escalationMatrices: 'id', outbox: 'id', syncState: '[table+id], hasShadow' });
    this.version(3).stores({ warehouse: 'id, name' });
  }
}

let db: Db;
let server: ReturnType<typeof createServer>;
beforeAll(async () => {
  db = await memoryDb();
  server = createServer({ db });
});
afterAll(async () => {
  await server.close();
  await db.close();
});

type ServerRow = { data: Record<string, unknown>; fv: FieldVersions; version: string };
const serverRow = async (tenant: string, id: string): Promise<ServerRow> => {
  const [r] = await db.query<ServerRow>(`SELECT data, fv, version FROM entities WHERE tenant_id = $1 AND tbl = 'tickets' AND id = $2`, [tenant, id]);
  if (!r) throw new Error(`no ticket ${id}`);
  return r;
};

describe('store upgrade from schema 3', () => {
  it('an outbox entry of ticket.update@0 is rewritten to @1 on open and pushes; clean sync states move onto the rows; old base versions still conflict', async () => {
    const tenant = 't-upgrade';
    const agent = await makeClient(server, await addUser(db, tenant));
    const edited = newTicket({ title: 'Router down' });
    const clean = newTicket({ title: 'Switch noisy' });
    await runMutation(agent.db, 'ticket.create@1', { ticket: edited });
    await runMutation(agent.db, 'ticket.create@1', { ticket: clean });
    await agent.sync.syncNow();
    const e = await serverRow(tenant, edited.id);
    const c = await serverRow(tenant, clean.id);

    // The old device: pulled both tickets, then renamed one offline with the old mutation version.
    const user = await addUser(db, tenant);
    const name = `sd-upgrade-${process.pid}`;
    const old = new SchemaThreeDb(name);
    await old.table('tickets').bulkPut([{ ...e.data, title: 'Router down at HQ' }, c.data]);
    await old.table('syncState').bulkPut([
      { table: 'tickets', id: edited.id, version: Number(e.version), fv: e.fv, hasShadow: 1, shadow: e.data },
      { table: 'tickets', id: clean.id, version: Number(c.version), fv: c.fv, hasShadow: 0 },
    ]);
    const baseVersions = { [`tickets/${edited.id}`]: Object.fromEntries(Object.entries(e.fv).map(([f, x]) => [f, x.v])) };
    await old.table('outbox').add({ clientId: 'old-device-01', id: 1, name: 'ticket.update@0', args: { ticketId: edited.id, title: 'Router down at HQ' }, baseVersions, clientTime: 1 });
    await old.table('meta').bulkPut([
      { key: 'clientId', value: 'old-device-01' },
      { key: 'mutationCounter', value: 1 },
      { key: 'cursor', value: Number(c.version) },
      { key: 'actor', value: { userId: user.id, role: 'agent', region: 'north' } },
    ]);
    old.close();

    const local = new ServiceDeskDb(name);
    await local.open();
    expect(local.verno).toBeGreaterThanOrEqual(5);
    const [entry] = await local.outbox.toArray();
    expect(entry).toMatchObject({ id: 1, name: 'ticket.update@1', args: { ticketId: edited.id, changes: { title: 'Router down at HQ' }, base: {} }, baseVersions, clientTime: 1 });
    // The clean row's facts are on the row now; the pending one keeps its shadow.
    expect(await local.syncState.get(['tickets', clean.id])).toBeUndefined();
    expect((await local.tickets.get(clean.id)) as unknown).toMatchObject({ _sync: { v: Number(c.version) } });
    expect(await local.syncState.get(['tickets', edited.id])).toMatchObject({ hasShadow: 1, shadow: { title: 'Router down' } });

    // Someone else retitles the clean ticket; this device then retitles it on its old base.
    await runMutation(agent.db, 'ticket.update@1', { ticketId: clean.id, changes: { title: 'Switch noisy (fan)' } });
    await agent.sync.syncNow();
    await runMutation(local, 'ticket.update@1', { ticketId: clean.id, changes: { title: 'Switch replaced' }, base: { title: 'Switch noisy' } });

    const token = await loginToken(server, user);
    const sync = createSyncClient({ db: local, baseUrl: 'http://test', getToken: () => token, fetch: appFetch(server), intervalMs: 0 });
    expect(await sync.syncNow()).toMatchObject({ state: 'idle', pending: 0, conflicts: 1 });
    expect((await serverRow(tenant, edited.id)).data.title).toBe('Router down at HQ');
    expect((await serverRow(tenant, clean.id)).data.title).toBe('Switch noisy (fan)');
    expect((await local.tickets.get(edited.id))?.title).toBe('Router down at HQ');
    expect((await local.tickets.get(clean.id))?.title).toBe('Switch noisy (fan)');
    const [conflict] = await local.conflicts.where('status').equals('open').toArray();
    expect(conflict).toMatchObject({ ticketId: clean.id, field: 'title', mine: 'Switch replaced', theirs: 'Switch noisy (fan)' });
    // Nothing pending: no ticket needs a sync state row any more (conflict records keep theirs).
    expect(await local.syncState.filter((s) => s.table === 'tickets' || s.hasShadow === 1).count()).toBe(0);
    sync.stop();
    local.close();
  });
});
