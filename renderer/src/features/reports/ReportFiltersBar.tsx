import { useTranslation } from 'react-i18next';
import { reportGroupings, type ReportGrouping } from '../../../../shared/reports';
import { periodPresets, type PeriodPreset } from './period';
import { useReportQuery, type ReportQuery } from './report-query-store';
import type { Option, ReportOptions } from './use-report-options';

type Dimension = 'severity' | 'productLine' | 'region' | 'customerId' | 'ownerId';
const dimensions: { key: Dimension; options: keyof ReportOptions }[] = [
  { key: 'severity', options: 'severities' },
  { key: 'productLine', options: 'productLines' },
  { key: 'region', options: 'regions' },
  { key: 'customerId', options: 'customers' },
  { key: 'ownerId', options: 'engineers' },
];

/** Period, dimension filters and grouping of the report. */
export function ReportFiltersBar({ options, problem }: { options: ReportOptions | undefined; problem: string | undefined }) {
  const { t } = useTranslation();
  const q = useReportQuery();
  const select = (key: Dimension, list: Option[]) => (
    <label key={key} className="report-field">
      <span>{t(`reports.filters.${key}`)}</span>
      <select aria-label={t(`reports.filters.${key}`)} value={q[key]} onChange={(e) => q.set({ [key]: e.target.value } as Partial<ReportQuery>)}>
        <option value="">{t('reports.filters.all')}</option>
        {list.map((o) => (
          <option key={o.value} value={o.value}>{o.label}</option>
        ))}
      </select>
    </label>
  );
  return (
    <div className="report-filters" role="group" aria-label={t('reports.filters.label')}>
      <label className="report-field">
        <span>{t('reports.filters.period')}</span>
        <select aria-label={t('reports.filters.period')} value={q.preset} onChange={(e) => q.set({ preset: e.target.value as PeriodPreset })}>
          {periodPresets.map((p) => (
            <option key={p} value={p}>{t(`reports.presets.${p}`)}</option>
          ))}
        </select>
      </label>
      {q.preset === 'custom' && (
        <>
          <label className="report-field">
            <span>{t('reports.filters.from')}</span>
            <input type="date" aria-label={t('reports.filters.from')} value={q.customFrom} onChange={(e) => q.set({ customFrom: e.target.value })} aria-invalid={problem !== undefined} />
          </label>
          <label className="report-field">
            <span>{t('reports.filters.to')}</span>
            <input type="date" aria-label={t('reports.filters.to')} value={q.customTo} onChange={(e) => q.set({ customTo: e.target.value })} aria-invalid={problem !== undefined} />
          </label>
        </>
      )}
      {dimensions.map((d) => select(d.key, options?.[d.options] ?? []))}
      <label className="report-field">
        <span>{t('reports.filters.groupBy')}</span>
        <select aria-label={t('reports.filters.groupBy')} value={q.groupBy} onChange={(e) => q.set({ groupBy: e.target.value as ReportGrouping })}>
          {reportGroupings.map((g) => (
            <option key={g} value={g}>{t(`reports.groupings.${g}`)}</option>
          ))}
        </select>
      </label>
      <div className="report-field">
        <span>{t('reports.chartMode.label')}</span>
        <div className="report-toggle" role="radiogroup" aria-label={t('reports.chartMode.label')}>
          {(['groups', 'trend'] as const).map((m) => (
            <label key={m}>
              <input type="radio" name="report-chart-mode" checked={q.chartMode === m} onChange={() => q.set({ chartMode: m })} />
              {t(`reports.chartMode.${m}`)}
            </label>
          ))}
        </div>
      </div>
      {problem && <p className="error" role="alert">{t(`reports.${problem}`)}</p>}
    </div>
  );
}
