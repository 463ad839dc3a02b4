import type { BackgroundService } from '../app/background';
import { startConfigSync } from '../config';
import { slaWatchService } from '../features/alerts';
import { autoEscalationService } from '../features/escalation';
import { reportsWarmupService } from '../features/reports';
import { autoFaultVisitsService } from '../features/dispatch';
import { internalStepsService } from '../features/handoff';

/**
 * Every job the app runs in the background, in start order. The shell lists them (it may import
 * features); the kernel starts and stops them (startBackground), never a component.
 */
export const backgroundServices: readonly BackgroundService[] = [
  { name: 'config-sync', start: ({ db }) => startConfigSync(db) },
  slaWatchService,
  autoEscalationService,
  reportsWarmupService,
  autoFaultVisitsService,
  internalStepsService,
];
