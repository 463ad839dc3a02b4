export * from './schema';
export * from './levels';
export * from './priority';
export * from './intake';
