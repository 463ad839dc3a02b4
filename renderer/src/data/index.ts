export { ServiceDeskDb, openDb, syncScope, type MetaRow, type OutboxEntry, type SyncStateRow, type LooseRow } from './db';
export { runMutation, getClientId, setActor, getActor, MutationInputError, type RunMutationResult, type RunMutationOptions } from './mutate';
export type { Actor } from './local-apply';
export { createSyncClient, type SyncClient, type SyncClientOptions } from './sync-client';
export { createSyncStatusStore, backoffDelay, initialSyncStatus, type SyncStatus, type SyncStatusStore } from './sync-status';
export { loginToServer, signIn, logout, actorFromLogin, adoptIdentity, LoginError, type LoginErrorCode, type LoginResult, type LoginUser, type SyncIdentity } from './login';
export { effectiveSyncState, inlineMetaTables, META_KEY, splitRow, type InlineMeta } from './sync-meta';
export { retireDemoData, type RetiredDemo } from './retire-demo';
export { hasEverSynced, restartOutbox } from './restart-outbox';
export { uncachedRead } from './uncached-read';
export { DueRangeCache, collectTicketChanges, readDueRangePaged, readTicketsPaged, PAGE_ROWS, type TicketChanges, type TicketRow } from './due-range-cache';
export { installQueueKeys } from './queue-keys-middleware';
export { CLOSED, NO_DUE, nearestDue, queueKeys, queueKeyFields, searchTokens, ticketIndex, type QueueKeys, type TicketIndex } from './queue-keys';
export { saveDraft, loadDraft, deleteDraft, trackDraftWrite, migrateLegacyIntakeDraft, LEGACY_INTAKE_DRAFT_KEY } from './drafts';
export { forgetOrganisationData, type ForgetResult } from './forget-organisation';
export {
  addAttachment, attachmentCacheUsage, clearAttachmentCache, deviceAttachmentQuota, localAttachmentBytes, setDeviceAttachmentQuota, sha256Hex, ticketAttachmentRefs,
  AttachmentInputError, DEFAULT_DEVICE_ATTACHMENT_QUOTA_BYTES, type AttachmentCacheUsage, type PickedFile,
} from './attachment-bytes';
export { AttachmentServerError, fetchAttachment, uploadBytes, uploadPendingAttachments, type ServerAccess } from './attachment-transfer';
export type { AttachmentBytesRow } from './db';
export { withdrawPendingMutation, pendingRef, currentPendingId, PUSHED_THROUGH_KEY, type PendingRef, type WithdrawResult } from './withdraw';
export { backgroundTurn, installForegroundMarks, markForeground, FOREGROUND_HOLD_MS, MAX_HOLD_MS } from './foreground';
