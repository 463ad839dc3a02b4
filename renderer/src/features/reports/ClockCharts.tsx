import { useTranslation } from 'react-i18next';
import { reportRows, reportToCsv, type ClockSection, type ComplianceReport } from '../../../../shared/reports';
import { ChartCard } from './ChartCard';
import { barConfig, lineConfig } from './chart-configs';
import type { ChartMode } from './report-query-store';
import type { ReportFormat } from './use-report-format';

type Props = { report: ComplianceReport; mode: ChartMode; format: ReportFormat };

const counted = (s: ClockSection): number => s.total.met + s.total.breached;

/** A card per clock kind: met vs breached by group, or the met % trend by week. */
export function ClockCharts({ report, mode, format }: Props) {
  const { t } = useTranslation();
  const sections = report.clocks.filter((s) => counted(s) > 0);
  const idle = report.clocks.filter((s) => counted(s) === 0).map((s) => t(`clocks.${s.kind}`));
  const met = t('reports.met');
  const breached = t('reports.breached');
  const groupLabel = format.groupLabel;

  const summary = (s: ClockSection['total']) =>
    t('reports.clockSummary', { percent: format.percent(s.metPercent), met: s.met, breached: s.breached, median: format.minutes(s.medianMinutes), p90: format.minutes(s.p90Minutes) });

  const cards =
    report.groupBy === 'clock' && mode === 'groups'
      ? [
          <ChartCard
            key="all"
            cardId="all-clocks"
            title={t('reports.allClocks')}
            config={barConfig(sections.map((s) => t(`clocks.${s.kind}`)), [
              { label: met, data: sections.map((s) => s.total.met), color: 'met' },
              { label: breached, data: sections.map((s) => s.total.breached), color: 'breached' },
            ])}
            rows={reportRows(report, 'compliance', { groupLabel })}
            csv={() => reportToCsv(report, 'compliance', { groupLabel })}
            fileParts={['sla-compliance', report.groupBy]}
            now={report.now}
            formatCell={format.formatCell}
          />,
        ]
      : sections.map((s) =>
          mode === 'groups' ? (
            <ChartCard
              key={s.kind}
              cardId={s.kind}
              title={t(`clocks.${s.kind}`)}
              summary={summary(s.total)}
              config={barConfig(s.groups.map((g) => groupLabel(g.key, g.label)), [
                { label: met, data: s.groups.map((g) => g.met), color: 'met' },
                { label: breached, data: s.groups.map((g) => g.breached), color: 'breached' },
              ])}
              rows={reportRows(report, 'compliance', { clock: s.kind, groupLabel })}
              csv={() => reportToCsv(report, 'compliance', { clock: s.kind, groupLabel })}
              fileParts={['sla-compliance', s.kind, report.groupBy]}
              now={report.now}
              formatCell={format.formatCell}
            />
          ) : (
            <ChartCard
              key={s.kind}
              cardId={`${s.kind}-trend`}
              title={t(`clocks.${s.kind}`)}
              summary={summary(s.total)}
              config={lineConfig(s.trend.map((p) => p.week), [{ label: t('reports.metPercent'), data: s.trend.map((p) => p.metPercent ?? Number.NaN), color: 'accent' }], true)}
              rows={reportRows(report, 'trend', { clock: s.kind })}
              csv={() => reportToCsv(report, 'trend', { clock: s.kind })}
              fileParts={['sla-trend', s.kind]}
              now={report.now}
              formatCell={format.formatCell}
            />
          ),
        );

  return (
    <div className="report-section">
      <h2>{t('reports.complianceTitle')}</h2>
      {sections.length === 0 ? <p className="muted">{t('reports.noClocks')}</p> : <div className="report-grid">{cards}</div>}
      {idle.length > 0 && sections.length > 0 && <p className="muted">{t('reports.idleClocks', { clocks: idle.join(', ') })}</p>}
    </div>
  );
}
