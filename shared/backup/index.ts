export * from './format';
export * from './validate';
export * from './merge';
export * from './device';
