export * from './random';
export * from './catalogue';
export * from './generate';
