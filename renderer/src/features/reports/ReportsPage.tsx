import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportToCsv } from '../../../../shared/reports';
import { ActivityCharts } from './ActivityCharts';
import { ClockCharts } from './ClockCharts';
import { ReportFiltersBar } from './ReportFiltersBar';
import { csvFileName, downloadCsv } from './download-csv';
import { reportFilters } from './report-filters';
import { useReportQuery } from './report-query-store';
import { useComplianceReport } from './use-report';
import { useReportFormat } from './use-report-format';
import { useReportOptions } from './use-report-options';
import './reports.css';

/** SLA compliance, escalations, visits and E-Down incidents, computed from the local store. */
export function ReportsPage() {
  const { t } = useTranslation();
  const q = useReportQuery();
  // Presets count back from when the page opened and stay open-ended, so later changes still show
  // up; the report does not recompute every minute just because the clock moved.
  const [openedAt] = useState(() => Date.now());
  const { filters, problem } = useMemo(
    () => reportFilters({ preset: q.preset, customFrom: q.customFrom, customTo: q.customTo, severity: q.severity, productLine: q.productLine, region: q.region, customerId: q.customerId, ownerId: q.ownerId }, openedAt),
    [q.preset, openedAt, q.customFrom, q.customTo, q.severity, q.productLine, q.region, q.customerId, q.ownerId],
  );
  const { report, timing, error, computing } = useComplianceReport(filters, q.groupBy);
  const options = useReportOptions();
  const format = useReportFormat(report?.groupBy ?? q.groupBy, options);

  return (
    <section
      className="reports"
      aria-labelledby="reports-title"
      aria-busy={computing}
      data-testid="reports-page"
      data-computing={computing ? 'yes' : 'no'}
      data-report-now={report?.now}
      data-report-from={report?.filters.from}
      data-report-to={report?.filters.to}
      data-report-zone={report?.timeZone}
      data-report-severity={report?.filters.severity}
      data-load-ms={timing ? Math.round(timing.loadMs) : undefined}
      data-compute-ms={timing ? Math.round(timing.computeMs) : undefined}
      data-worker-heap-mb={timing?.workerHeapMb !== undefined ? Math.round(timing.workerHeapMb) : undefined}
    >
      <header className="reports-header">
        <h1 id="reports-title">{t('reports.title')}</h1>
        <span className="muted" role="status" data-testid="report-status">
          {computing
            ? t('reports.computing')
            : report && t('reports.computed', { count: report.ticketCount, time: format.date(report.now), ms: Math.round((timing?.loadMs ?? 0) + (timing?.computeMs ?? 0)) })}
        </span>
        <button
          type="button"
          className="primary"
          disabled={!report || computing}
          onClick={() => report && downloadCsv(csvFileName(['sla-compliance', report.groupBy], report.now), reportToCsv(report, 'compliance', { groupLabel: format.groupLabel }))}
        >
          {t('reports.exportAll')}
        </button>
      </header>
      <ReportFiltersBar options={options} problem={problem} />
      {error && <p className="error" role="alert">{t('reports.failed', { message: error })}</p>}
      {report && report.skippedCount > 0 && <p className="error">{t('reports.skipped', { count: report.skippedCount, first: report.skipped[0]?.reason ?? '' })}</p>}
      <div className={computing ? 'reports-body stale' : 'reports-body'}>
        {report ? (
          <>
            <ClockCharts report={report} mode={q.chartMode} format={format} />
            <ActivityCharts report={report} format={format} />
          </>
        ) : (
          !error && <p className="muted">{t('reports.computing')}</p>
        )}
      </div>
    </section>
  );
}
