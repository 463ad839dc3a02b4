import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../sla';
import { createVisit } from './create-visit';
import { arrivalDeadline } from './deadline';
import { nextInspectionVisits } from './inspections';
import { sortUnscheduled } from './queue';
import type { Visit, VisitInput } from './visit-schema';

const site = { address: 'Example Road 5, Shanghai', timeZone: 'Asia/Shanghai' };
const T0 = Date.parse('2026-05-04T00:00:00Z');

function visit(over: Partial<VisitInput>): Visit {
  return createVisit({ id: 'V', customerId: 'c1', kind: 'fault', reason: 'requested_by_hand', site, status: 'unscheduled', createdAt: T0, updatedAt: T0, ...over });
}

const fiveByEight: BusinessCalendar = {
  timeZone: 'Europe/Sofia',
  week: { sun: [], sat: [], mon: [['08:30', '17:00']], tue: [['08:30', '17:00']], wed: [['08:30', '17:00']], thu: [['08:30', '17:00']], fri: [['08:30', '17:00']] },
};

describe('arrivalDeadline', () => {
  const fridayNoon = Date.parse('2026-03-27T12:00:00+02:00');
  it('adds elapsed minutes as wall-clock time (24 h for level 1)', () => {
    expect(arrivalDeadline(fridayNoon, { unit: 'elapsed_minutes', value: 24 * 60 }, fiveByEight)).toBe(fridayNoon + 86_400_000);
  });
  it('counts working days on the calendar (3 working days from Friday = end of Wednesday, across the DST change)', () => {
    expect(new Date(arrivalDeadline(fridayNoon, { unit: 'working_days', value: 3 }, fiveByEight)).toISOString()).toBe('2026-04-01T14:00:00.000Z');
  });
  it('counts business minutes over the weekend', () => {
    expect(new Date(arrivalDeadline(fridayNoon, { unit: 'business_minutes', value: 360 }, fiveByEight)).toISOString()).toBe('2026-03-30T06:30:00.000Z');
  });
  it('rejects a non-positive target', () => {
    expect(() => arrivalDeadline(fridayNoon, { unit: 'elapsed_minutes', value: 0 }, fiveByEight)).toThrow(/positive/);
  });
});

describe('sortUnscheduled', () => {
  it('puts the earliest arrival deadline first, visits without one last, then oldest first', () => {
    const visits = [
      visit({ id: 'none-old', createdAt: T0 - 10 }),
      visit({ id: 'late', arrivalDeadline: T0 + 5000 }),
      visit({ id: 'scheduled', arrivalDeadline: T0, status: 'confirmed', engineerId: 'e', window: { start: T0, end: T0 + 1 } }),
      visit({ id: 'soon-new', arrivalDeadline: T0 + 100, createdAt: T0 + 5 }),
      visit({ id: 'soon-old', arrivalDeadline: T0 + 100, createdAt: T0 + 1 }),
      visit({ id: 'none-new', createdAt: T0 + 10 }),
    ];
    expect(sortUnscheduled(visits).map((v) => v.id)).toEqual(['soon-old', 'soon-new', 'late', 'none-old', 'none-new']);
  });
  it('takes live deadlines from the SLA clocks when given', () => {
    const visits = [visit({ id: 'a', ticketId: 't-a' }), visit({ id: 'b', ticketId: 't-b' })];
    const live: Record<string, number> = { 't-a': T0 + 50, 't-b': T0 + 10 };
    expect(sortUnscheduled(visits, (v) => (v.ticketId ? live[v.ticketId] : undefined)).map((v) => v.id)).toEqual(['b', 'a']);
  });
});

describe('nextInspectionVisits', () => {
  const contract = { id: 'k1', customerId: 'c1', intervalMonths: 3, firstDue: '2026-01-31', site };

  it('generates unscheduled inspections by month interval without month-end drift, due at the end of the local day', () => {
    const out = nextInspectionVisits(contract, [], Date.parse('2026-12-31T00:00:00Z'), { now: T0 });
    expect(out.map((v) => v.dueDate)).toEqual(['2026-01-31', '2026-04-30', '2026-07-31', '2026-10-31']);
    expect(out[0]).toMatchObject({ id: 'inspection-k1-2026-01-31', kind: 'inspection', reason: 'periodic_inspection', status: 'unscheduled', contractId: 'k1' });
    expect(new Date(out[0]?.arrivalDeadline ?? 0).toISOString()).toBe('2026-01-31T16:00:00.000Z');
  });

  it('does not duplicate existing inspections, even cancelled ones, and is stable when run twice', () => {
    const horizon = Date.parse('2026-12-31T00:00:00Z');
    const first = nextInspectionVisits(contract, [], horizon, { now: T0 });
    const cancelled = { ...first[1] as Visit, status: 'cancelled' as const, cancelReason: 'site closed' };
    const again = nextInspectionVisits(contract, [first[0] as Visit, cancelled], horizon, { now: T0 + 1 });
    expect(again.map((v) => v.dueDate)).toEqual(['2026-07-31', '2026-10-31']);
    const all = [...first, ...again];
    expect(nextInspectionVisits(contract, all, horizon, { now: T0 + 2 })).toEqual([]);
  });

  it('uses day intervals and can skip the untracked past', () => {
    const weekly = { ...contract, intervalMonths: undefined, intervalDays: 7, firstDue: '2026-05-01' };
    const out = nextInspectionVisits(weekly, [], Date.parse('2026-06-01T00:00:00Z'), { now: T0, notBefore: Date.parse('2026-05-10T00:00:00Z') });
    expect(out.map((v) => v.dueDate)).toEqual(['2026-05-15', '2026-05-22', '2026-05-29']);
  });

  it('rejects a contract with both or neither interval', () => {
    expect(() => nextInspectionVisits({ ...contract, intervalDays: 30 }, [], T0, { now: T0 })).toThrow(/exactly one/);
    expect(() => nextInspectionVisits({ ...contract, intervalMonths: undefined }, [], T0, { now: T0 })).toThrow(/exactly one/);
  });
});
