export { useConfig, getConfig, useConfigStore, buildConfig, type Config } from './config-store';
export { presetPolicies, presetCalendars } from './presets';
export { startConfigSync } from './config-sync-service';
export { createConfigSync, useConfigSyncStatus, type ConfigSync, type ConfigSyncStatus } from './config-sync';
export { parseConfigRows, type ConfigRowProblem, type ParsedConfigRows } from './config-rows';
export { affectedPolicyIds } from './affected-policies';
export { recomputeDueAt, openTicketIdsOf, type RecomputeOptions } from './recompute-due';
