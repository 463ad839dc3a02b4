import { describe, expect, it } from 'vitest';
import { arrivalState } from './deadline';
import { createVisit, withArrival } from './create-visit';
import { allowedVisitActions, applyVisitAction, VisitActionError } from './visit-workflow';
import type { VisitAction } from './visit-actions';
import type { Visit } from './visit-schema';

const T0 = Date.parse('2026-03-23T08:00:00Z');
const H = 3_600_000;
const window = { start: T0 + 26 * H, end: T0 + 28 * H };

function unscheduled(kind: Visit['kind'] = 'fault'): Visit {
  return createVisit({
    id: 'V-1', customerId: 'cust-1', kind, reason: kind === 'inspection' ? 'periodic_inspection' : 'online_window_expired',
    ...(kind === 'fault' ? { ticketId: 'SD-AAAA-0001' } : {}),
    site: { address: 'Example Street 1', timeZone: 'Europe/Sofia' }, status: 'unscheduled', arrivalDeadline: T0 + 30 * H,
    createdAt: T0, updatedAt: T0,
  });
}

function run(v: Visit, actions: VisitAction[], start = T0 + H): Visit {
  return actions.reduce((cur, a, i) => applyVisitAction(cur, a, start + i * 60_000, 'u-disp').visit, v);
}

const toSite: VisitAction[] = [
  { type: 'schedule', engineerId: 'eng-1', window },
  { type: 'confirm_booking' },
  { type: 'en_route' },
  { type: 'arrive' },
];

describe('visit workflow', () => {
  it('books offline as tentative until the server confirms, bumping SEQUENCE on confirmation', () => {
    const booked = applyVisitAction(unscheduled(), { type: 'schedule', engineerId: 'eng-1', window }, T0 + H, 'u-disp').visit;
    expect(booked).toMatchObject({ status: 'tentative', engineerId: 'eng-1', window, sequence: 0 });
    const confirmed = applyVisitAction(booked, { type: 'confirm_booking' }, T0 + 2 * H, 'server').visit;
    expect(confirmed).toMatchObject({ status: 'confirmed', sequence: 1 });
  });

  it('reschedule needs a reason, bumps SEQUENCE and records why', () => {
    const booked = run(unscheduled(), toSite.slice(0, 2));
    expect(() => applyVisitAction(booked, { type: 'reschedule', window, reason: ' ' } as VisitAction, T0, 'u')).toThrow(/reason is required/);
    const moved = applyVisitAction(booked, { type: 'reschedule', window: { start: window.start + H, end: window.end + H }, reason: 'customer asked' }, T0 + 3 * H, 'u-disp');
    expect(moved.visit.sequence).toBe(booked.sequence + 1);
    expect(moved.visit.status).toBe('tentative');
    expect(moved.visit.history.at(-1)).toMatchObject({ action: 'reschedule', by: 'u-disp' });
    expect(moved.event.detail).toContain('customer asked');
  });

  it('cancel keeps the window for the calendar, stores the reason and bumps SEQUENCE', () => {
    const booked = run(unscheduled(), toSite.slice(0, 2));
    const cancelled = applyVisitAction(booked, { type: 'cancel', reason: 'fixed remotely' }, T0 + 3 * H, 'u-disp').visit;
    expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'fixed remotely', window, sequence: booked.sequence + 1 });
    expect(allowedVisitActions(cancelled)).toEqual([]);
  });

  it('arrival stops the ticket arrival clock: returns the ticket patch and the deadline state stays met', () => {
    const enRoute = run(unscheduled(), toSite.slice(0, 3));
    expect(arrivalState(enRoute, T0 + 2 * H)).toMatchObject({ state: 'pending' });
    const arrivedAt = T0 + 27 * H;
    const result = applyVisitAction(enRoute, { type: 'arrive' }, arrivedAt, 'eng-1');
    expect(result.ticketPatch).toEqual({ ticketId: 'SD-AAAA-0001', sla: { arrivedAt } });
    expect(result.visit.arrivedAt).toBe(arrivedAt);
    // Long after the deadline the clock is still stopped at the arrival.
    expect(arrivalState(result.visit, T0 + 100 * H)).toEqual({ state: 'met', deadline: T0 + 30 * H, arrivedAt });
    expect(arrivalState(enRoute, T0 + 100 * H)).toMatchObject({ state: 'overdue', lateByMs: 70 * H });
    // A later second visit does not move the ticket's first arrival.
    expect(withArrival({ arrivedAt }, arrivedAt + H)).toEqual({ arrivedAt });
    expect(withArrival({}, arrivedAt)).toEqual({ arrivedAt });
  });

  it('records arrival, work notes, departure, report and customer confirmation, then submits', () => {
    const arrived = run(unscheduled(), toSite);
    const done = run(arrived, [
      { type: 'add_work_note', text: 'Replaced the controller' },
      { type: 'depart' },
      { type: 'report', found: 'Controller failed', done: 'Replaced controller', followUp: 'none' },
      { type: 'confirm', name: 'Mila Ivanova', text: 'Works again', confirmed: true },
      { type: 'submit' },
    ], T0 + 28 * H);
    expect(done.status).toBe('completed');
    expect(done.workNotes).toEqual([{ at: T0 + 28 * H, by: 'u-disp', text: 'Replaced the controller' }]);
    expect(done.customerConfirmation).toMatchObject({ name: 'Mila Ivanova', confirmed: true });
    expect(done.submittedAt).toBe(T0 + 28 * H + 4 * 60_000);
  });

  it('refuses illegal transitions with a message naming the current status, changing nothing', () => {
    const v = unscheduled();
    expect(() => applyVisitAction(v, { type: 'arrive' }, T0, 'u')).toThrow('Cannot arrive visit V-1: it is unscheduled (allowed now: schedule, cancel).');
    const arrived = run(v, toSite);
    expect(() => applyVisitAction(arrived, { type: 'submit' }, T0, 'u')).toThrow(/it is arrived/);
    expect(() => applyVisitAction(arrived, { type: 'inspection_report', report: { items: [], summary: 'ok' } }, T0, 'u')).toThrow(/only inspections/);
    expect(() => applyVisitAction(v, { type: 'schedule', engineerId: 'e', window: { start: 5, end: 5 } }, T0, 'u')).toThrow(VisitActionError);
    expect(v.status).toBe('unscheduled');
  });

  it('refuses to submit without a report or while parts are still checked out', () => {
    const departed = run(unscheduled(), [...toSite, { type: 'depart' }]);
    expect(() => applyVisitAction(departed, { type: 'submit' }, T0 + 40 * H, 'u')).toThrow(/needs a visit report/);
    const withPart = { ...run(departed, [{ type: 'report', found: 'f', done: 'd' }]), parts: [{ partId: 'p1', name: 'Fan', quantity: 1, state: 'checked_out' as const }] };
    expect(() => applyVisitAction(withPart, { type: 'submit' }, T0 + 40 * H, 'u')).toThrow('Mark the checked-out parts as used or returned before submitting: 1 x Fan.');
  });

  it('an inspection needs its inspection report before submit', () => {
    const departed = run(unscheduled('inspection'), [...toSite, { type: 'depart' }, { type: 'report', found: 'f', done: 'd' }]);
    expect(() => applyVisitAction(departed, { type: 'submit' }, T0 + 40 * H, 'u')).toThrow(/needs an inspection report/);
    const ok = run(departed, [{ type: 'inspection_report', report: { items: [{ item: 'UPS battery', ok: true }], summary: 'All fine' } }, { type: 'submit' }]);
    expect(ok.status).toBe('completed');
  });

  it('locks the visit after submit: every further action is refused', () => {
    const submitted = run(unscheduled(), [...toSite, { type: 'depart' }, { type: 'report', found: 'f', done: 'd' }, { type: 'submit' }]);
    expect(allowedVisitActions(submitted)).toEqual([]);
    for (const a of [{ type: 'add_work_note', text: 'late note' }, { type: 'report', found: 'x', done: 'y' }, { type: 'cancel', reason: 'r' }] as VisitAction[]) {
      expect(() => applyVisitAction(submitted, a, T0 + 50 * H, 'u')).toThrow('Visit V-1 was submitted and can no longer be changed.');
    }
  });

  it('copies the parts marked used into the report on submit', () => {
    const departed = run(unscheduled(), [...toSite, { type: 'depart' }, { type: 'report', found: 'f', done: 'd' }]);
    const withParts: Visit = { ...departed, parts: [{ partId: 'p1', name: 'Fan', quantity: 2, state: 'used' }, { partId: 'p2', name: 'PSU', quantity: 1, state: 'returned' }] };
    const done = applyVisitAction(withParts, { type: 'submit' }, T0 + 40 * H, 'u').visit;
    expect(done.report?.partsUsed).toEqual([{ partId: 'p1', name: 'Fan', quantity: 2 }]);
  });

  it('refuses an arrival time in the future or before setting off', () => {
    const enRoute = run(unscheduled(), toSite.slice(0, 3));
    expect(() => applyVisitAction(enRoute, { type: 'arrive', at: T0 + 99 * H }, T0 + 5 * H, 'u')).toThrow(/cannot be in the future/);
    expect(() => applyVisitAction(enRoute, { type: 'arrive', at: T0 }, T0 + 5 * H, 'u')).toThrow(/before the engineer set off/);
  });

  it('keeps the times an offline device stamped when the server replays its steps days later', () => {
    const booked = run(unscheduled(), toSite.slice(0, 2));
    const onSite = { enRoute: window.start - 20 * 60_000, arrived: window.start + 5 * 60_000, left: window.start + 90 * 60_000 };
    const syncedAt = T0 + 72 * H; // long after the arrival deadline
    const replayed = run(booked, [
      { type: 'en_route', at: onSite.enRoute },
      { type: 'arrive', at: onSite.arrived },
      { type: 'depart', at: onSite.left },
    ], syncedAt);
    expect(replayed).toMatchObject({ enRouteAt: onSite.enRoute, arrivedAt: onSite.arrived, departedAt: onSite.left });
    expect(arrivalState(replayed, syncedAt).state).toBe('met');
    // Without the device's time the arrival would be the replay time, after the deadline.
    expect(arrivalState(run(booked, [{ type: 'en_route' }, { type: 'arrive' }], syncedAt), syncedAt).state).toBe('missed');
  });

  it('takes a device clock a few minutes fast as now, and refuses one far ahead', () => {
    const enRoute = run(unscheduled(), toSite.slice(0, 3));
    const now = T0 + 5 * H;
    expect(applyVisitAction(enRoute, { type: 'arrive', at: now + 3 * 60_000 }, now, 'u').visit.arrivedAt).toBe(now);
    expect(() => applyVisitAction(enRoute, { type: 'arrive', at: now + 11 * 60_000 }, now, 'u')).toThrow(/cannot be in the future/);
  });
});
