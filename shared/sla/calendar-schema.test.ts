import { describe, expect, it } from 'vitest';
import { businessCalendarSchema, calendarPresetSchema } from './index';

const week = (mon: [string, string][]) => ({ mon, tue: [], wed: [], thu: [], fri: [], sat: [], sun: [] });
const messages = (value: unknown): string[] => {
  const r = businessCalendarSchema.safeParse(value);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('businessCalendarSchema', () => {
  it('accepts a valid calendar with lunch break, "24:00" and overrides', () => {
    expect(messages({ timeZone: 'Europe/Sofia', week: week([['09:00', '12:00'], ['13:00', '24:00']]), overrides: { '2026-12-24': [] } })).toEqual([]);
  });

  it('rejects an unknown zone with a message naming it', () => {
    expect(messages({ timeZone: 'Europe/Atlantis', week: week([]) })).toEqual([
      'timeZone: invalid time zone "Europe/Atlantis" (expected an IANA name such as "Asia/Shanghai")',
    ]);
  });

  it('rejects malformed times, reversed and overlapping ranges, naming the day', () => {
    expect(messages({ timeZone: 'UTC', week: week([['9:00', '17:00']]) })).toEqual([
      'week.mon: mon range 1 [9:00, 17:00]: start must be "HH:MM" between 00:00 and 23:59',
    ]);
    expect(messages({ timeZone: 'UTC', week: week([['09:00', '13:00'], ['12:00', '17:00']]) })[0]).toMatch(/^week\.mon: mon range 2 .*must not overlap/);
    expect(messages({ timeZone: 'UTC', week: week([['17:00', '09:00']]) })[0]).toMatch(/end must be after start/);
    expect(messages({ timeZone: 'UTC', week: week([['00:00', '24:01']]) })[0]).toMatch(/end must be "HH:MM" between 00:01 and 24:00/);
  });

  it('rejects an override that is not a real date and names it', () => {
    expect(messages({ timeZone: 'UTC', week: week([]), overrides: { '2026-13-01': [] } })).toEqual([
      'overrides.2026-13-01: override "2026-13-01": not a valid "YYYY-MM-DD" date',
    ]);
  });

  it('rejects a missing weekday', () => {
    expect(messages({ timeZone: 'UTC', week: { mon: [] } }).length).toBeGreaterThan(0);
  });
});

describe('calendarPresetSchema', () => {
  it('requires a kebab-case id and a name', () => {
    const calendar = { timeZone: 'UTC', week: week([]) };
    expect(calendarPresetSchema.safeParse({ id: 'ok-id', name: 'Ok', calendar }).success).toBe(true);
    expect(calendarPresetSchema.safeParse({ id: 'Not OK', name: 'x', calendar }).success).toBe(false);
    expect(calendarPresetSchema.safeParse({ id: 'ok', name: '', calendar }).success).toBe(false);
  });
});
