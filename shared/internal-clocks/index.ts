export * from './schema';
export * from './clocks';
export * from './commands';
export * from './working-day';
export * from './meter';
export * from './report';
