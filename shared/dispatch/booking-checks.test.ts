import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../sla';
import { checkBooking, isBookingBlocked } from './booking-checks';
import type { BookingContext } from './booking-checks';
import { findScheduleClashes } from './clashes';
import { createVisit } from './create-visit';
import type { Visit, VisitInput } from './visit-schema';

// Sofia, Tuesday 24 March 2026 (UTC+2 until the 29th).
const at = (hhmm: string, day = '2026-03-24'): number => Date.parse(`${day}T${hhmm}:00+02:00`);

const lunchBreak: BusinessCalendar = {
  timeZone: 'Europe/Sofia',
  week: {
    sun: [], sat: [],
    mon: [['09:00', '12:00'], ['13:00', '18:00']], tue: [['09:00', '12:00'], ['13:00', '18:00']],
    wed: [['09:00', '12:00'], ['13:00', '18:00']], thu: [['09:00', '12:00'], ['13:00', '18:00']],
    fri: [['09:00', '12:00'], ['13:00', '18:00']],
  },
};

const engineer = { id: 'eng-ivo', name: 'Ivo Petrov', region: 'emea', skills: ['storage', 'network'] };

function visit(over: Partial<VisitInput>): Visit {
  return createVisit({
    id: 'V-1', customerId: 'cust-1', kind: 'fault', reason: 'online_window_expired', ticketId: 'SD-AAAA-0001',
    site: { address: '1 Example Street, Sofia', timeZone: 'Europe/Sofia' }, status: 'confirmed',
    engineerId: engineer.id, createdAt: at('08:00', '2026-03-20'), updatedAt: at('08:00', '2026-03-20'), ...over,
  });
}

function ctx(visits: Visit[] = [], over: Partial<BookingContext> = {}): BookingContext {
  return { engineer, engineerCalendar: lunchBreak, visits, now: at('08:00', '2026-03-23'), ...over };
}

describe('checkBooking', () => {
  it('accepts a booking inside working hours with no clash', () => {
    expect(checkBooking({ engineerId: engineer.id, window: { start: at('09:00'), end: at('11:00') }, productLine: 'storage', region: 'emea' }, ctx())).toEqual([]);
  });

  it('blocks a booking that overlaps another visit of the same engineer and names that visit and its time', () => {
    const existing = visit({ id: 'V-7', window: { start: at('10:00'), end: at('12:00') } });
    const findings = checkBooking({ engineerId: engineer.id, window: { start: at('11:00'), end: at('12:00') } }, ctx([existing]));
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['overlap', 'block']]);
    expect(findings[0]?.message).toContain('visit V-7');
    expect(findings[0]?.message).toContain('2026-03-24 10:00–12:00 (Europe/Sofia)');
    expect(isBookingBlocked(findings)).toBe(true);
  });

  it('counts the travel buffer before a visit as busy time', () => {
    const existing = visit({ id: 'V-7', window: { start: at('09:00'), end: at('10:00') } });
    const candidate = { engineerId: engineer.id, window: { start: at('10:00'), end: at('11:00') } };
    expect(checkBooking(candidate, ctx([existing]))).toEqual([]);
    const withTravel = checkBooking({ ...candidate, travelBufferMinutes: 30 }, ctx([existing]));
    expect(withTravel.map((f) => f.code)).toEqual(['overlap']);
    expect(withTravel[0]?.message).toContain('once travel time is included');
    // The other visit's own travel buffer also counts.
    const later = visit({ id: 'V-8', window: { start: at('11:30'), end: at('12:00') }, travelBufferMinutes: 45 });
    expect(checkBooking(candidate, ctx([later])).map((f) => f.details.otherVisitId)).toEqual(['V-8']);
  });

  it('ignores cancelled visits, other engineers and the visit being moved', () => {
    const w = { start: at('10:00'), end: at('11:00') };
    const others = [
      visit({ id: 'V-c', window: w, status: 'cancelled', cancelReason: 'customer closed' }),
      visit({ id: 'V-o', window: w, engineerId: 'eng-other' }),
      visit({ id: 'V-self', window: w }),
    ];
    expect(checkBooking({ visitId: 'V-self', engineerId: engineer.id, window: w }, ctx(others))).toEqual([]);
  });

  it('warns when the window runs into the lunch break of the engineer calendar', () => {
    const findings = checkBooking({ engineerId: engineer.id, window: { start: at('11:00'), end: at('13:00') } }, ctx());
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['outside_working_hours', 'warn']]);
    expect(findings[0]?.message).toContain('only 60 of its 120 minutes');
    expect(isBookingBlocked(findings)).toBe(false);
  });

  it('warns for a Saturday booking and blocks it when the policy says so', () => {
    const saturday = { engineerId: engineer.id, window: { start: at('10:00', '2026-03-28'), end: at('11:00', '2026-03-28') } };
    expect(checkBooking(saturday, ctx()).map((f) => f.code)).toEqual(['outside_working_hours']);
    const strict = checkBooking(saturday, ctx([], { policy: { outsideHours: 'block' } }));
    expect(isBookingBlocked(strict)).toBe(true);
  });

  it('warns when the window starts after the arrival deadline', () => {
    const findings = checkBooking(
      { engineerId: engineer.id, window: { start: at('14:00'), end: at('15:00') }, arrivalDeadline: at('12:00') },
      ctx(),
    );
    expect(findings.map((f) => f.code)).toEqual(['after_deadline']);
    expect(findings[0]?.message).toContain('after the arrival deadline of 2026-03-24 12:00');
    expect(checkBooking({ engineerId: engineer.id, window: { start: at('09:00'), end: at('10:00') }, arrivalDeadline: at('12:00') }, ctx())).toEqual([]);
  });

  it('warns when the engineer lacks the product line skill or works in another region', () => {
    const findings = checkBooking(
      { engineerId: engineer.id, window: { start: at('09:00'), end: at('10:00') }, productLine: 'database', region: 'apac' },
      ctx(),
    );
    expect(findings.map((f) => [f.code, f.severity])).toEqual([['missing_skill', 'warn'], ['wrong_region', 'warn']]);
    expect(findings[0]?.message).toBe('Ivo Petrov is not trained on the product line "database".');
    expect(findings[1]?.message).toContain('"apac"');
  });

  it('blocks a window that already started and lets a policy switch a check off', () => {
    const past = { engineerId: engineer.id, window: { start: at('09:00', '2026-03-20'), end: at('10:00', '2026-03-20') } };
    expect(checkBooking(past, ctx()).map((f) => [f.code, f.severity])).toEqual([['in_the_past', 'block']]);
    expect(checkBooking(past, ctx([], { policy: { past: 'off' } }))).toEqual([]);
  });

  it('lists blocking findings before warnings', () => {
    const existing = visit({ id: 'V-7', window: { start: at('11:00'), end: at('12:00') } });
    const findings = checkBooking({ engineerId: engineer.id, window: { start: at('11:30'), end: at('13:00') }, productLine: 'x' }, ctx([existing]));
    expect(findings.map((f) => f.severity)).toEqual(['block', 'warn', 'warn']);
  });

  it('rejects a window that ends before it starts or a context for another engineer', () => {
    expect(() => checkBooking({ engineerId: engineer.id, window: { start: at('11:00'), end: at('10:00') } }, ctx())).toThrow(/end after it starts/);
    expect(() => checkBooking({ engineerId: 'eng-x', window: { start: at('10:00'), end: at('11:00') } }, ctx())).toThrow(/eng-x/);
  });
});

describe('findScheduleClashes', () => {
  it('pairs overlapping live visits of one engineer, counting travel and ignoring cancelled ones', () => {
    const visits = [
      visit({ id: 'A', window: { start: at('09:00'), end: at('10:00') } }),
      visit({ id: 'B', status: 'tentative', window: { start: at('10:00'), end: at('11:00') }, travelBufferMinutes: 15 }),
      visit({ id: 'C', window: { start: at('13:00'), end: at('14:00') } }),
      visit({ id: 'D', status: 'cancelled', window: { start: at('13:00'), end: at('14:00') } }),
      visit({ id: 'E', engineerId: 'eng-other', window: { start: at('09:00'), end: at('10:00') } }),
    ];
    expect(findScheduleClashes(visits).map((c) => [c.first.id, c.second.id])).toEqual([['A', 'B']]);
  });
});
