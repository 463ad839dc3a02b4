export * from './change';
export * from './e-down';
export * from './what-if';
export * from './form';
export * from './schema';
export * from './consequences';
export * from './impact-severity';
