export * from './limits';
export * from './name';
export * from './sniff';
export * from './schema';
export * from './ticket-attachments';
export * from './open-policy';
