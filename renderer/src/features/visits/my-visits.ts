import type { Visit } from '../../../../shared/dispatch';
import { zoneClock } from '../../../../shared/sla/calendar-zone';

export type MyVisitGroups = {
  /** Visits on today's date, and any visit under way whatever its date (set off, on site, departed). */
  today: Visit[];
  upcoming: Visit[];
  /** Earlier visits not yet submitted: the report is still owed. */
  overdue: Visit[];
  /** Submitted visits, newest first. */
  done: Visit[];
};

const underWay = new Set(['en_route', 'arrived', 'departed']);

/** An engineer's visits grouped for "My visits", each group in start order; `zone` decides what "today" is. */
export function groupMyVisits(visits: readonly Visit[], engineerId: string, now: number, zone: string): MyVisitGroups {
  const z = zoneClock(zone);
  const today = z.localDay(now);
  const dayStart = z.wallToInstant(today, 0);
  const dayEnd = z.wallToInstant(today + 1, 0);
  const groups: MyVisitGroups = { today: [], upcoming: [], overdue: [], done: [] };
  for (const v of visits) {
    if (v.engineerId !== engineerId || !v.window || v.status === 'cancelled' || v.status === 'unscheduled') continue;
    if (v.status === 'completed') groups.done.push(v);
    else if (underWay.has(v.status) || (v.window.start < dayEnd && v.window.end > dayStart)) groups.today.push(v);
    else if (v.window.start >= dayEnd) groups.upcoming.push(v);
    else groups.overdue.push(v);
  }
  const byStart = (a: Visit, b: Visit) => (a.window?.start ?? 0) - (b.window?.start ?? 0) || (a.id < b.id ? -1 : 1);
  groups.today.sort(byStart);
  groups.upcoming.sort(byStart);
  groups.overdue.sort(byStart);
  groups.done.sort((a, b) => byStart(b, a));
  return groups;
}
