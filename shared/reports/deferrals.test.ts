import { describe, expect, it } from 'vitest';
import { complianceReport } from './report';
import { reportToCsv } from './csv';
import type { ReportInput } from './types';
import { HOUR, MON, reportCalendars, reportPolicies, reportTicket } from './report-fixtures.test-support';

const DAY = 24 * HOUR;
const now = MON + 14 * DAY;
const input = (over: Partial<ReportInput>): ReportInput => ({ tickets: [], policies: reportPolicies(), calendars: reportCalendars, now, filters: {}, groupBy: 'severity', ...over });
const deferred = (id: string, deferrals: Array<{ from: number; until: number; agreedWith: string }>, severity = '2') =>
  reportTicket({ id, createdAt: deferrals[0]?.from ?? MON, severity, impact: 'non_service_affecting', sla: { severityHistory: [{ at: MON, severity }], deferrals } });

describe('complianceReport: deferrals by agreement', () => {
  const tickets = [
    deferred('D-1', [{ from: MON + 20 * HOUR, until: MON + DAY + 9 * HOUR, agreedWith: 'Pat Example' }]),
    deferred('D-2', [{ from: now - 2 * HOUR, until: now + 10 * HOUR, agreedWith: 'Lee Example' }], '1'),
    reportTicket({ id: 'N-1', createdAt: MON }),
  ];

  it('"may be deferred by mutual agreement": reports count deferred tickets, who agreed, how long and which still wait, with a CSV table', () => {
    const r = complianceReport(input({ tickets }));
    expect(r.deferrals).toMatchObject({ count: 2, tickets: 2, ongoing: 1 });
    expect(r.deferrals.deferrals.map((d) => [d.ticketId, d.agreedWith, d.durationMinutes, d.ongoing])).toEqual([
      ['D-2', 'Lee Example', 12 * 60, true],
      ['D-1', 'Pat Example', 13 * 60, false],
    ]);
    const csv = reportToCsv(r, 'deferrals').split('\r\n');
    expect(csv[0]).toBe('ticket_id,customer_id,agreed_with,start,end,duration_minutes,ongoing');
    expect(csv[2]).toBe(`D-1,cust-a,Pat Example,${new Date(MON + 20 * HOUR).toISOString()},${new Date(MON + DAY + 9 * HOUR).toISOString()},780,no`);
  });

  it('follows the period and the severity filter (the level in effect when the deferral started)', () => {
    expect(complianceReport(input({ tickets, filters: { from: MON + 2 * DAY } })).deferrals.deferrals.map((d) => d.ticketId)).toEqual(['D-2']);
    expect(complianceReport(input({ tickets, filters: { to: MON + 2 * DAY } })).deferrals.deferrals.map((d) => d.ticketId)).toEqual(['D-1']);
    expect(complianceReport(input({ tickets, filters: { severity: '1' } })).deferrals.count).toBe(1);
  });
});
