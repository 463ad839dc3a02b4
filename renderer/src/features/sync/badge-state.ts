import type { SyncStatus } from '../../data';

export type BadgeState = { key: string; tone: 'ok' | 'warn' | 'muted'; params?: Record<string, string | number> };

/** What the sidebar says about sync, most urgent first: sign in, update, offline, syncing, failed, synced. */
export function badgeState(status: SyncStatus, hasServer: boolean, online: boolean, lastSyncedText: string | undefined): BadgeState {
  if (!hasServer) return { key: 'sync.localOnly', tone: 'ok' };
  if (status.needsLogin) return { key: 'sync.needsLogin', tone: 'warn' };
  if (status.updateRequired) return { key: 'sync.updateRequired', tone: 'warn' };
  if (!online || status.state === 'offline') return { key: 'sync.offline', tone: 'muted' };
  if (status.state === 'syncing') return status.progress ? { key: 'sync.syncingRows', tone: 'ok', params: { count: status.progress.pulledRows } } : { key: 'sync.syncing', tone: 'ok' };
  if (status.state === 'error') return { key: 'sync.error', tone: 'warn' };
  return lastSyncedText ? { key: 'sync.lastSynced', tone: 'ok', params: { time: lastSyncedText } } : { key: 'sync.idle', tone: 'ok' };
}
