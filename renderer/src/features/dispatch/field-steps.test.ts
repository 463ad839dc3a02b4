import { afterEach, describe, expect, it } from 'vitest';
import { createServiceVisit } from '../../../../shared/dispatch';
import { pendingRef, PUSHED_THROUGH_KEY, runMutation, type ServiceDeskDb } from '../../data';
import { CREATED, NOW, makeTicket, makeVisit, openStore } from './fixtures.test-support';
import { isFollowedOnVisit, isSent, undoFieldStep } from '../visits';

const WINDOW = { start: NOW + 86_400_000, end: NOW + 86_400_000 + 7_200_000 };

describe('undo of a field step', () => {
  let db: ServiceDeskDb | undefined;
  afterEach(async () => {
    await db?.delete();
    db = undefined;
  });

  it('takes an unsynced arrival back: the visit is booked again, the ticket has no arrival and nothing waits to be sent', async () => {
    const store = await openStore('undo-arrival', [makeTicket()]);
    db = store.db;
    await store.mutate('visit.create@1', { visit: makeVisit({ id: 'v1', ticketId: 'SD-D-0001', engineerId: 'eng-kai', status: 'tentative', window: WINDOW }) });
    const before = await db.outbox.count();
    const r = await runMutation(db, 'visit.action@1', { visitId: 'v1', action: { type: 'arrive', at: NOW } }, { now: NOW });
    expect(r.outcome).toBe('applied');
    expect((await db.visits.get('v1'))?.status).toBe('arrived');
    expect(await isSent(db, pendingRef(r.id!))).toBe(false);
    expect(await undoFieldStep(db, pendingRef(r.id!))).toBe('withdrawn');
    expect((await db.visits.get('v1'))?.status).toBe('tentative');
    expect((await db.tickets.get('SD-D-0001'))?.sla.arrivedAt).toBeUndefined();
    expect(await db.outbox.count()).toBe(before);
  });

  it('a change the background queues afterwards on the ticket (a note, an alert) leaves the undo offered and is kept; a later step on the same visit takes the undo away', async () => {
    const store = await openStore('undo-after-background', [makeTicket()]);
    db = store.db;
    await store.mutate('visit.create@1', { visit: makeVisit({ id: 'v3', ticketId: 'SD-D-0001', engineerId: 'eng-kai', status: 'tentative', window: WINDOW }) });
    const r = await runMutation(db, 'visit.action@1', { visitId: 'v3', action: { type: 'arrive', at: NOW } }, { now: NOW });
    const change = pendingRef(r.id!);
    expect((await runMutation(db, 'timeline.addNote@1', { ticketId: 'SD-D-0001', visibility: 'internal', text: 'queued after the arrival' }, { now: NOW + 1_000 })).outcome).toBe('applied');
    expect(await isFollowedOnVisit(db, change, 'v3')).toBe(false);
    expect(await undoFieldStep(db, change)).toBe('withdrawn');
    expect((await db.visits.get('v3'))?.status).toBe('tentative');
    // The later change is still there, under the id the server now expects next.
    const notes = (await db.timeline.where('ticketId').equals('SD-D-0001').toArray()).filter((e) => e.kind === 'note');
    expect(notes.map((e) => (e as { text: string }).text)).toContain('queued after the arrival');
    expect((await db.outbox.toArray()).map((e) => e.name)).toContain('timeline.addNote@1');

    const again = await runMutation(db, 'visit.action@1', { visitId: 'v3', action: { type: 'arrive', at: NOW + 2_000 } }, { now: NOW + 2_000 });
    expect((await runMutation(db, 'visit.action@1', { visitId: 'v3', action: { type: 'depart', at: NOW + 3_000 } }, { now: NOW + 3_000 })).outcome).toBe('applied');
    expect(await isFollowedOnVisit(db, pendingRef(again.id!), 'v3')).toBe(true);
  });

  it('once a push carried the step, the undo is gone and says so; nothing changes', async () => {
    const store = await openStore('undo-sent', [makeTicket()]);
    db = store.db;
    await store.mutate('visit.create@1', { visit: makeVisit({ id: 'v2', ticketId: 'SD-D-0001', engineerId: 'eng-kai', status: 'tentative', window: WINDOW }) });
    const r = await runMutation(db, 'visit.action@1', { visitId: 'v2', action: { type: 'en_route', at: NOW } }, { now: NOW });
    await db.meta.put({ key: PUSHED_THROUGH_KEY, value: r.id! });
    expect(await isSent(db, pendingRef(r.id!))).toBe(true);
    expect(await undoFieldStep(db, pendingRef(r.id!))).toBe('sent');
    expect((await db.visits.get('v2'))?.status).toBe('en_route');
  });
});

describe('installation requested from a ticket', () => {
  let db: ServiceDeskDb | undefined;
  afterEach(async () => {
    await db?.delete();
    db = undefined;
  });

  it('shows in the ticket history but does not put the ticket on site or start its arrival clock', async () => {
    const store = await openStore('install', [makeTicket()]);
    db = store.db;
    const visit = createServiceVisit({ id: 'visit-installation-1', kind: 'installation', ticketId: 'SD-D-0001', customerId: 'cust-jade', site: { address: 'Century Avenue 88, Shanghai', timeZone: 'Asia/Shanghai' }, now: CREATED, by: 'eng-sam' });
    expect(await store.mutate('visit.create@1', { visit })).toEqual({ outcome: 'applied' });
    const ticket = await db.tickets.get('SD-D-0001');
    expect(ticket?.onSite).toBe(false);
    expect(ticket?.sla.onSiteRequestedAt).toBeUndefined();
    const events = await db.timeline.where('ticketId').equals('SD-D-0001').toArray();
    expect(events.some((e) => e.kind === 'visit' && e.detail === 'installation')).toBe(true);
  });
});
