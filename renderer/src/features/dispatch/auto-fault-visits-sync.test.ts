// Automatic fault visits when several windows and devices run the job: one visit per ticket, on
// every device and on the server (real server over PGlite, real Dexie clients).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoCustomers } from '../../../../shared/demo';
import { parseVisitRows } from './visit-rows';
import { createDueFaultVisits, faultVisitId } from './auto-fault-visits';
import { NOW, config, makeTicket } from './fixtures.test-support';
import type { Mutate } from '../../app/mutations';
import { createSyncClient, openDb, runMutation, setActor } from '../../data';
import { installQueueKeys } from '../../data';
import { addUser, appFetch, createServer, loginToken, memoryDb, type TestClient } from '../../../../tests/sync/harness';

let db: Awaited<ReturnType<typeof memoryDb>>;
let server: ReturnType<typeof createServer>;

beforeAll(async () => {
  db = await memoryDb();
  server = createServer({ db });
});
afterAll(async () => {
  await server.close();
  await db.close();
});

let seq = 0;
/** A dispatcher's device: own store with the queue keys (the dueAt index the job reads) and the demo customers, signed in. */
async function device(tenant: string): Promise<{ client: TestClient; mutate: Mutate }> {
  const user = await addUser(db, tenant, 'dispatcher', 'apac-cjks');
  const store = openDb(`sd-auto-visits-${process.pid}-${++seq}`);
  installQueueKeys(store, () => config, () => NOW);
  await setActor(store, { userId: user.id, role: user.role, region: user.region });
  await store.customers.bulkPut(demoCustomers);
  const token = await loginToken(server, user);
  const online = { value: true };
  const clock = { now: NOW };
  const sync = createSyncClient({ db: store, baseUrl: 'http://test', getToken: () => token, fetch: appFetch(server, online), now: () => clock.now, random: () => 0.5, intervalMs: 0 });
  const mutate: Mutate = async (name, args) => {
    const r = await runMutation(store, name, args, { now: NOW });
    return { outcome: r.outcome, ...(r.message ? { message: r.message } : {}) };
  };
  return { client: { db: store, sync, online, user, clock }, mutate };
}

async function visitsOf(client: TestClient, ticketId: string): Promise<string[]> {
  return parseVisitRows(await client.db.visits.where('ticketId').equals(ticketId).toArray()).map((v) => v.id);
}

describe('automatic fault visits on several windows and devices', () => {
  it('two devices that both create the visit offline end with one visit, on both and on the server', async () => {
    const tenant = 'auto-visits-devices';
    const [a, b] = [await device(tenant), await device(tenant)];
    const ticket = makeTicket({ id: 'SD-AUTO-0001' });
    await runMutation(a.client.db, 'ticket.create@1', { ticket }, { now: ticket.createdAt });
    await a.client.sync.syncNow();
    await b.client.sync.syncNow();
    expect(await b.client.db.tickets.get(ticket.id)).toBeDefined();

    // Both are offline when the online window has expired: each creates the fault visit.
    a.client.online.value = false;
    b.client.online.value = false;
    for (const d of [a, b]) {
      const r = await createDueFaultVisits(d.client.db, d.mutate, config, NOW, d.client.user.id, { syncedOnly: true });
      expect(r).toEqual({ created: [faultVisitId(ticket.id)], failed: [] });
    }
    a.client.online.value = true;
    b.client.online.value = true;
    await a.client.sync.syncNow();
    await b.client.sync.syncNow();
    await a.client.sync.syncNow();

    expect(await visitsOf(a.client, ticket.id)).toEqual([faultVisitId(ticket.id)]);
    expect(await visitsOf(b.client, ticket.id)).toEqual([faultVisitId(ticket.id)]);
    // The second device queued the same automatic visit: nothing for anyone to resolve.
    expect(await a.client.db.conflicts.count()).toBe(0);
    expect(await b.client.db.conflicts.count()).toBe(0);
    const fresh = await device(tenant);
    await fresh.client.sync.syncNow();
    expect(await visitsOf(fresh.client, ticket.id)).toEqual([faultVisitId(ticket.id)]);
    // Neither device queues a visit again once it has the server's.
    expect(await createDueFaultVisits(b.client.db, b.mutate, config, NOW + 60_000, b.client.user.id, { syncedOnly: true })).toEqual({ created: [], failed: [] });
  });

  it('two windows on one store running at once create the visit once, with no refusal to show', async () => {
    const { client, mutate } = await device('auto-visits-windows');
    const ticket = makeTicket({ id: 'SD-AUTO-0002' });
    await runMutation(client.db, 'ticket.create@1', { ticket }, { now: ticket.createdAt });
    const runs = await Promise.all([1, 2].map(() => createDueFaultVisits(client.db, mutate, config, NOW, client.user.id, { syncedOnly: true })));
    expect(runs.flatMap((r) => r.created)).toEqual([faultVisitId(ticket.id)]);
    expect(runs.flatMap((r) => r.failed)).toEqual([]);
    expect(await visitsOf(client, ticket.id)).toEqual([faultVisitId(ticket.id)]);
    expect(await client.db.conflicts.count()).toBe(0);
    expect((await client.db.outbox.toArray()).filter((e) => e.name === 'visit.create@1')).toHaveLength(1);
  });

  it('signed in, leaves the device-only demo tickets alone (the server would refuse their visits every minute)', async () => {
    const { client, mutate } = await device('auto-visits-demo');
    await client.db.tickets.bulkPut([makeTicket({ id: 'SD-DEMO-0042' })]);
    await runMutation(client.db, 'ticket.create@1', { ticket: makeTicket({ id: 'SD-AUTO-0003' }) }, { now: NOW });
    expect((await createDueFaultVisits(client.db, mutate, config, NOW, client.user.id, { syncedOnly: true })).created).toEqual([faultVisitId('SD-AUTO-0003')]);
    // Without a server the demo tickets are the data: their visits are created.
    expect((await createDueFaultVisits(client.db, mutate, config, NOW, client.user.id)).created).toEqual([faultVisitId('SD-DEMO-0042')]);
  });
});
