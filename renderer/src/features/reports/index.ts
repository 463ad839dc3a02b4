export { ReportsPage } from './ReportsPage';
export { reportsWarmupService } from './reports-warmup-service';
