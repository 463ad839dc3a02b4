export * from './contract';
export * from './bridge';
export * from './external-url';
