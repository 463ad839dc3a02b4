import { describe, expect, it } from 'vitest';
import { parseCsv } from '../csv';
import { complianceReport } from './report';
import { reportToCsv } from './csv';
import { MIN, MON, reportCalendars, reportPolicies, reportTicket } from './report-fixtures.test-support';

const report = () =>
  complianceReport({
    tickets: [
      reportTicket({ id: 'A', createdAt: MON, sla: { respondedAt: MON + 30 * MIN, resolvedAt: MON + 100.5 * MIN } }),
      reportTicket({ id: 'B', createdAt: MON, severity: '2', sla: { respondedAt: MON + 150 * MIN } }),
    ],
    policies: reportPolicies(),
    calendars: reportCalendars,
    now: MON + 600 * MIN,
    filters: {},
    groupBy: 'severity',
  });

describe('reportToCsv', () => {
  it('writes a header row and one row per clock and group, quoting labels with commas, CRLF record ends', () => {
    const csv = reportToCsv(report());
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv).toContain('"Severity 1, critical"');
    const rows = parseCsv(csv);
    expect(rows[0]).toEqual(['clock', 'group_by', 'group', 'group_label', 'met', 'breached', 'counted', 'met_percent', 'median_minutes', 'p90_minutes', 'timed', 'units']);
    expect(rows.slice(1)).toEqual([
      ['first_response', 'severity', '1', 'Severity 1, critical', '1', '0', '1', '100', '30', '30', '1', 'elapsed_minutes'],
      ['first_response', 'severity', '2', 'Severity 2', '0', '1', '1', '0', '150', '150', '1', 'elapsed_minutes'],
      ['resolution', 'severity', '1', 'Severity 1, critical', '1', '0', '1', '100', '100.5', '100.5', '1', 'elapsed_minutes'],
      ['resolution', 'severity', '2', 'Severity 2', '0', '1', '1', '0', '', '', '0', 'elapsed_minutes'],
    ]);
  });

  it('neutralises a synced name that a spreadsheet would run as a formula', () => {
    const csv = reportToCsv(report(), 'compliance', { groupLabel: () => '=HYPERLINK("https://evil.example.com","Core")' });
    const labels = parseCsv(csv).slice(1).map((row) => row[3]);
    expect(labels.every((l) => l === `'=HYPERLINK("https://evil.example.com","Core")`)).toBe(true);
  });

  it('exports one clock, readable group names, and the other tables', () => {
    const r = report();
    const rows = parseCsv(reportToCsv(r, 'compliance', { clock: 'resolution', groupLabel: (key) => `Level ${key}` }));
    expect(rows.map((row) => [row[0], row[3]])).toEqual([
      ['clock', 'group_label'],
      ['resolution', 'Level 1'],
      ['resolution', 'Level 2'],
    ]);
    expect(parseCsv(reportToCsv(r, 'trend', { clock: 'first_response' }))).toEqual([
      ['clock', 'week', 'met', 'breached', 'counted', 'met_percent', 'median_minutes', 'p90_minutes', 'timed', 'units'],
      ['first_response', '2026-03-02', '1', '1', '2', '50', '30', '150', '2', 'elapsed_minutes'],
    ]);
    expect(parseCsv(reportToCsv(r, 'edown'))).toEqual([['ticket_id', 'customer_id', 'level', 'start', 'end', 'duration_minutes', 'ongoing']]);
    expect(parseCsv(reportToCsv(r, 'visits'))).toEqual([['week', 'visits']]);
  });
});
