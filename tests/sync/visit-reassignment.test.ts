// A visit is never credited to the wrong engineer: the dispatcher reassigns, reschedules or cancels
// a visit while its engineer works on it offline. Real server (PGlite) and real Dexie devices.
import { describe, expect, it } from 'vitest';
import type { Visit } from '../../shared/dispatch/visit-schema';
import { runMutation } from '../../renderer/src/data/mutate';
import { SCHEMA_VERSION } from '../../shared/sync';
import { addUser, inProcessServer, loginToken, makeClient, newTicket, type TestClient } from './harness';

const env = inProcessServer();

const H = 3_600_000;
const T0 = Date.UTC(2030, 0, 7, 9);
let seq = 0;

/** A dispatcher, two field engineers of another region, and a visit booked for the first engineer, all synced. */
async function setUp(tenant: string): Promise<{ disp: TestClient; fe: TestClient; other: TestClient; v: Visit; ticketId: string }> {
  const disp = await makeClient(env.server, await addUser(env.db, tenant, 'dispatcher', 'north'));
  const fe = await makeClient(env.server, await addUser(env.db, tenant, 'field_engineer', 'south'));
  const other = await makeClient(env.server, await addUser(env.db, tenant, 'field_engineer', 'south'));
  const t = newTicket({ region: 'north' });
  await runMutation(disp.db, 'ticket.create@1', { ticket: t });
  const now = Date.UTC(2030, 0, 1);
  const v: Visit = {
    id: `reassign-visit-${process.pid}-${++seq}`, ticketId: t.id, customerId: 'cust-1', kind: 'fault', reason: 'requested_by_hand', site: { address: '1 Example Road', timeZone: 'Europe/Sofia' },
    status: 'unscheduled', engineerId: fe.user.id, window: { start: T0, end: T0 + 2 * H }, travelBufferMinutes: 0, parts: [], workNotes: [], sequence: 0, history: [], createdAt: now, createdBy: '', updatedAt: now, updatedBy: '',
  };
  await runMutation(disp.db, 'visit.create@1', { visit: v });
  await disp.sync.syncNow();
  await fe.sync.syncNow();
  await other.sync.syncNow();
  expect(await fe.db.visits.get(v.id)).toMatchObject({ status: 'confirmed', engineerId: fe.user.id });
  return { disp, fe, other, v, ticketId: t.id };
}

describe('visit reassignment while the engineer works offline', () => {
  it('the engineer’s offline arrival after a reassignment stays theirs: the visit stays with them, the other engineer never gets it, the dispatcher sees a conflict', async () => {
    const { disp, fe, other, v, ticketId } = await setUp('t-reassign-1');
    fe.online.value = false;
    await runMutation(fe.db, 'visit.action@1', { visitId: v.id, action: { type: 'en_route' } }, { now: T0 - H });
    await runMutation(fe.db, 'visit.action@1', { visitId: v.id, action: { type: 'arrive' } }, { now: T0 - 60_000 });
    await runMutation(fe.db, 'visit.action@1', { visitId: v.id, action: { type: 'add_work_note', text: 'replaced the line card' } }, { now: T0 });

    await runMutation(disp.db, 'visit.action@1', { visitId: v.id, action: { type: 'reschedule', engineerId: other.user.id, window: { start: T0, end: T0 + 2 * H }, reason: 'closer engineer' } });
    await disp.sync.syncNow();
    await other.sync.syncNow();
    expect(await other.db.visits.get(v.id)).toMatchObject({ engineerId: other.user.id });

    fe.online.value = true;
    expect(await fe.sync.syncNow()).toMatchObject({ state: 'idle', pending: 0 });
    const mine = (await fe.db.visits.get(v.id)) as Visit | undefined;
    expect(mine).toMatchObject({ engineerId: fe.user.id, status: 'arrived' });
    expect(mine?.history.filter((h) => h.action === 'arrive').map((h) => h.by)).toEqual([fe.user.id]);
    expect(mine?.workNotes.map((n) => n.by)).toEqual([fe.user.id]);

    await other.sync.syncNow();
    expect(await other.db.visits.get(v.id)).toBeUndefined();
    await disp.sync.syncNow();
    expect(await disp.db.visits.get(v.id)).toMatchObject({ engineerId: fe.user.id, status: 'arrived' });
    const open = await disp.db.conflicts.where('status').equals('open').toArray();
    expect(open.map((c) => [c.ticketId, c.field, c.mine, c.theirs])).toEqual([[ticketId, `visit:${v.id}:engineerId`, fe.user.id, other.user.id]]);
    expect(open[0]?.reason).toMatch(/reassigned/);
    expect(await disp.db.timeline.where('ticketId').equals(ticketId).filter((e) => e.kind === 'conflict').count()).toBe(1);
  });

  it('a reassignment, reschedule or cancellation made without seeing the engineer’s progress is a conflict, and the engineer keeps the visit', async () => {
    for (const action of ['reassign', 'reschedule', 'cancel'] as const) {
      const { disp, fe, other, v } = await setUp(`t-reassign-${action}`);
      disp.online.value = false;
      await runMutation(fe.db, 'visit.action@1', { visitId: v.id, action: { type: 'en_route' } }, { now: T0 - H });
      await fe.sync.syncNow();
      const change =
        action === 'cancel' ? { type: 'cancel', reason: 'customer called' }
        : { type: 'reschedule', engineerId: action === 'reassign' ? other.user.id : fe.user.id, window: { start: T0 + 24 * H, end: T0 + 26 * H }, reason: 'moved' };
      await runMutation(disp.db, 'visit.action@1', { visitId: v.id, action: change });
      disp.online.value = true;
      await disp.sync.syncNow();
      const open = await disp.db.conflicts.where('status').equals('open').toArray();
      expect(open.map((c) => c.field)).toEqual([`visit:${v.id}:engineerId`]);
      expect(open[0]?.reason).toMatch(/field progress/);
      expect(await disp.db.visits.get(v.id)).toMatchObject({ engineerId: fe.user.id, status: 'en_route', window: { start: T0 } });
      await fe.sync.syncNow();
      expect(await fe.db.visits.get(v.id)).toMatchObject({ engineerId: fe.user.id, status: 'en_route' });

      // The dispatcher resolves it (keeps the engineer's visit); having seen the progress, a cancellation now applies.
      const conflict = open[0];
      await runMutation(disp.db, 'conflict.resolve@1', { conflictId: conflict?.id ?? '', ticketId: conflict?.ticketId ?? '', choice: 'theirs' });
      expect((await disp.sync.syncNow()).conflicts).toBe(0);
      if (action === 'cancel') {
        await runMutation(disp.db, 'visit.action@1', { visitId: v.id, action: change });
        expect((await disp.sync.syncNow()).conflicts).toBe(0);
        expect(await disp.db.visits.get(v.id)).toMatchObject({ status: 'cancelled' });
      }
    }
  });

  it('the dispatcher decides a visit conflict through the workflow: "use mine" cancels or moves the visit where the workflow allows, and is refused with the reason where it does not', async () => {
    // Cancel over progress: "use mine" cancels (the engineer is only on the way).
    const a = await setUp('t-resolve-cancel');
    a.disp.online.value = false;
    await runMutation(a.fe.db, 'visit.action@1', { visitId: a.v.id, action: { type: 'en_route' } }, { now: T0 - H });
    await a.fe.sync.syncNow();
    await runMutation(a.disp.db, 'visit.action@1', { visitId: a.v.id, action: { type: 'cancel', reason: 'customer called' } });
    a.disp.online.value = true;
    await a.disp.sync.syncNow();
    const [cancelConflict] = await a.disp.db.conflicts.where('status').equals('open').toArray();
    await runMutation(a.disp.db, 'conflict.resolve@1', { conflictId: cancelConflict?.id ?? '', ticketId: a.ticketId, choice: 'mine' });
    expect(await a.disp.sync.syncNow()).toMatchObject({ conflicts: 0, pending: 0 });
    expect(await a.disp.db.visits.get(a.v.id)).toMatchObject({ status: 'cancelled', cancelReason: 'customer called' });
    expect(await a.disp.db.conflicts.get(cancelConflict?.id ?? '')).toMatchObject({ status: 'resolved', resolution: 'mine' });
    await a.fe.sync.syncNow();
    expect(await a.fe.db.visits.get(a.v.id)).toMatchObject({ status: 'cancelled' });

    // Reclaimed after arrival: handing the visit to the dispatcher's pick is refused by the workflow
    // (the engineer is on site), the conflict stays open; keeping it with the engineer resolves it.
    const b = await setUp('t-resolve-reclaim');
    b.fe.online.value = false;
    await runMutation(b.fe.db, 'visit.action@1', { visitId: b.v.id, action: { type: 'en_route' } }, { now: T0 - H });
    await runMutation(b.fe.db, 'visit.action@1', { visitId: b.v.id, action: { type: 'arrive' } }, { now: T0 - 60_000 });
    await runMutation(b.disp.db, 'visit.action@1', { visitId: b.v.id, action: { type: 'reschedule', engineerId: b.other.user.id, window: { start: T0, end: T0 + 2 * H }, reason: 'closer engineer' } });
    await b.disp.sync.syncNow();
    b.fe.online.value = true;
    await b.fe.sync.syncNow();
    await b.disp.sync.syncNow();
    const [reclaim] = await b.disp.db.conflicts.where('status').equals('open').toArray();
    expect(reclaim?.field).toBe(`visit:${b.v.id}:engineerId`);
    await runMutation(b.disp.db, 'conflict.resolve@1', { conflictId: reclaim?.id ?? '', ticketId: b.ticketId, choice: 'theirs' });
    await b.disp.sync.syncNow();
    expect(await b.disp.db.conflicts.get(reclaim?.id ?? '')).toMatchObject({ status: 'open' });
    expect(await b.disp.db.visits.get(b.v.id)).toMatchObject({ engineerId: b.fe.user.id, status: 'arrived' });
    const refusals = await b.disp.db.conflicts.filter((c) => c.field === '_mutation' && c.mutation === 'conflict.resolve@1').toArray();
    expect(refusals.map((c) => c.reason).join(' ')).toMatch(/cannot|not allowed|allowed now/i);
    await runMutation(b.disp.db, 'conflict.resolve@1', { conflictId: reclaim?.id ?? '', ticketId: b.ticketId, choice: 'mine' });
    await b.disp.sync.syncNow();
    expect(await b.disp.db.conflicts.get(reclaim?.id ?? '')).toMatchObject({ status: 'resolved', resolution: 'mine' });
    expect(await b.disp.db.visits.get(b.v.id)).toMatchObject({ engineerId: b.fe.user.id, status: 'arrived' });
  });

  it('an engineer the visit was never taken from cannot claim it by recording work with an old base', async () => {
    const { fe, other, v } = await setUp('t-reassign-claim');
    const token = await loginToken(env.server, other.user);
    const res = await env.server.fetch(new Request('http://test/push', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ clientId: 'claim-attempt-1', schemaVersion: SCHEMA_VERSION, mutations: [{ id: 1, name: 'visit.action@1', args: { visitId: v.id, action: { type: 'arrive' } }, baseVersions: { [`visits/${v.id}`]: { engineerId: 0 } }, clientTime: 1 }] }) }));
    expect(((await res.json()) as { results: Array<{ status: string }> }).results[0]?.status).toBe('conflict');
    await fe.sync.syncNow();
    expect(await fe.db.visits.get(v.id)).toMatchObject({ engineerId: fe.user.id, status: 'confirmed' });
  });
});
