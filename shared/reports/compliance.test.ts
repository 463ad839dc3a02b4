import { describe, expect, it } from 'vitest';
import { complianceReport } from './report';
import { nearestRank } from './percentile';
import type { ClockKind } from '../sla/watch';
import type { ComplianceReport, ReportInput } from './types';
import { HOUR, MIN, MON, reportCalendars, reportPolicies, reportTicket } from './report-fixtures.test-support';

const section = (r: ComplianceReport, kind: ClockKind) => {
  const s = r.clocks.find((c) => c.kind === kind);
  if (!s) throw new Error(`no ${kind} section`);
  return s;
};

// Ten severity-1 tickets, one an hour from Monday 01:00, answered after 10, 20, ... 100 minutes
// against a 60-minute target; none resolved.
const tenTickets = () =>
  Array.from({ length: 10 }, (_, k) => {
    const i = k + 1;
    const createdAt = MON + i * HOUR;
    return reportTicket({
      id: `T-${i}`,
      createdAt,
      productLine: i % 2 === 0 ? 'storage' : 'network',
      ownerId: i <= 3 ? 'eng-b' : 'eng-a',
      sla: { respondedAt: createdAt + i * 10 * MIN },
    });
  });

const base = (over: Partial<ReportInput> = {}): ReportInput => ({
  tickets: tenTickets(),
  policies: reportPolicies(),
  calendars: reportCalendars,
  now: MON + 12 * HOUR,
  filters: {},
  groupBy: 'severity',
  ...over,
});

describe('nearestRank', () => {
  it('takes the value at rank ceil(p% of n)', () => {
    const xs = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
    expect(nearestRank(xs, 50)).toBe(50);
    expect(nearestRank(xs, 90)).toBe(90);
    expect(nearestRank(xs, 100)).toBe(100);
    expect(nearestRank([7], 90)).toBe(7);
    expect(nearestRank([], 50)).toBeNull();
    expect(() => nearestRank(xs, 0)).toThrow(RangeError);
  });
});

describe('complianceReport: clocks', () => {
  it('counts 6 met and 4 breached first responses with median 50 and p90 90 minutes', () => {
    const r = complianceReport(base());
    const fr = section(r, 'first_response');
    expect(fr.total).toMatchObject({ met: 6, breached: 4, metPercent: 60, medianMinutes: 50, p90Minutes: 90, timed: 10, units: ['elapsed_minutes'] });
    expect(fr.groups).toEqual([expect.objectContaining({ key: '1', label: 'Severity 1, critical', met: 6, breached: 4 })]);
    expect(r.ticketCount).toBe(10);
  });

  it('counts running clocks once their breach has passed, without a time taken', () => {
    // Resolution (240 min) of the ticket created at hour i breaches at hour i + 4: by 12:00, i = 1..8.
    const res = section(complianceReport(base()), 'resolution');
    expect(res.total).toMatchObject({ met: 0, breached: 8, metPercent: 0, timed: 0, medianMinutes: null, p90Minutes: null });
  });

  it('counts a resolved clock at its resolution, met or breached by its elapsed minutes', () => {
    const tickets = [
      reportTicket({ id: 'R-1', createdAt: MON, sla: { respondedAt: MON + MIN, resolvedAt: MON + 200 * MIN } }),
      reportTicket({ id: 'R-2', createdAt: MON, sla: { respondedAt: MON + MIN, resolvedAt: MON + 300 * MIN } }),
    ];
    const res = section(complianceReport(base({ tickets })), 'resolution');
    expect(res.total).toMatchObject({ met: 1, breached: 1, medianMinutes: 200, p90Minutes: 300, timed: 2 });
  });

  it('keeps only clocks finished in [from, to) and tickets matching every dimension', () => {
    // Responses at 01:10, 02:20, ... 10:100 -> from 03:00 to 07:00 keeps i = 3..6 (03:30, 04:40, 05:50, 07:00 excluded -> i=3,4,5).
    const period = complianceReport(base({ filters: { from: MON + 3 * HOUR, to: MON + 7 * HOUR } }));
    expect(section(period, 'first_response').total).toMatchObject({ met: 3, breached: 0, medianMinutes: 40 });
    const storage = complianceReport(base({ filters: { productLine: 'storage' } }));
    // Even i: 20, 40, 60 met; 80, 100 breached.
    expect(section(storage, 'first_response').total).toMatchObject({ met: 3, breached: 2, medianMinutes: 60, p90Minutes: 100 });
    expect(storage.ticketCount).toBe(5);
    const owner = complianceReport(base({ filters: { ownerId: 'eng-b', productLine: 'network' } }));
    expect(section(owner, 'first_response').total).toMatchObject({ met: 2, breached: 0 });
    const none = complianceReport(base({ filters: { region: 'apac' } }));
    expect(section(none, 'first_response').total).toMatchObject({ met: 0, breached: 0, metPercent: null, medianMinutes: null });
  });

  it('groups by the severity whose target applied, and filters on it', () => {
    const raised = reportTicket({
      id: 'UP-1',
      createdAt: MON,
      severity: '1',
      sla: { severityHistory: [{ at: MON, severity: '2' }, { at: MON + 5 * MIN, severity: '1' }], respondedAt: MON + 90 * MIN },
    });
    const low = reportTicket({ id: 'LOW-1', createdAt: MON, severity: '2', sla: { respondedAt: MON + 90 * MIN } });
    const r = complianceReport(base({ tickets: [raised, low] }));
    const fr = section(r, 'first_response');
    // 90 min: breached against severity 1's 60, met against severity 2's 120.
    expect(fr.groups.map((g) => [g.key, g.met, g.breached])).toEqual([
      ['1', 0, 1],
      ['2', 1, 0],
    ]);
    const only2 = complianceReport(base({ tickets: [raised, low], filters: { severity: '2' } }));
    expect(section(only2, 'first_response').total).toMatchObject({ met: 1, breached: 0 });
  });

  it('groups by engineer, customer, region and clock', () => {
    const byEngineer = section(complianceReport(base({ groupBy: 'engineer' })), 'first_response');
    expect(byEngineer.groups.map((g) => [g.key, g.met, g.breached])).toEqual([
      ['eng-a', 3, 4],
      ['eng-b', 3, 0],
    ]);
    const byClock = complianceReport(base({ groupBy: 'clock' }));
    expect(section(byClock, 'resolution').groups).toEqual([expect.objectContaining({ key: 'resolution', breached: 8 })]);
  });

  it('buckets weeks Monday to Sunday across a year boundary, in the report time zone', () => {
    const at = (iso: string) => Date.parse(iso);
    const responded = ['2025-12-28T12:00:00Z', '2025-12-29T00:30:00Z', '2026-01-01T12:00:00Z', '2026-01-04T23:00:00Z', '2026-01-05T08:00:00Z'];
    const tickets = responded.map((r, i) => reportTicket({ id: `W-${i}`, createdAt: at(r) - 30 * MIN, sla: { respondedAt: at(r), resolvedAt: at(r) } }));
    const utc = complianceReport(base({ tickets, groupBy: 'week', now: at('2026-01-10T00:00:00Z') }));
    const weeks = (r: ComplianceReport) => section(r, 'first_response').trend.map((p) => [p.week, p.met]);
    expect(weeks(utc)).toEqual([
      ['2025-12-22', 1],
      ['2025-12-29', 3],
      ['2026-01-05', 1],
    ]);
    expect(section(utc, 'first_response').groups.map((g) => g.key)).toEqual(['2025-12-22', '2025-12-29', '2026-01-05']);
    // In Shanghai (UTC+8) 28 Dec 12:00Z is already 20:00 Sunday, and 4 Jan 23:00Z is Monday 5 Jan.
    const shanghai = complianceReport(base({ tickets, groupBy: 'week', now: at('2026-01-10T00:00:00Z'), timeZone: 'Asia/Shanghai' }));
    expect(weeks(shanghai)).toEqual([
      ['2025-12-22', 1],
      ['2025-12-29', 2],
      ['2026-01-05', 2],
    ]);
  });

  it('skips tickets whose clocks cannot be computed and says which', () => {
    const tickets = [...tenTickets(), reportTicket({ id: 'X-1', createdAt: MON, policyId: 'gone' }), reportTicket({ id: 'X-2', createdAt: MON, severity: 'nope' })];
    const r = complianceReport(base({ tickets }));
    expect(r.skippedCount).toBe(2);
    expect(r.skipped.map((s) => s.ticketId)).toEqual(['X-1', 'X-2']);
    expect(r.skipped[0]?.reason).toContain('gone');
    expect(section(r, 'first_response').total.met + section(r, 'first_response').total.breached).toBe(10);
  });

  it('refuses a period that ends before it starts', () => {
    expect(() => complianceReport(base({ filters: { from: MON + HOUR, to: MON } }))).toThrow(/period/);
  });
});
