import { afterEach, describe, expect, it } from 'vitest';
import { parseVisitRows } from './visit-rows';
import { createDueFaultVisits, faultVisitId, findDueFaultVisits } from './auto-fault-visits';
import { ARRIVE_BY, CREATED, NOW, config, makeTicket, makeVisit, openStore } from './fixtures.test-support';
import type { ServiceDeskDb } from '../../data';

describe('automatic fault visits for tickets whose online window expired', () => {
  let db: ServiceDeskDb | undefined;
  afterEach(async () => {
    await db?.delete();
    db = undefined;
  });

  const tickets = [
    makeTicket(),
    // Resolved inside the window: nobody goes on site.
    makeTicket({ id: 'SD-D-0002', status: 'resolved', sla: { severityHistory: [{ at: CREATED, severity: '2' }], pauses: [], customerUpdates: [], resolvedAt: CREATED + 3_600_000 } }),
    // Created this morning: its online window is still open.
    makeTicket({ id: 'SD-D-0003', createdAt: NOW - 3_600_000, updatedAt: NOW - 3_600_000 }),
    // A policy without on-site service.
    makeTicket({ id: 'SD-D-0004', customerId: 'cust-lumen', policyId: 'business-hours-3-severity', severity: '2' }),
    // Already has a (cancelled) visit: the dispatcher decided, no second one appears.
    makeTicket({ id: 'SD-D-0005' }),
  ];

  it('creates one unscheduled fault visit per due ticket, with the 3-working-day arrival deadline, and never a second one', async () => {
    const store = await openStore('auto-fault', tickets);
    db = store.db;
    await db.visits.put(makeVisit({ id: 'visit-old', ticketId: 'SD-D-0005', status: 'cancelled', cancelReason: 'customer fixed it' }));

    const first = await createDueFaultVisits(db, store.mutate, config, NOW, 'eng-sam');
    expect(first).toEqual({ created: [faultVisitId('SD-D-0001')], failed: [] });
    const visits = parseVisitRows(await db.visits.toArray());
    const created = visits.find((v) => v.id === 'visit-SD-D-0001-onsite');
    expect(created).toMatchObject({ ticketId: 'SD-D-0001', kind: 'fault', reason: 'online_window_expired', status: 'unscheduled', arrivalDeadline: ARRIVE_BY, site: { timeZone: 'Asia/Shanghai' } });
    expect((await db.tickets.get('SD-D-0001'))?.onSite).toBe(true);

    const again = await createDueFaultVisits(db, store.mutate, config, NOW + 60_000, 'eng-sam');
    expect(again).toEqual({ created: [], failed: [] });
    expect(await db.visits.count()).toBe(2);
    expect(await db.outbox.count()).toBe(1);
  });

  it('reads only open tickets whose nearest target has passed, and names the reason when the visit was asked for by hand', async () => {
    const byHand = makeTicket({ id: 'SD-D-0006', sla: { severityHistory: [{ at: CREATED, severity: '2' }], pauses: [], customerUpdates: [], onSiteRequestedAt: CREATED + 600_000 } });
    const store = await openStore('auto-fault-hand', [byHand]);
    db = store.db;
    const found = await findDueFaultVisits(db, config, NOW, 'eng-sam');
    expect(found.map((v) => [v.id, v.reason])).toEqual([['visit-SD-D-0006-onsite', 'requested_by_hand']]);
    // Without the request, the same ticket is not due before its online window ends (17:00), and is after.
    await db.tickets.put(makeTicket({ id: 'SD-D-0006' }));
    expect(await findDueFaultVisits(db, config, CREATED + 7 * 3_600_000, 'eng-sam')).toEqual([]);
    expect((await findDueFaultVisits(db, config, CREATED + 8 * 3_600_000 + 60_000, 'eng-sam')).map((v) => v.reason)).toEqual(['online_window_expired']);
  });
});
