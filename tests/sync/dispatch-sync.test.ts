import { describe, expect, it } from 'vitest';
import type { Visit } from '../../shared/dispatch/visit-schema';
import { autoEscalationEventId } from '../../shared/sync';
import { runMutation } from '../../renderer/src/data/mutate';
import { seedDemoWarehouse } from '../../server/seed';
import { addUser, inProcessServer, makeClient, newTicket } from './harness';

const env = inProcessServer();

const H = 3_600_000;
const T0 = Date.UTC(2030, 0, 7, 9);
let visitSeq = 0;
function visit(ticketId: string, over: Partial<Visit> = {}): Visit {
  const now = Date.UTC(2030, 0, 1);
  return {
    id: `visit-${process.pid}-${++visitSeq}`, ticketId, customerId: 'cust-1', kind: 'fault', reason: 'online_window_expired', site: { address: '1 Example Road', timeZone: 'Europe/Sofia' },
    status: 'unscheduled', travelBufferMinutes: 0, parts: [], workNotes: [], sequence: 0, history: [], createdAt: now, createdBy: '', updatedAt: now, updatedBy: '', ...over,
  };
}

describe('dispatch and presets over sync (PGlite)', () => {
  it('an automatic escalation recorded by two offline devices is stored once', async () => {
    const tenant = 't-auto-esc';
    const a = await makeClient(env.server, await addUser(env.db, tenant));
    const b = await makeClient(env.server, await addUser(env.db, tenant));
    const t = newTicket();
    await runMutation(a.db, 'ticket.create@1', { ticket: t });
    await a.sync.syncNow();
    await b.sync.syncNow();
    a.online.value = false;
    b.online.value = false;
    const args = { ticketId: t.id, level: 1, levelName: 'Team lead', recipients: ['lead@example.com'], automatic: true };
    await runMutation(a.db, 'ticket.recordEscalation@1', args);
    await runMutation(b.db, 'ticket.recordEscalation@1', args);
    a.online.value = true;
    b.online.value = true;
    await a.sync.syncNow();
    await b.sync.syncNow();
    await a.sync.syncNow();
    const rows = await env.db.query(`SELECT id FROM entities WHERE tenant_id = $1 AND data->>'kind' = 'escalated'`, [tenant]);
    expect(rows).toEqual([{ id: autoEscalationEventId(t.id, 1) }]);
    for (const c of [a, b]) expect(await c.db.timeline.where('ticketId').equals(t.id).filter((e) => e.kind === 'escalated').count()).toBe(1);
    expect(await b.db.tickets.get(t.id)).toMatchObject({ escalationLevel: 1 });
  });

  it('presets reach every user including field engineers; a non-admin change is refused visibly; deletes propagate', async () => {
    const tenant = 't-config';
    const admin = await makeClient(env.server, await addUser(env.db, tenant, 'admin'));
    const agent = await makeClient(env.server, await addUser(env.db, tenant, 'agent'));
    const fe = await makeClient(env.server, await addUser(env.db, tenant, 'field_engineer', 'far-away'));
    const cal = { id: 'office-hours', name: 'Office hours', calendar: { timeZone: 'Europe/Sofia', week: { sun: [], mon: [['09:00', '17:00']], tue: [['09:00', '17:00']], wed: [], thu: [], fri: [], sat: [] } } };
    await runMutation(admin.db, 'config.put@1', { table: 'calendars', row: cal });
    await admin.sync.syncNow();
    await agent.sync.syncNow();
    await fe.sync.syncNow();
    expect(await agent.db.calendars.get('office-hours')).toMatchObject({ name: 'Office hours' });
    expect(await fe.db.calendars.get('office-hours')).toMatchObject({ name: 'Office hours' });

    const r = await runMutation(agent.db, 'config.put@1', { table: 'calendars', row: { ...cal, name: 'Hijacked' } });
    expect(r.outcome).toBe('conflict');
    await agent.sync.syncNow();
    const [row] = await env.db.query<{ name: string }>(`SELECT data->>'name' AS name FROM entities WHERE tenant_id = $1 AND tbl = 'calendars'`, [tenant]);
    expect(row?.name).toBe('Office hours');
    expect((await agent.db.conflicts.toArray()).some((c) => /only an admin can change calendars/.test(c.reason))).toBe(true);
    expect(await agent.db.calendars.get('office-hours')).toMatchObject({ name: 'Office hours' });

    await runMutation(admin.db, 'config.delete@1', { table: 'calendars', id: 'office-hours' });
    await admin.sync.syncNow();
    await fe.sync.syncNow();
    expect(await fe.db.calendars.get('office-hours')).toBeUndefined();
  });

  it('an offline booking is confirmed by the server; an overlapping one stays tentative with a conflict both dispatchers see', async () => {
    const tenant = 't-booking';
    const d1 = await makeClient(env.server, await addUser(env.db, tenant, 'dispatcher'));
    const d2 = await makeClient(env.server, await addUser(env.db, tenant, 'dispatcher'));
    const eng = await addUser(env.db, tenant, 'field_engineer', 'north');
    const [t1, t2] = [newTicket(), newTicket()];
    await runMutation(d1.db, 'ticket.create@1', { ticket: t1 });
    await runMutation(d1.db, 'ticket.create@1', { ticket: t2 });
    await d1.sync.syncNow();
    await d2.sync.syncNow();
    d1.online.value = false;
    d2.online.value = false;
    const v1 = visit(t1.id, { engineerId: eng.id, window: { start: T0, end: T0 + 2 * H } });
    const v2 = visit(t2.id, { engineerId: eng.id, window: { start: T0 + H, end: T0 + 3 * H } });
    await runMutation(d1.db, 'visit.create@1', { visit: v1 });
    await runMutation(d2.db, 'visit.create@1', { visit: v2 });
    expect(await d1.db.visits.get(v1.id)).toMatchObject({ status: 'tentative' });
    d1.online.value = true;
    d2.online.value = true;
    await d1.sync.syncNow();
    expect(await d1.db.visits.get(v1.id)).toMatchObject({ status: 'confirmed', sequence: 1 });
    await d2.sync.syncNow();
    await d1.sync.syncNow();
    for (const d of [d1, d2]) {
      expect(await d.db.visits.get(v2.id)).toMatchObject({ status: 'tentative' });
      const clash = (await d.db.conflicts.toArray()).find((c) => c.field === `booking:${v2.id}`);
      expect(clash?.reason).toMatch(/stays tentative: .*overlaps this booking/);
      // Both tickets' timelines carry the clash, so whoever opens either ticket sees it.
      for (const t of [t1, t2]) expect(await d.db.timeline.where('ticketId').equals(t.id).filter((e) => e.kind === 'conflict').count()).toBe(1);
    }
    // Moving it to a free slot confirms it.
    await runMutation(d2.db, 'visit.action@1', { visitId: v2.id, action: { type: 'reschedule', window: { start: T0 + 3 * H, end: T0 + 4 * H }, reason: 'clash with another visit' } });
    await d2.sync.syncNow();
    expect(await d2.db.visits.get(v2.id)).toMatchObject({ status: 'confirmed' });
  });

  it('a field engineer receives the visit assigned to them with its ticket, records arrival offline, and the ticket clock stops', async () => {
    const tenant = 't-field';
    const disp = await makeClient(env.server, await addUser(env.db, tenant, 'dispatcher', 'north'));
    const fe = await makeClient(env.server, await addUser(env.db, tenant, 'field_engineer', 'south'));
    const t = newTicket({ region: 'north' });
    await runMutation(disp.db, 'ticket.create@1', { ticket: t });
    await runMutation(disp.db, 'timeline.addNote@1', { ticketId: t.id, visibility: 'internal', text: 'customer prefers mornings' });
    await disp.sync.syncNow();
    await fe.sync.syncNow();
    expect(await fe.db.tickets.get(t.id)).toBeUndefined();

    const v = visit(t.id, { engineerId: fe.user.id, window: { start: T0, end: T0 + 2 * H } });
    await runMutation(disp.db, 'visit.create@1', { visit: v });
    await disp.sync.syncNow();
    await fe.sync.syncNow();
    expect(await fe.db.visits.get(v.id)).toMatchObject({ status: 'confirmed' });
    expect(await fe.db.tickets.get(t.id)).toMatchObject({ id: t.id });
    expect(await fe.db.timeline.where('ticketId').equals(t.id).filter((e) => e.kind === 'note').count()).toBe(1);

    fe.online.value = false;
    await runMutation(fe.db, 'visit.action@1', { visitId: v.id, action: { type: 'en_route' } }, { now: T0 - H });
    await runMutation(fe.db, 'visit.action@1', { visitId: v.id, action: { type: 'arrive' } }, { now: T0 - 60_000 });
    expect((await fe.db.tickets.get(t.id))?.sla.arrivedAt).toBe(T0 - 60_000);
    fe.online.value = true;
    expect(await fe.sync.syncNow()).toMatchObject({ state: 'idle', pending: 0 });
    await disp.sync.syncNow();
    expect(await disp.db.visits.get(v.id)).toMatchObject({ status: 'arrived' });
    expect((await disp.db.tickets.get(t.id))?.sla.arrivedAt).toBeDefined();
  });

  it('parts checked out by two engineers come out of the shared warehouse; a check-out beyond stock is refused', async () => {
    const tenant = 't-parts';
    const disp = await makeClient(env.server, await addUser(env.db, tenant, 'dispatcher'));
    await seedDemoWarehouse(env.db, tenant);
    const t = newTicket();
    await runMutation(disp.db, 'ticket.create@1', { ticket: t });
    const va = visit(t.id, { engineerId: disp.user.id, window: { start: T0, end: T0 + H } });
    const vb = visit(t.id, { engineerId: disp.user.id, window: { start: T0 + 2 * H, end: T0 + 3 * H } });
    await runMutation(disp.db, 'visit.create@1', { visit: va });
    await runMutation(disp.db, 'visit.create@1', { visit: vb });
    await disp.sync.syncNow();
    const other = await makeClient(env.server, await addUser(env.db, tenant, 'dispatcher'));
    await other.sync.syncNow();
    expect(await other.db.warehouse.get('line-card-48p')).toMatchObject({ onHand: 2 });
    disp.online.value = false;
    other.online.value = false;
    await runMutation(disp.db, 'visit.parts@1', { visitId: va.id, move: { kind: 'check_out', partId: 'line-card-48p', quantity: 1 } });
    await runMutation(other.db, 'visit.parts@1', { visitId: vb.id, move: { kind: 'check_out', partId: 'line-card-48p', quantity: 1 } });
    await runMutation(other.db, 'visit.parts@1', { visitId: vb.id, move: { kind: 'check_out', partId: 'line-card-48p', quantity: 1 } });
    disp.online.value = true;
    other.online.value = true;
    await disp.sync.syncNow();
    await other.sync.syncNow();
    await disp.sync.syncNow();
    for (const c of [disp, other]) expect(await c.db.warehouse.get('line-card-48p')).toMatchObject({ onHand: 0 });
    expect((await other.db.conflicts.toArray()).some((c) => /Only 0 x Line card 48-port on hand/.test(c.reason))).toBe(true);
  });
});
