// Property: for every shipped policy, on any working calendar a contract may put it on, in any
// zone, a more severe ticket is never due later than a less severe one, with or without the
// 7x24 hotline promise.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { presetConfig } from '../config/preset-config';
import type { BusinessCalendar, TimeRange } from '../sla/calendar-types';
import type { DeskConfig } from '../sla/ticket-clocks';
import { contractSchema, siteSchema } from './schema';
import { severityOrderViolations, weekProbes } from './severity-order';

const hhmm = (m: number): string => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
/** One open day of at least 4 hours (a working day), or a closed day. */
const day = fc.oneof(
  fc.constant<TimeRange[]>([]),
  fc.tuple(fc.integer({ min: 0, max: 40 }), fc.integer({ min: 16, max: 56 })).map(([start, len]): TimeRange[] => [[hhmm(start * 15), hhmm(Math.min(96, start + len) * 15)]]),
);
const calendar = fc
  .record({ zone: fc.constantFrom('UTC', 'Asia/Shanghai', 'America/Chicago', 'Europe/Sofia', 'Pacific/Auckland'), week: fc.array(day, { minLength: 7, maxLength: 7 }) })
  .filter((c) => c.week.some((d) => d.length > 0))
  .map(({ zone, week }): BusinessCalendar => ({ timeZone: zone, week: { sun: week[0] ?? [], mon: week[1] ?? [], tue: week[2] ?? [], wed: week[3] ?? [], thu: week[4] ?? [], fri: week[5] ?? [], sat: week[6] ?? [] } }));

function onCalendar(policyId: string, cal: BusinessCalendar, hotline: boolean): DeskConfig {
  const base = presetConfig();
  const site = siteSchema.parse({ id: 'site-p', customerId: 'cust-p', name: 'Site', region: 'r', timeZone: cal.timeZone, calendarId: 'random' });
  const contract = contractSchema.parse({
    id: 'contract-p', number: 'P-1', customerId: 'cust-p', policyId, tier: hotline ? '7x24_hotline' : 'business_hours', validFrom: '2000-01-01', validTo: '2100-12-31',
    coverage: hotline ? [{ channels: ['phone', 'email'], combine: 'earliest', targets: { first_response: { unit: 'elapsed_minutes', value: 240 } } }] : [],
  });
  return {
    ...base,
    calendars: { ...base.calendars, random: cal },
    customers: { 'cust-p': { id: 'cust-p', name: 'P', region: 'r', contractNumber: 'P-1', contractTier: contract.tier, policyId, calendarId: 'random', language: 'en', site: { address: '', timeZone: cal.timeZone } } },
    sites: { 'site-p': site },
    contracts: { 'contract-p': contract },
  };
}

describe('severity order', () => {
  const policies = Object.values(presetConfig().policies);

  it('holds for every shipped policy on its own calendars over two weeks of probes', () => {
    for (const p of policies) expect(severityOrderViolations(p, presetConfig(), weekProbes(Date.UTC(2026, 2, 2))), p.id).toEqual([]);
  });

  it('holds for every shipped policy on any working calendar, with and without the hotline', () => {
    fc.assert(
      fc.property(calendar, fc.integer({ min: Date.UTC(2026, 0, 5), max: Date.UTC(2027, 11, 1) }), fc.boolean(), (cal, at, hotline) => {
        for (const p of policies) expect(severityOrderViolations(p, onCalendar(p.id, cal, hotline), [at], 'cust-p'), p.id).toEqual([]);
      }),
      { numRuns: 60 },
    );
  });

  it('finds a policy whose more severe level is slower', () => {
    const p = presetConfig().policies['onsite-4-level-7x24']!;
    const bad = { ...p, severityLevels: p.severityLevels.map((l) => (l.id === '1' ? { ...l, targets: { ...l.targets, first_response: { unit: 'business_minutes' as const, value: 600 } } } : l)) };
    const v = severityOrderViolations(bad, presetConfig(), weekProbes(Date.UTC(2026, 2, 2)));
    expect(v[0]).toMatchObject({ kind: 'first_response', higher: '1', lower: '2' });
  });
});
