// The shapes of the local store's rows, apart from the store itself so that its schema upgrades
// (migrations, sync-meta) can name them without importing the store that runs them.
import type { BaseVersions, FieldVersions, SyncTable } from '../../../shared/sync';

/** A key/value row for device-local facts: client id, sync cursor, schema version, UI prefs. */
export type MetaRow = { key: string; value: unknown };

/** One local change waiting to be pushed; `id` counts up per client and is never reused. */
export type OutboxEntry = { clientId: string; id: number; name: string; args: unknown; baseVersions: BaseVersions; clientTime: number };

/**
 * Per synced row: the server's version and field versions (for base versions), and while local
 * changes are pending, the server's copy (`shadow`) that rebase resets to before replaying them.
 * Since schema 5, rows of the large tables (sync-meta inlineMetaTables) without pending changes
 * keep these facts on the row itself and have no sync state row.
 */
export type SyncStateRow = { table: SyncTable; id: string; version: number; fv: FieldVersions; hasShadow: 0 | 1; shadow?: Record<string, unknown> | null };

/** Presets and records this store only carries; their schemas belong to other modules. */
export type LooseRow = { id: string } & Record<string, unknown>;

/**
 * File bytes kept on this device. `pending` = 1 while the server does not have them yet (added
 * offline, or the upload was refused: `uploadError` says why); downloaded copies are evicted
 * oldest-used first when the device quota is exceeded, pending ones never.
 */
export type AttachmentBytesRow = {
  sha256: string;
  bytes: Uint8Array;
  size: number;
  /** Sniffed from the bytes on this device; decides whether it is previewed. */
  type: string;
  pending: 0 | 1;
  uploadError?: string;
  /** Bytes the server confirmed so far (resumable upload). */
  uploadedBytes?: number;
  lastUsedAt: number;
};
