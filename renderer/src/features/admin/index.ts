export { PolicySettings } from './PolicySettings';
export { CalendarSettings } from './CalendarSettings';
export { ConfigTransfer } from './ConfigTransfer';
export { exportConfigBundle, parseConfigBundle, importSteps, CONFIG_BUNDLE_FORMAT, type ConfigBundle, type BundleProblem } from './config-bundle';
export { computeDeadlineImpact, type DeadlineImpact } from './deadline-impact';
export { DeadlineImpactList } from './DeadlineImpactList';
export { putConfigRow } from './config-mutations';
export type { ImpactState } from './use-deadline-impact';
export { useIsAdmin } from './use-admin';
