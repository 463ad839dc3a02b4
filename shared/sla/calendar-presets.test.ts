// Loads every shipped calendar preset, validates it and checks the days a user would notice.
import { describe, expect, it } from 'vitest';
import { addBusinessDays, addBusinessMinutes, businessMinutesBetween, calendarPresetSchema } from './index';
import type { CalendarPreset } from './index';

const files = import.meta.glob('../../resources/presets/calendars/*.json', { eager: true, import: 'default' });

const presets = new Map<string, CalendarPreset>();
for (const [path, raw] of Object.entries(files)) presets.set(path, calendarPresetSchema.parse(raw));
const byId = (id: string): CalendarPreset => {
  const found = [...presets.values()].find((p) => p.id === id);
  if (!found) throw new Error(`preset ${id} not shipped`);
  return found;
};
describe('calendar presets', () => {
  it('every preset file validates, has a unique id equal to its file name', () => {
    expect(Object.keys(files).length).toBeGreaterThanOrEqual(6);
    const ids = [...presets.entries()].map(([path, p]) => {
      expect(path.endsWith(`/${p.id}.json`)).toBe(true);
      return p.id;
    });
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('7x24 counts elapsed time', () => {
    const cal = byId('always-open').calendar;
    expect(businessMinutesBetween(new Date('2026-12-24T10:00:00Z'), new Date('2026-12-26T10:00:00Z'), cal)).toBe(2 * 1440);
  });

  it('Mon–Fri 08:30–17:00 gives 510 minutes a weekday in Shanghai', () => {
    const cal = byId('weekdays-0830-1700').calendar;
    expect(businessMinutesBetween(new Date('2026-11-23T00:00:00+08:00'), new Date('2026-11-24T00:00:00+08:00'), cal)).toBe(510);
  });

  it('the lunch-break office pauses 12:00–13:00', () => {
    const cal = byId('office-lunch-break').calendar;
    expect(addBusinessMinutes(new Date('2026-11-23T11:30:00+08:00'), 60, cal).toISOString()).toBe('2026-11-23T05:30:00.000Z');
  });

  it('China: National Day is closed and the make-up Saturday 2026-10-10 is a working day', () => {
    const cal = byId('china-2026-2027').calendar;
    const day = (d: string): number => businessMinutesBetween(new Date(`${d}T00:00:00+08:00`), new Date(`${d}T23:59:59+08:00`), cal);
    expect(day('2026-10-01')).toBe(0);
    expect(day('2026-10-10')).toBe(510);
    expect(day('2026-02-14')).toBe(510);
    expect(day('2026-02-17')).toBe(0);
    expect(byId('china-2026-2027').note).toMatch(/2027 is PROVISIONAL/);
    // "On site within 3 working days" from Wed 2026-09-30: Thu-Wed is the holiday, Sat 10th works.
    expect(addBusinessDays(new Date('2026-09-30T10:00:00+08:00'), 1, cal).toISOString()).toBe('2026-10-08T09:00:00.000Z');
    expect(addBusinessDays(new Date('2026-09-30T10:00:00+08:00'), 3, cal).toISOString()).toBe('2026-10-10T09:00:00.000Z');
  });

  it('Bulgaria: Orthodox Easter Monday and moved holidays are closed', () => {
    const cal = byId('bulgaria-2026-2027').calendar;
    const day = (d: string): number => businessMinutesBetween(new Date(`${d}T00:00:00+03:00`), new Date(`${d}T23:59:59+03:00`), cal);
    expect(day('2026-04-13')).toBe(0); // Easter Monday
    expect(day('2026-05-25')).toBe(0); // 24 May fell on a Sunday
    expect(day('2027-05-04')).toBe(0); // 1 May 2027 is a Saturday and 3 May is Easter Monday
    expect(day('2026-05-26')).toBe(540);
  });

  it('US: Thanksgiving and the observed Independence Day are closed', () => {
    const cal = byId('us-federal-2026-2027').calendar;
    const day = (d: string): number => businessMinutesBetween(new Date(`${d}T00:00:00-05:00`), new Date(`${d}T23:00:00-05:00`), cal);
    expect(day('2026-11-26')).toBe(0);
    expect(day('2026-07-03')).toBe(0);
    expect(day('2026-11-27')).toBe(480);
  });
});
