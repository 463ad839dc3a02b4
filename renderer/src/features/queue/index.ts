export { QueuePage } from './QueuePage';
export { QueueKeepAlive } from './QueueKeepAlive';
export { QueueSidebar } from './QueueSidebar';
export { installQueueKeys } from './queue-keys-middleware';
export { builtInViews, findView } from './views';
export { CLOSED, NO_DUE } from './queue-keys';
