export { useConfig, getConfig, useConfigStore, buildConfig, noContractRows, type Config, type ContractRows } from './config-store';
export { presetPolicies, presetCalendars } from './presets';
export { startConfigSync } from './config-sync-service';
export { createConfigSync, useConfigSyncStatus, type ConfigSync, type ConfigSyncStatus } from './config-sync';
export { parseConfigRows, parseContractRows, type ConfigRowProblem, type ParsedConfigRows, type StoredContractRows } from './config-rows';
export { affectedPolicyIds } from './affected-policies';
export { recomputeDueAt, openTicketIdsOf, type RecomputeOptions } from './recompute-due';
