export * from './watch';
export * from './calendar';
export * from './calendar-schema';
export * from './clocks';
export * from './watch-list';
export * from './ticket-clocks';
