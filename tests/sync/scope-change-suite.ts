// A field engineer's scope changes while they keep syncing: a ticket that comes into scope brings
// its older timeline and visits (not only what changed after their cursor); tickets and visits
// that leave it leave the device. Run on PGlite (scope-change.test.ts) and PostgreSQL (postgres.test.ts).
import { expect, it } from 'vitest';
import type { Visit } from '../../shared/dispatch/visit-schema';
import { runMutation } from '../../renderer/src/data/mutate';
import type { Db } from '../../server/db/types';
import { addUser, appFetch, makeClient, newTicket, type SyncServer, type TestClient } from './harness';

const H = 3_600_000;
const T0 = Date.UTC(2030, 0, 7, 9);
let visitSeq = 0;
function visit(ticketId: string, over: Partial<Visit> = {}): Visit {
  const now = Date.UTC(2030, 0, 1);
  return {
    id: `scope-visit-${process.pid}-${++visitSeq}`, ticketId, customerId: 'cust-1', kind: 'fault', reason: 'online_window_expired', site: { address: '1 Example Road', timeZone: 'Europe/Sofia' },
    status: 'unscheduled', travelBufferMinutes: 0, parts: [], workNotes: [], sequence: 0, history: [], createdAt: now, createdBy: '', updatedAt: now, updatedBy: '', ...over,
  };
}

/** Ids of a ticket's rows a device holds: the ticket, its timeline, its visits. */
async function rowsOf(c: TestClient, ticketId: string): Promise<{ ticket: boolean; timeline: string[]; visits: string[] }> {
  return {
    ticket: (await c.db.tickets.get(ticketId)) !== undefined,
    timeline: (await c.db.timeline.where('ticketId').equals(ticketId).primaryKeys()).sort(),
    visits: (await c.db.visits.where('ticketId').equals(ticketId).primaryKeys()).sort(),
  };
}

/** The scope-change cases against one server (PGlite here, PostgreSQL in postgres.test.ts). */
export function runScopeChangeSuite(setup: () => { db: Db; server: SyncServer }, tag: string): void {
  it('a ticket assigned to a field engineer brings its older timeline, also when the assignment is pulled in an earlier page than the ticket', async () => {
    const { db, server } = setup();
    const tenant = `t-scope-gain-${tag}`;
    const desk = await makeClient(server, await addUser(db, tenant, 'dispatcher', 'north'));
    const fe = await makeClient(server, await addUser(db, tenant, 'field_engineer', 'south'), { pullLimit: 1 });
    const north = newTicket({ region: 'north', title: 'Core switch reboots' });
    await runMutation(desk.db, 'ticket.create@1', { ticket: north });
    await runMutation(desk.db, 'timeline.addNote@1', { ticketId: north.id, visibility: 'internal', text: 'logs collected' });
    await runMutation(desk.db, 'timeline.addNote@1', { ticketId: north.id, visibility: 'external', text: 'we are on it' });
    await desk.sync.syncNow();
    // The engineer syncs past those versions with something of their own region.
    await runMutation(desk.db, 'ticket.create@1', { ticket: newTicket({ region: 'south' }) });
    await desk.sync.syncNow();
    await fe.sync.syncNow();
    expect((await rowsOf(fe, north.id)).ticket).toBe(false);

    await runMutation(desk.db, 'ticket.assign@1', { ticketId: north.id, ownerId: fe.user.id });
    // A later edit moves the ticket row past the assignment, so the two arrive in different pages.
    await runMutation(desk.db, 'ticket.update@1', { ticketId: north.id, changes: { description: 'reboots every hour' } });
    await desk.sync.syncNow();
    expect(await fe.sync.syncNow()).toMatchObject({ state: 'idle' });
    const fresh = await makeClient(server, fe.user);
    await fresh.sync.syncNow();
    const expected = await rowsOf(fresh, north.id);
    expect(expected.timeline.length).toBe(4); // created, two notes, assigned
    expect(await rowsOf(fe, north.id)).toEqual(expected);
    expect((await fe.db.tickets.get(north.id))?.description).toBe('reboots every hour');

    // Assigned away again: the ticket and its timeline leave the engineer's device.
    await runMutation(desk.db, 'ticket.assign@1', { ticketId: north.id, ownerId: desk.user.id });
    await desk.sync.syncNow();
    await fe.sync.syncNow();
    expect(await rowsOf(fe, north.id)).toEqual({ ticket: false, timeline: [], visits: [] });
  });

  it('a visit assigned to a field engineer brings its ticket and older timeline; reassigned to someone else, both leave', async () => {
    const { db, server } = setup();
    const tenant = `t-scope-visit-${tag}`;
    const desk = await makeClient(server, await addUser(db, tenant, 'dispatcher', 'north'));
    const fe = await makeClient(server, await addUser(db, tenant, 'field_engineer', 'south'));
    const other = await addUser(db, tenant, 'field_engineer', 'east');
    const t = newTicket({ region: 'north' });
    await runMutation(desk.db, 'ticket.create@1', { ticket: t });
    await runMutation(desk.db, 'timeline.addNote@1', { ticketId: t.id, visibility: 'internal', text: 'gate code 4411' });
    await runMutation(desk.db, 'ticket.create@1', { ticket: newTicket({ region: 'south' }) });
    await desk.sync.syncNow();
    await fe.sync.syncNow();
    expect((await rowsOf(fe, t.id)).ticket).toBe(false);

    const v = visit(t.id, { engineerId: fe.user.id, window: { start: T0, end: T0 + 2 * H } });
    await runMutation(desk.db, 'visit.create@1', { visit: v });
    await desk.sync.syncNow();
    await fe.sync.syncNow();
    const got = await rowsOf(fe, t.id);
    expect(got.ticket).toBe(true);
    expect(got.visits).toEqual([v.id]);
    expect(await fe.db.timeline.where('ticketId').equals(t.id).filter((e) => e.kind === 'note').count()).toBe(1);

    await runMutation(desk.db, 'visit.action@1', { visitId: v.id, action: { type: 'reschedule', window: { start: T0 + 4 * H, end: T0 + 6 * H }, engineerId: other.id, reason: 'engineer off sick' } });
    await desk.sync.syncNow();
    await fe.sync.syncNow();
    expect(await rowsOf(fe, t.id)).toEqual({ ticket: false, timeline: [], visits: [] });
  });

  it('reassigning other people’s tickets and creating tickets elsewhere sends a field engineer nothing about them', async () => {
    const { db, server } = setup();
    const tenant = `t-scope-quiet-${tag}`;
    const desk = await makeClient(server, await addUser(db, tenant, 'dispatcher', 'north'));
    const colleague = await addUser(db, tenant, 'agent', 'north');
    const pulled: string[] = [];
    const base = appFetch(server);
    const watching: typeof fetch = async (input, init) => {
      const res = await base(input, init);
      if (String(input).endsWith('/pull')) {
        const body = (await res.clone().json()) as { rows: Array<{ id: string }> };
        pulled.push(...body.rows.map((r) => r.id));
      }
      return res;
    };
    const fe = await makeClient(server, await addUser(db, tenant, 'field_engineer', 'south'), { fetch: watching });
    const north = newTicket({ region: 'north' });
    await runMutation(desk.db, 'ticket.create@1', { ticket: north });
    await runMutation(desk.db, 'ticket.create@1', { ticket: newTicket({ region: 'south' }) });
    await desk.sync.syncNow();
    await fe.sync.syncNow();
    pulled.length = 0;

    await runMutation(desk.db, 'ticket.assign@1', { ticketId: north.id, ownerId: colleague.id });
    await runMutation(desk.db, 'ticket.create@1', { ticket: newTicket({ region: 'east' }) });
    const mine = newTicket({ region: 'south' });
    await runMutation(desk.db, 'ticket.create@1', { ticket: mine });
    await desk.sync.syncNow();
    await fe.sync.syncNow();
    const mineRows = [mine.id, ...(await desk.db.timeline.where('ticketId').equals(mine.id).primaryKeys())];
    expect(pulled.sort()).toEqual(mineRows.sort());
  });
}
