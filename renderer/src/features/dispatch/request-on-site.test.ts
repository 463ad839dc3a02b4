import { afterEach, describe, expect, it } from 'vitest';
import ICAL from 'ical.js';
import { demoCustomers, demoEngineers } from '../../../../shared/demo';
import type { ServiceDeskDb } from '../../data';
import { findDueFaultVisits } from './auto-fault-visits';
import { onSiteClock } from './deadlines';
import { exportVisitIcs } from './ics-export';
import { checkPartMove, checkVisitAction } from './use-visit-mutation';
import { handRequestedVisit } from './request-on-site';
import { parseVisitRows } from './visit-rows';
import { CREATED, config, makeTicket, makeVisit, openStore } from './fixtures.test-support';

const jade = demoCustomers.find((c) => c.id === 'cust-jade')!;
const EARLY = CREATED + 3_600_000; // Monday 10:00 Shanghai, the online window still open

describe('on-site visit requested by hand', () => {
  let db: ServiceDeskDb | undefined;
  afterEach(async () => {
    await db?.delete();
    db = undefined;
  });

  it('starts the arrival clock now (3 working days for severity 2) and the automatic visit is not created on top', async () => {
    const store = await openStore('by-hand', [makeTicket()], EARLY);
    db = store.db;
    const ticket = (await db.tickets.get('SD-D-0001'))!;
    const visit = handRequestedVisit(ticket, jade, [], config, EARLY, 'eng-alex');
    expect(visit).toMatchObject({ id: 'visit-SD-D-0001-onsite', reason: 'requested_by_hand', status: 'unscheduled' });
    expect(await store.mutate('visit.create@1', { visit })).toEqual({ outcome: 'applied' });
    const stored = (await db.tickets.get('SD-D-0001'))!;
    expect(stored.sla.onSiteRequestedAt).toBe(EARLY);
    const clock = onSiteClock(stored, config, EARLY + 60_000);
    expect(clock?.state).toBe('running');
    expect(clock?.target).toBe(visit.arrivalDeadline);
    expect(clock?.target).toBe(Date.UTC(2026, 2, 12, 9)); // Thursday 17:00 Shanghai
    expect(await findDueFaultVisits(db, config, EARLY + 2 * 86_400_000, 'eng-sam')).toEqual([]);
    // A second request after the first visit was cancelled gets its own id.
    const cancelled = { ...visit, status: 'cancelled' as const };
    expect(handRequestedVisit(stored, jade, [cancelled], config, EARLY, 'eng-alex').id).toBe('visit-SD-D-0001-onsite-2');
  });

  it('a refused workflow step or parts move is explained before anything is written', async () => {
    const store = await openStore('precheck', [makeTicket()], EARLY);
    db = store.db;
    const visit = makeVisit({ id: 'v1', ticketId: 'SD-D-0001', engineerId: 'eng-kai', status: 'tentative', window: { start: EARLY + 86_400_000, end: EARLY + 86_400_000 + 7_200_000 } });
    expect(checkVisitAction(visit, { type: 'submit' }, EARLY, 'eng-kai')).toMatch(/Cannot submit visit v1: it is tentative/);
    expect(checkVisitAction(visit, { type: 'cancel', reason: ' ' }, EARLY, 'eng-kai')).toMatch(/reason is required/);
    expect(checkVisitAction(visit, { type: 'arrive' }, EARLY, 'eng-kai')).toBe('');
    expect(checkPartMove(visit, [{ partId: 'fan', name: 'Fan tray', onHand: 1 }], { kind: 'check_out', partId: 'fan', quantity: 2 })).toMatch(/Only 1 x Fan tray on hand/);
    expect(await db.outbox.count()).toBe(0);
  });

  it('checks out a part for the visit and returns it through the synced mutation; the warehouse count follows', async () => {
    const store = await openStore('parts', [makeTicket()], EARLY);
    db = store.db;
    await db.warehouse.put({ id: 'fan', name: 'Fan tray', onHand: 3 });
    const visit = makeVisit({ id: 'v2', ticketId: 'SD-D-0001', engineerId: 'eng-kai', status: 'tentative', window: { start: EARLY + 86_400_000, end: EARLY + 86_400_000 + 7_200_000 } });
    expect(await store.mutate('visit.create@1', { visit })).toEqual({ outcome: 'applied' });
    expect((await store.mutate('visit.parts@1', { visitId: 'v2', move: { kind: 'check_out', partId: 'fan', quantity: 2 } })).outcome).toBe('applied');
    expect((await db.warehouse.get('fan'))?.onHand).toBe(1);
    expect((await store.mutate('visit.parts@1', { visitId: 'v2', move: { kind: 'return', partId: 'fan', quantity: 1 } })).outcome).toBe('applied');
    expect((await db.warehouse.get('fan'))?.onHand).toBe(2);
    const [stored] = parseVisitRows([await db.visits.get('v2')]);
    expect(stored?.parts.map((p) => [p.state, p.quantity])).toEqual([['checked_out', 1], ['returned', 1]]);
  });

  it('exports a booked visit as .ics that a calendar parser reads back with the site time zone', async () => {
    const calls: Array<{ fileName: string; ics: string }> = [];
    const host = { invoke: async (_call: string, input: unknown) => (calls.push(input as { fileName: string; ics: string }), { path: null }) };
    const visit = makeVisit({ id: 'visit-SD-D-0001-onsite', ticketId: 'SD-D-0001', engineerId: 'eng-kai', status: 'tentative', window: { start: Date.UTC(2026, 2, 11, 1), end: Date.UTC(2026, 2, 11, 3) } });
    await exportVisitIcs(host as never, visit, { customers: new Map([[jade.id, jade]]), tickets: new Map([['SD-D-0001', makeTicket()]]), engineers: demoEngineers, organizerEmail: 'sam.okafor@example.com' });
    expect(calls[0]?.fileName).toBe('visit-SD-D-0001-onsite.ics');
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(calls[0]!.ics)).getFirstSubcomponent('vevent')!);
    expect(event.uid).toBe('visit-SD-D-0001-onsite@servicedesk.example.com');
    expect(event.startDate.toString()).toBe('2026-03-11T09:00:00');
    expect(event.component.getFirstProperty('dtstart')?.getParameter('tzid')).toBe('Asia/Shanghai');
    expect(event.summary).toBe('Jade River Bank – Edge router reboots');
    expect(event.description).toContain('Pat Example');
  });
});
