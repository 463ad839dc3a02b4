// Copying a calendar's holidays and make-up days to the following year. Only a holiday that is
// known to fall on the same date every year can be copied blindly; everything else is flagged.
import type { BusinessCalendar, TimeRange } from '../sla/calendar-types';
import { sameDateNextYear, sameDatePreviousYear, weekdayOf, yearOf } from './dates';
import { sortOverrides } from './ics-holidays';

/**
 * Why a copied date needs a human look:
 * - working_day: explicit working hours (a make-up day or special hours) follow the year's weekday layout;
 * - not_same_date_last_year: the year before had no closed day on this month-day, so the holiday
 *   probably moves (Easter, Thanksgiving, lunar new year, an "observed" Friday);
 * - no_previous_year: the calendar has no overrides for the year before, so fixed and movable
 *   holidays cannot be told apart;
 * - lands_on_closed_day: next year the date falls on a day the weekly hours already close (e.g. a
 *   Saturday), so the holiday may be observed on another day;
 * - no_such_date: Feb 29 has no counterpart next year.
 */
export type CopyReviewReason = 'working_day' | 'not_same_date_last_year' | 'no_previous_year' | 'lands_on_closed_day' | 'no_such_date';

/**
 * One override of the source year: `fixed` items are copied as they are, `review` items only when
 * the admin accepts them, `exists` items are skipped because next year already has that date.
 */
export type CopyPlanItem = {
  from: string;
  to: string | undefined;
  ranges: TimeRange[];
  kind: 'holiday' | 'working';
  status: 'fixed' | 'review' | 'exists';
  reasons: CopyReviewReason[];
};

/** Every override of `year`, with where it would go in `year + 1` and whether that is safe. */
export function planCopyToNextYear(calendar: BusinessCalendar, year: number): CopyPlanItem[] {
  const overrides = calendar.overrides ?? {};
  const dates = Object.keys(overrides).sort();
  const hasPreviousYear = dates.some((d) => yearOf(d) === year - 1);
  const plan: CopyPlanItem[] = [];
  for (const from of dates) {
    if (yearOf(from) !== year) continue;
    const ranges = overrides[from] ?? [];
    const kind = ranges.length === 0 ? 'holiday' : 'working';
    const to = sameDateNextYear(from);
    const reasons: CopyReviewReason[] = [];
    if (to === undefined) reasons.push('no_such_date');
    if (kind === 'working') reasons.push('working_day');
    else if (!hasPreviousYear) reasons.push('no_previous_year');
    else {
      const before = sameDatePreviousYear(from);
      const closedBefore = before !== undefined && overrides[before]?.length === 0;
      if (!closedBefore) reasons.push('not_same_date_last_year');
    }
    if (kind === 'holiday' && to !== undefined && calendar.week[weekdayOf(to)].length === 0) reasons.push('lands_on_closed_day');
    const exists = to !== undefined && overrides[to] !== undefined;
    plan.push({ from, to, ranges, kind, status: exists ? 'exists' : reasons.length === 0 ? 'fixed' : 'review', reasons });
  }
  return plan;
}

/** Copies the plan's fixed items plus the review items whose source date was accepted; never overwrites a date. */
export function applyCopyPlan(calendar: BusinessCalendar, plan: readonly CopyPlanItem[], accepted: ReadonlySet<string>): { calendar: BusinessCalendar; copied: string[] } {
  const overrides = { ...(calendar.overrides ?? {}) };
  const copied: string[] = [];
  for (const item of plan) {
    if (item.to === undefined || item.status === 'exists' || overrides[item.to] !== undefined) continue;
    if (item.status === 'review' && !accepted.has(item.from)) continue;
    overrides[item.to] = item.ranges.map((r) => [r[0], r[1]] satisfies TimeRange);
    copied.push(item.to);
  }
  return { calendar: { ...calendar, overrides: sortOverrides(overrides) }, copied };
}
