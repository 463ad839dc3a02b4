import { useSyncExternalStore } from 'react';
import type { SyncStatus } from '../../data';
import { useServices } from '../../app/services';

/** The live sync status (offline / syncing with progress / pending / last synced / conflicts). */
export function useSyncStatus(): SyncStatus {
  const { sync } = useServices();
  return useSyncExternalStore(sync.status.subscribe, sync.status.get);
}
