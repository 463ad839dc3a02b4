import type { ReportFilters } from '../../../../shared/reports';
import { periodProblem, periodRange } from './period';
import type { ReportQuery } from './report-query-store';

const orUndefined = (v: string): string | undefined => (v === '' ? undefined : v);

/** The filters a report query asks for, its period counted back from `openedAt`; an unusable period is left out and named. */
export function reportFilters(q: Omit<ReportQuery, 'groupBy' | 'chartMode'>, openedAt: number): { filters: ReportFilters; problem: ReturnType<typeof periodProblem> } {
  const period = periodRange(q.preset, openedAt, q.customFrom, q.customTo);
  const problem = periodProblem(period);
  return {
    filters: {
      ...(problem ? {} : period),
      severity: orUndefined(q.severity),
      productLine: orUndefined(q.productLine),
      region: orUndefined(q.region),
      customerId: orUndefined(q.customerId),
      ownerId: orUndefined(q.ownerId),
    },
    problem,
  };
}
