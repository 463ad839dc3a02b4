import { create } from 'zustand';
import type { ReportGrouping } from '../../../../shared/reports';
import type { PeriodPreset } from './period';

export type ChartMode = 'groups' | 'trend';

/** The report's filters and view choices; kept while the user visits other screens. */
export type ReportQuery = {
  preset: PeriodPreset;
  customFrom: string;
  customTo: string;
  severity: string;
  productLine: string;
  region: string;
  customerId: string;
  ownerId: string;
  groupBy: ReportGrouping;
  chartMode: ChartMode;
};

type Store = ReportQuery & { set: (patch: Partial<ReportQuery>) => void };

export const useReportQuery = create<Store>((set) => ({
  preset: 'last30',
  customFrom: '',
  customTo: '',
  severity: '',
  productLine: '',
  region: '',
  customerId: '',
  ownerId: '',
  groupBy: 'severity',
  chartMode: 'groups',
  set: (patch) => set(patch),
}));
