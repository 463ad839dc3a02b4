import { useTranslation } from 'react-i18next';
import { reportRows, reportToCsv, type ComplianceReport } from '../../../../shared/reports';
import { stepText } from '../handoff';
import { ChartCard } from './ChartCard';
import { barConfig } from './chart-configs';
import type { ReportFormat } from './use-report-format';

const TOP_INCIDENTS = 20;

/** Escalations and visits per week, escalations by level, E-Down incidents and deferrals by agreement with their durations. */
export function ActivityCharts({ report, format }: { report: ComplianceReport; format: ReportFormat }) {
  const { t } = useTranslation();
  const { escalations: esc, visits, eDown, deferrals } = report;
  const manual = t('reports.manual');
  const automatic = t('reports.automatic');
  const common = { now: report.now, formatCell: format.formatCell };
  const longest = eDown.incidents.slice(0, TOP_INCIDENTS);
  return (
    <div className="report-section">
      <h2>{t('reports.activityTitle')}</h2>
      <div className="report-grid">
        <ChartCard
          cardId="escalations"
          title={t('reports.escalationsTitle')}
          summary={t('reports.escalationsSummary', { total: esc.total, manual: esc.manual, automatic: esc.automatic })}
          config={barConfig(esc.byWeek.map((w) => w.week), [
            { label: manual, data: esc.byWeek.map((w) => w.manual), color: 'accent' },
            { label: automatic, data: esc.byWeek.map((w) => w.automatic), color: 'warn' },
          ], true)}
          rows={reportRows(report, 'escalations')}
          csv={() => reportToCsv(report, 'escalations')}
          fileParts={['escalations-per-week']}
          {...common}
        />
        <ChartCard
          cardId="escalation-levels"
          title={t('reports.escalationLevelsTitle')}
          config={barConfig(esc.byLevel.map((l) => `${l.level} · ${l.levelName}`), [
            { label: manual, data: esc.byLevel.map((l) => l.manual), color: 'accent' },
            { label: automatic, data: esc.byLevel.map((l) => l.automatic), color: 'warn' },
          ], true)}
          rows={reportRows(report, 'escalation_levels')}
          csv={() => reportToCsv(report, 'escalation_levels')}
          fileParts={['escalations-by-level']}
          {...common}
        />
        <ChartCard
          cardId="visits"
          title={t('reports.visitsTitle')}
          summary={t('reports.visitsSummary', { count: visits.total })}
          config={barConfig(visits.byWeek.map((w) => w.week), [{ label: t('reports.columns.visits'), data: visits.byWeek.map((w) => w.count), color: 'accent' }])}
          rows={reportRows(report, 'visits')}
          csv={() => reportToCsv(report, 'visits')}
          fileParts={['on-site-visits-per-week']}
          {...common}
        />
        <ChartCard
          cardId="edown"
          title={t('reports.eDownTitle')}
          summary={t('reports.eDownSummary', { incidents: eDown.count, count: eDown.count, ongoing: eDown.ongoing, median: format.minutes(eDown.medianMinutes), p90: format.minutes(eDown.p90Minutes) })}
          config={barConfig(longest.map((i) => i.ticketId), [{ label: t('reports.durationHours'), data: longest.map((i) => Math.round((i.durationMinutes / 60) * 10) / 10), color: 'breached' }])}
          rows={reportRows(report, 'edown')}
          csv={() => reportToCsv(report, 'edown')}
          fileParts={['e-down-incidents']}
          {...common}
        />
        <ChartCard
          cardId="deferrals"
          title={t('reports.deferralsTitle')}
          summary={t('reports.deferralsSummary', { count: deferrals.count, tickets: deferrals.tickets, ongoing: deferrals.ongoing })}
          config={barConfig(deferrals.deferrals.slice(0, TOP_INCIDENTS).map((d) => d.ticketId), [{ label: t('reports.durationHours'), data: deferrals.deferrals.slice(0, TOP_INCIDENTS).map((d) => Math.round((d.durationMinutes / 60) * 10) / 10), color: 'accent' }])}
          rows={reportRows(report, 'deferrals')}
          csv={() => reportToCsv(report, 'deferrals')}
          fileParts={['deferrals-by-agreement']}
          {...common}
        />
        {report.internalSteps.tickets > 0 && (
          <ChartCard
            cardId="internal-steps"
            title={t('handoff.report.title')}
            summary={report.internalSteps.steps.map((s) => `${stepText(t, { id: s.step })}: ${s.met}/${s.met + s.breached}`).join(' · ')}
            config={barConfig(report.internalSteps.steps.map((s) => stepText(t, { id: s.step })), [
              { label: t('handoff.report.met'), data: report.internalSteps.steps.map((s) => s.met), color: 'met' },
              { label: t('handoff.report.breached'), data: report.internalSteps.steps.map((s) => s.breached), color: 'breached' },
            ], true)}
            rows={reportRows(report, 'internal_steps')}
            csv={() => reportToCsv(report, 'internal_steps')}
            fileParts={['internal-steps']}
            {...common}
          />
        )}
      </div>
    </div>
  );
}
