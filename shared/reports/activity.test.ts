import { describe, expect, it } from 'vitest';
import { complianceReport } from './report';
import { eDownIncidentsOf } from './e-down';
import type { TimelineEvent } from '../ticket/timeline';
import type { ReportInput, ReportVisit } from './types';
import { HOUR, MIN, MON, reportCalendars, reportPolicies, reportTicket } from './report-fixtures.test-support';

const DAY = 24 * HOUR;
const now = MON + 14 * DAY;

const escalated = (id: string, ticketId: string, at: number, level: number, automatic: boolean): TimelineEvent => ({
  id,
  ticketId,
  at,
  by: automatic ? 'system' : 'eng-a',
  kind: 'escalated',
  level,
  levelName: level === 1 ? 'Team lead' : 'Duty manager',
  recipients: [],
  ask: '',
  automatic,
});

const input = (over: Partial<ReportInput>): ReportInput => ({
  tickets: [],
  policies: reportPolicies(),
  calendars: reportCalendars,
  now,
  filters: {},
  groupBy: 'severity',
  ...over,
});

describe('complianceReport: escalations', () => {
  const tickets = [
    reportTicket({ id: 'A', createdAt: MON }),
    reportTicket({ id: 'B', createdAt: MON, region: 'apac' }),
    reportTicket({ id: 'C', createdAt: MON, severity: '1', sla: { severityHistory: [{ at: MON, severity: '2' }, { at: MON + 8 * DAY, severity: '1' }] } }),
  ];
  const timeline: TimelineEvent[] = [
    escalated('e1', 'A', MON + HOUR, 1, false),
    escalated('e2', 'A', MON + 2 * HOUR, 2, true),
    escalated('e3', 'B', MON + 3 * HOUR, 1, false),
    escalated('e4', 'C', MON + 7 * DAY, 1, false),
    escalated('e5', 'C', MON + 9 * DAY, 2, true),
    escalated('e6', 'A', MON + 20 * DAY, 1, false),
    { id: 'n1', ticketId: 'A', at: MON, by: 'eng-a', kind: 'created' },
  ];

  it('counts manual and automatic escalations by level and by week', () => {
    const r = complianceReport(input({ tickets, timeline, filters: { to: now } }));
    expect(r.escalations).toMatchObject({ total: 5, manual: 3, automatic: 2 });
    expect(r.escalations.byLevel).toEqual([
      { level: 1, levelName: 'Team lead', manual: 3, automatic: 0 },
      { level: 2, levelName: 'Duty manager', manual: 0, automatic: 2 },
    ]);
    expect(r.escalations.byWeek).toEqual([
      { week: '2026-03-02', manual: 2, automatic: 1 },
      { week: '2026-03-09', manual: 1, automatic: 1 },
    ]);
  });

  it('applies the ticket filters and the severity in effect at the escalation', () => {
    expect(complianceReport(input({ tickets, timeline, filters: { region: 'emea', to: now } })).escalations.total).toBe(4);
    // Ticket C was severity 2 on day 7 and severity 1 on day 9.
    const sev2 = complianceReport(input({ tickets, timeline, filters: { severity: '2' } })).escalations;
    expect(sev2).toMatchObject({ total: 1, manual: 1, automatic: 0 });
  });
});

describe('complianceReport: visits', () => {
  const tickets = [reportTicket({ id: 'A', createdAt: MON }), reportTicket({ id: 'B', createdAt: MON, region: 'apac' })];
  const visit = (over: Partial<ReportVisit> & { id: string; status: string }): ReportVisit => ({ ticketId: 'A', engineerId: 'eng-f', ...over });
  const visits: ReportVisit[] = [
    visit({ id: 'v1', status: 'completed', window: { start: MON + HOUR, end: MON + 3 * HOUR }, arrivedAt: MON + 2 * HOUR }),
    visit({ id: 'v2', status: 'confirmed', window: { start: MON + 8 * DAY, end: MON + 8 * DAY + HOUR } }),
    visit({ id: 'v3', status: 'cancelled', window: { start: MON + DAY, end: MON + DAY + HOUR } }),
    visit({ id: 'v4', status: 'unscheduled' }),
    visit({ id: 'v5', status: 'arrived', ticketId: 'B', arrivedAt: MON + DAY }),
    { id: 'v6', status: 'completed', customerId: 'cust-z', region: 'emea', arrivedAt: MON + 2 * DAY, engineerId: 'eng-g' },
  ];
  const timeline: TimelineEvent[] = [
    // A visit already in the table: its events must not count it twice.
    { id: 'x1', ticketId: 'A', at: MON + 2 * HOUR, by: 'eng-f', kind: 'visit', visitId: 'v1', change: 'arrive', detail: '' },
    // Known only from the timeline (e.g. the visit row has not synced yet).
    { id: 'x2', ticketId: 'A', at: MON + 9 * DAY, by: 'eng-f', kind: 'visit', visitId: 'v9', change: 'schedule', detail: '' },
    { id: 'x3', ticketId: 'A', at: MON + 10 * DAY, by: 'eng-f', kind: 'visit', visitId: 'v9', change: 'arrive', detail: '' },
    { id: 'x4', ticketId: 'A', at: MON + 10 * DAY, by: 'eng-f', kind: 'visit', visitId: 'v8', change: 'schedule', detail: '' },
  ];

  it('counts visits that happened or are booked, per week, once each', () => {
    const r = complianceReport(input({ tickets, timeline, visits }));
    expect(r.visits.total).toBe(5);
    expect(r.visits.byWeek).toEqual([
      { week: '2026-03-02', count: 3 },
      { week: '2026-03-09', count: 2 },
    ]);
  });

  it('filters visits by their ticket, or by their own fields when they have none', () => {
    expect(complianceReport(input({ tickets, timeline, visits, filters: { region: 'emea' } })).visits.total).toBe(4);
    expect(complianceReport(input({ tickets, timeline, visits, filters: { ownerId: 'eng-g' } })).visits.total).toBe(1);
    expect(complianceReport(input({ tickets, timeline, visits, filters: { severity: '1' } })).visits.total).toBe(4);
    expect(complianceReport(input({ tickets, timeline, visits, filters: { from: MON + 7 * DAY } })).visits.total).toBe(2);
  });
});

describe('complianceReport: E-Down incidents', () => {
  const t1 = reportTicket({
    id: 'E-1',
    createdAt: MON,
    severity: '1',
    sla: { severityHistory: [{ at: MON, severity: '2' }, { at: MON + 30 * MIN, severity: 'edown' }, { at: MON + 150 * MIN, severity: '1' }] },
  });
  const t2 = reportTicket({
    id: 'E-2',
    createdAt: MON + DAY,
    severity: 'edown',
    status: 'resolved',
    sla: { severityHistory: [{ at: MON + DAY, severity: '1' }, { at: MON + DAY + 60 * MIN, severity: 'edown' }], resolvedAt: MON + DAY + 100 * MIN },
  });
  const t3 = reportTicket({ id: 'E-3', createdAt: now - 2 * HOUR, severity: 'edown', sla: { severityHistory: [{ at: now - 2 * HOUR, severity: '1' }, { at: now - 90 * MIN, severity: 'edown' }] } });
  const plain = reportTicket({ id: 'P-1', createdAt: MON });

  it('measures each stretch at the E-Down level until it is left or the ticket is resolved', () => {
    expect(eDownIncidentsOf(t1, 'edown', now)).toEqual([{ ticketId: 'E-1', customerId: 'cust-a', levelId: 'edown', start: MON + 30 * MIN, end: MON + 150 * MIN, durationMinutes: 120 }]);
    expect(eDownIncidentsOf(t2, 'edown', now)[0]).toMatchObject({ end: MON + DAY + 100 * MIN, durationMinutes: 40 });
    expect(eDownIncidentsOf(t3, 'edown', now)[0]).toMatchObject({ durationMinutes: 90 });
    expect(eDownIncidentsOf(t3, 'edown', now)[0]?.end).toBeUndefined();
  });

  it('lists incidents longest first with nearest-rank median and p90', () => {
    const r = complianceReport(input({ tickets: [plain, t2, t3, t1] }));
    expect(r.eDown).toMatchObject({ count: 3, ongoing: 1, medianMinutes: 90, p90Minutes: 120 });
    expect(r.eDown.incidents.map((i) => i.ticketId)).toEqual(['E-1', 'E-3', 'E-2']);
  });

  it('keeps incidents overlapping the period; a severity filter other than E-Down drops them', () => {
    const late = complianceReport(input({ tickets: [t1, t2, t3], filters: { from: MON + DAY + 90 * MIN } }));
    expect(late.eDown.incidents.map((i) => i.ticketId).sort()).toEqual(['E-2', 'E-3']);
    expect(complianceReport(input({ tickets: [t1, t2, t3], filters: { severity: '1' } })).eDown.count).toBe(0);
    expect(complianceReport(input({ tickets: [t1, t2, t3], filters: { severity: 'edown' } })).eDown.count).toBe(3);
  });
});
