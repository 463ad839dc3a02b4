export { QueuePage } from './QueuePage';
export { QueueKeepAlive } from './QueueKeepAlive';
export { QueueSidebar } from './QueueSidebar';
export { builtInViews, findView } from './views';
