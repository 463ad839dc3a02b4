import { describe, expect, it } from 'vitest';
import { initialSyncStatus } from '../../data';
import { badgeState } from './badge-state';

describe('sync badge', () => {
  it('says local only without a server, whatever else is true', () => {
    expect(badgeState({ ...initialSyncStatus, needsLogin: true }, false, true, undefined).key).toBe('sync.localOnly');
  });
  it('puts signing in before being offline, and offline before a failure', () => {
    expect(badgeState({ ...initialSyncStatus, needsLogin: true, state: 'error' }, true, false, undefined)).toEqual({ key: 'sync.needsLogin', tone: 'warn' });
    expect(badgeState({ ...initialSyncStatus, state: 'error' }, true, false, undefined).key).toBe('sync.offline');
    expect(badgeState({ ...initialSyncStatus, state: 'error' }, true, true, undefined).key).toBe('sync.error');
  });
  it('shows pull progress and the last sync time', () => {
    expect(badgeState({ ...initialSyncStatus, state: 'syncing', progress: { pulledRows: 4000, pushed: 0 } }, true, true, undefined)).toEqual({ key: 'sync.syncingRows', tone: 'ok', params: { count: 4000 } });
    expect(badgeState(initialSyncStatus, true, true, '10:42').params).toEqual({ time: '10:42' });
  });
});
