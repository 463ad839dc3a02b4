export { ServiceDeskDb, openDb, type MetaRow, type OutboxEntry, type SyncStateRow, type LooseRow } from './db';
export { runMutation, getClientId, setActor, getActor, MutationInputError, type RunMutationResult } from './mutate';
export type { Actor } from './local-apply';
export { createSyncClient, type SyncClient, type SyncClientOptions } from './sync-client';
export { createSyncStatusStore, backoffDelay, initialSyncStatus, type SyncStatus, type SyncStatusStore } from './sync-status';
export { loginToServer, signIn, logout, actorFromLogin, adoptIdentity, LoginError, type LoginErrorCode, type LoginResult, type LoginUser, type SyncIdentity } from './login';
export { effectiveSyncState, inlineMetaTables, META_KEY, splitRow, type InlineMeta } from './sync-meta';
export { retireDemoData, type RetiredDemo } from './retire-demo';
export { hasEverSynced, restartOutbox } from './restart-outbox';
