export * from './defer';
