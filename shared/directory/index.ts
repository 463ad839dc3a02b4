export * from './schema';
export * from './people';
export * from './session';
