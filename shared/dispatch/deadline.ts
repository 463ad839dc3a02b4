// Arrival deadlines for visits planned by hand. Tickets get theirs from the SLA clocks
// (shared/sla computeClocks); this covers the same three target units for the dispatcher's form.
import { addBusinessDays, addBusinessMinutes } from '../sla';
import type { BusinessCalendar } from '../sla';
import type { Instant } from '../ticket/schema';
import type { Visit } from './visit-schema';

/** An on-site arrival target as the policy states it (same shape as the policy's ClockTarget). */
export type ArrivalTarget = { unit: 'elapsed_minutes' | 'business_minutes' | 'working_days'; value: number };

/** The latest arrival for an on-site request started at `onSiteStartedAt` with the given target. */
export function arrivalDeadline(onSiteStartedAt: Instant, target: ArrivalTarget, calendar: BusinessCalendar): Instant {
  if (!Number.isFinite(onSiteStartedAt)) throw new RangeError(`onSiteStartedAt must be an instant, got ${String(onSiteStartedAt)}`);
  if (!Number.isFinite(target.value) || target.value <= 0) throw new RangeError(`the arrival target must be a positive number, got ${String(target.value)}`);
  const start = new Date(onSiteStartedAt);
  switch (target.unit) {
    case 'elapsed_minutes':
      return onSiteStartedAt + Math.round(target.value * 60_000);
    case 'business_minutes':
      return addBusinessMinutes(start, target.value, calendar).getTime();
    case 'working_days':
      return addBusinessDays(start, target.value, calendar).getTime();
  }
}

export type ArrivalState =
  | { state: 'no_deadline' }
  | { state: 'pending'; deadline: Instant; remainingMs: number }
  | { state: 'overdue'; deadline: Instant; lateByMs: number }
  | { state: 'met'; deadline: Instant; arrivedAt: Instant }
  | { state: 'missed'; deadline: Instant; arrivedAt: Instant };

/**
 * Where a visit stands against its arrival deadline. Arrival stops the clock: once `arrivedAt` is
 * set the answer is `met` or `missed` whatever `now` is; a cancelled visit has no deadline to chase.
 */
export function arrivalState(visit: Pick<Visit, 'arrivalDeadline' | 'arrivedAt' | 'status'>, now: Instant): ArrivalState {
  const deadline = visit.arrivalDeadline;
  if (deadline === undefined || visit.status === 'cancelled') return { state: 'no_deadline' };
  if (visit.arrivedAt !== undefined) {
    return { state: visit.arrivedAt <= deadline ? 'met' : 'missed', deadline, arrivedAt: visit.arrivedAt };
  }
  return now <= deadline ? { state: 'pending', deadline, remainingMs: deadline - now } : { state: 'overdue', deadline, lateByMs: now - deadline };
}
