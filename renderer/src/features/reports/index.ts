export { ReportsPage } from './ReportsPage';
export { useReportsWarmup } from './use-reports-warmup';
