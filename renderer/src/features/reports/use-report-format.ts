import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { formatMinutes } from '../clocks';
import type { ReportGrouping } from '../../../../shared/reports';
import type { ReportOptions } from './use-report-options';

export type ReportFormat = {
  /** A readable name for a group key of the current grouping. */
  groupLabel: (key: string, fallback: string) => string;
  /** A table cell for reading (CSV keeps the raw value). */
  formatCell: (column: string, value: string) => string;
  minutes: (m: number | null) => string;
  percent: (p: number | null) => string;
  date: (ms: number) => string;
};

const minuteColumns = new Set(['median_minutes', 'p90_minutes', 'duration_minutes']);

/** Formatting of report values in the UI language. */
export function useReportFormat(groupBy: ReportGrouping, options: ReportOptions | undefined): ReportFormat {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const minutes = useCallback((m: number | null) => (m === null ? '—' : formatMinutes(m, lang)), [lang]);
  const percent = useCallback((p: number | null) => (p === null ? '—' : new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 }).format(p / 100)), [lang]);
  const date = useCallback((ms: number) => new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(ms), [lang]);
  const groupLabel = useCallback(
    (key: string, fallback: string) => {
      switch (groupBy) {
        case 'customer': return options?.customers.find((c) => c.value === key)?.label ?? key;
        case 'engineer': return key === '' ? t('reports.unassigned') : (options?.engineers.find((e) => e.value === key)?.label ?? key);
        case 'clock': return t(`clocks.${key}`);
        default: return fallback;
      }
    },
    [groupBy, options, t],
  );
  const formatCell = useCallback(
    (column: string, value: string) => {
      if (value === '') return '—';
      if (column === 'clock') return t(`clocks.${value}`);
      if (column === 'group_by') return t(`reports.groupings.${value}`);
      if (column === 'units') return value.split('+').map((u) => t(`reports.units.${u}`)).join(', ');
      if (column === 'ongoing') return t(`reports.${value === 'yes' ? 'yes' : 'no'}`);
      if (column === 'start' || column === 'end') return date(Date.parse(value));
      if (column === 'met_percent') return percent(Number(value));
      if (minuteColumns.has(column)) return minutes(Number(value));
      return value;
    },
    [t, date, percent, minutes],
  );
  return { groupLabel, formatCell, minutes, percent, date };
}
