export * from './schema';
export * from './id';
export * from './timeline';
export * from './status';
export * from './intake-form';
export * from './command';
export * from './commands';
