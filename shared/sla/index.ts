export * from './watch';
export * from './calendar';
export * from './calendar-schema';
