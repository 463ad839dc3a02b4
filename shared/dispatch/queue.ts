// The dispatcher's unscheduled queue: most urgent arrival first.
import type { Instant } from '../ticket/schema';
import type { Visit } from './visit-schema';

/** Where a visit's arrival deadline comes from; defaults to the stored `arrivalDeadline`. */
export type DeadlineOf = (visit: Visit) => Instant | undefined;

/**
 * Unscheduled visits ordered by arrival deadline (visits without one last), then by creation
 * time, then id so every device shows the same order. Pass `deadlineOf` to use live SLA clocks
 * (computeClocks' on-site target for the visit's ticket) instead of the stored deadline.
 */
export function sortUnscheduled(visits: readonly Visit[], deadlineOf: DeadlineOf = (v) => v.arrivalDeadline): Visit[] {
  const keyed = visits
    .filter((v) => v.status === 'unscheduled')
    .map((v) => ({ v, deadline: deadlineOf(v) ?? Number.POSITIVE_INFINITY }));
  keyed.sort((a, b) => a.deadline - b.deadline || a.v.createdAt - b.v.createdAt || (a.v.id < b.v.id ? -1 : a.v.id > b.v.id ? 1 : 0));
  return keyed.map((k) => k.v);
}
