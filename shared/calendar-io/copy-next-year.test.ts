import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../sla/calendar-types';
import { businessCalendarSchema } from '../sla/calendar-schema';
import { applyCopyPlan, planCopyToNextYear } from './copy-next-year';

const day = (): [string, string][] => [['09:00', '17:00']];
const week = { mon: day(), tue: day(), wed: day(), thu: day(), fri: day(), sat: [], sun: [] };

/** Two years of a US-style calendar: fixed-date and movable holidays, plus a make-up Saturday. */
const us: BusinessCalendar = {
  timeZone: 'America/New_York',
  week,
  overrides: {
    '2026-01-01': [], // New Year (fixed; 2027-01-01 is a Friday)
    '2026-07-03': [], // Independence Day observed (July 4 is a Saturday in 2026)
    '2026-11-26': [], // Thanksgiving (4th Thursday)
    '2026-12-25': [], // Christmas (fixed)
    '2027-01-01': [],
    '2027-07-05': [],
    '2027-11-25': [],
    '2027-12-24': [], // Christmas observed in 2027 (Dec 25 is a Saturday)
    '2027-12-25': [],
    '2027-10-09': [['09:00', '17:00']], // a make-up Saturday
    '2027-12-31': [], // New Year observed
  },
};

describe('planCopyToNextYear', () => {
  it('copies a holiday only when the same date was closed the year before and next year it is a working weekday; flags the rest', () => {
    const plan = planCopyToNextYear(us, 2027);
    const by = Object.fromEntries(plan.map((p) => [p.from, p]));
    // 2028-01-01 is a Saturday: the holiday may be observed on the Friday before.
    expect(by['2027-01-01']).toMatchObject({ to: '2028-01-01', status: 'review', reasons: ['lands_on_closed_day'] });
    expect(by['2027-12-25']).toMatchObject({ to: '2028-12-25', status: 'fixed', reasons: [] });
    // Observed days and movable feasts were not on the same date in 2026.
    expect(by['2027-07-05']).toMatchObject({ to: '2028-07-05', status: 'review', reasons: ['not_same_date_last_year'] });
    // 2028-11-25 is also a Saturday.
    expect(by['2027-11-25']).toMatchObject({ to: '2028-11-25', status: 'review', reasons: ['not_same_date_last_year', 'lands_on_closed_day'] });
    expect(by['2027-10-09']).toMatchObject({ kind: 'working', status: 'review', reasons: ['working_day'] });
    expect(plan.map((p) => p.from)).toEqual(['2027-01-01', '2027-07-05', '2027-10-09', '2027-11-25', '2027-12-24', '2027-12-25', '2027-12-31']);
  });

  it('without a previous year every holiday is flagged, and dates next year already has are skipped', () => {
    const plan = planCopyToNextYear(us, 2026);
    expect(plan.every((p) => p.status === 'exists' || p.reasons.includes('no_previous_year'))).toBe(true);
    expect(plan.find((p) => p.from === '2026-01-01')?.status).toBe('exists');
    expect(plan.find((p) => p.from === '2026-07-03')).toMatchObject({ to: '2027-07-03', status: 'review' });
  });

  it('Feb 29 has no date next year', () => {
    const plan = planCopyToNextYear({ ...us, overrides: { '2028-02-29': [] } }, 2028);
    expect(plan).toEqual([{ from: '2028-02-29', to: undefined, ranges: [], kind: 'holiday', status: 'review', reasons: ['no_such_date', 'no_previous_year'] }]);
  });
});

describe('applyCopyPlan', () => {
  it('copies fixed items and only the accepted review items, never overwriting, and the result validates', () => {
    const plan = planCopyToNextYear(us, 2027);
    const { calendar, copied } = applyCopyPlan(us, plan, new Set(['2027-10-09']));
    expect(copied).toEqual(['2028-10-09', '2028-12-25']);
    expect(calendar.overrides?.['2028-10-09']).toEqual([['09:00', '17:00']]);
    expect(calendar.overrides?.['2028-11-25']).toBeUndefined();
    expect(businessCalendarSchema.safeParse(calendar).success).toBe(true);
    expect(us.overrides?.['2028-12-25']).toBeUndefined();
  });
});
