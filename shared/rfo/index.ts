export * from './commands';
export * from './draft';
