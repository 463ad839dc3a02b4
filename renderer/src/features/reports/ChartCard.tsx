import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChartConfiguration } from 'chart.js';
import { ChartCanvas } from './ChartCanvas';
import { ReportTable } from './ReportTable';
import { csvFileName, downloadCsv } from './download-csv';

export type ChartCardProps = {
  cardId: string;
  title: string;
  summary?: ReactNode;
  config: ChartConfiguration<'bar' | 'line'>;
  /** Header row first, as exported; the table view shows the same rows. */
  rows: string[][];
  csv: () => string;
  fileParts: string[];
  now: number;
  formatCell?: (column: string, value: string) => string;
};

/** One chart with its table view and CSV export; the table view shows exactly what the CSV holds. */
export function ChartCard({ cardId, title, summary, config, rows, csv, fileParts, now, formatCell }: ChartCardProps) {
  const { t } = useTranslation();
  const [asTable, setAsTable] = useState(false);
  const empty = rows.length <= 1;
  return (
    <section className="report-card" data-testid={`report-card-${cardId}`} aria-label={title}>
      <header className="report-card-head">
        <h3>{title}</h3>
        {summary && <span className="muted report-summary">{summary}</span>}
        <span className="report-card-actions">
          <button type="button" aria-pressed={asTable} disabled={empty} onClick={() => setAsTable((v) => !v)}>
            {asTable ? t('reports.showChart') : t('reports.showTable')}
          </button>
          <button type="button" disabled={empty} onClick={() => downloadCsv(csvFileName(fileParts, now), csv())}>
            {t('reports.exportCsv')}
          </button>
        </span>
      </header>
      {empty ? <p className="muted">{t('reports.noData')}</p> : asTable ? <ReportTable rows={rows} caption={title} formatCell={formatCell} /> : <ChartCanvas config={config} label={title} />}
    </section>
  );
}
