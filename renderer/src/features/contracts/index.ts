export { EntitlementFacts } from './EntitlementFacts';
export { ContractSettings } from './ContractSettings';
