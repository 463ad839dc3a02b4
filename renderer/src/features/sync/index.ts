export { SyncBadge } from './SyncBadge';
export { SyncSettings } from './SyncSettings';
export { ConflictList } from './ConflictList';
export { useSyncStatus } from './use-sync-status';
