export { QueuePage } from './QueuePage';
export { QueueSidebar } from './QueueSidebar';
export { installQueueKeys } from './queue-keys-middleware';
export { builtInViews, findView } from './views';
export { CLOSED, NO_DUE } from './queue-keys';
