export * from './schema';
export * from './lookup';
export * from './entitlement';
export { baseCalendarId } from './effective-policy';
export * from './e-down-intake';
export * from './severity-order';
export * from './model-columns';
export * from './model-io';
export * from './model-import';
