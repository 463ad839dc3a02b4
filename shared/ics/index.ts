export * from './content-line';
export * from './vtimezone';
export * from './visit-ics';
