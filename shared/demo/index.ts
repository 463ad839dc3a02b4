export * from './random';
export * from './catalogue';
export * from './generate';
export * from './directory';
export * from './history';
export * from './backup-file';
export * from './warehouse';
export * from './settle';
