import {
  DEFAULT_MAX_ATTACHMENT_BYTES, attachmentLimitRefusal, formatBytes, sanitizeAttachmentName, sniffAttachmentType, ticketAttachmentsSchema,
  type AttachmentOwner, type AttachmentRef,
} from '../../../shared/attachments';
import type { AttachmentBytesRow, ServiceDeskDb } from './db';
import { runMutation } from './mutate';

/** Default space downloaded attachments may take on this device (files waiting to upload do not count against it). */
export const DEFAULT_DEVICE_ATTACHMENT_QUOTA_BYTES = 500 * 1024 * 1024;
const QUOTA_KEY = 'attachmentDeviceQuota';

/** A file the user picked, before it is an attachment. */
export type PickedFile = { name: string; bytes: Uint8Array };

/** Thrown before anything is stored when a file cannot be attached; `code` lets the UI say why in the user's language. */
export class AttachmentInputError extends Error {
  constructor(
    readonly code: 'too_large' | 'too_many_on_owner' | 'too_many_on_ticket' | 'refused',
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'AttachmentInputError';
  }
}

/** Lower-case hex SHA-256 (Web Crypto: the browser, Electron's renderer and Node all have it). */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

function randomId(): string {
  const b = new Uint8Array(9);
  crypto.getRandomValues(b);
  return `att-${Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')}`;
}

/** The attachments a ticket lists (synced), oldest first. */
export async function ticketAttachmentRefs(db: ServiceDeskDb, ticketId: string): Promise<AttachmentRef[]> {
  const row = await db.attachments.get(ticketId);
  const parsed = row ? ticketAttachmentsSchema.safeParse(row) : undefined;
  return parsed?.success ? parsed.data.items : [];
}

/**
 * Attaches a file: keeps its bytes on this device (marked for upload) and records the reference
 * as a synced change, so it works offline; the sync uploads the bytes before pushing the change.
 * The name is sanitised and the type sniffed here, by the same rules the server applies.
 */
export async function addAttachment(db: ServiceDeskDb, input: { ticketId: string; owner: AttachmentOwner; file: PickedFile; now?: number }): Promise<AttachmentRef> {
  const { file } = input;
  const now = input.now ?? Date.now();
  if (file.bytes.length > DEFAULT_MAX_ATTACHMENT_BYTES) {
    throw new AttachmentInputError('too_large', `${file.name} is ${formatBytes(file.bytes.length)}; attachments may be at most ${formatBytes(DEFAULT_MAX_ATTACHMENT_BYTES)}`, { size: formatBytes(file.bytes.length), max: formatBytes(DEFAULT_MAX_ATTACHMENT_BYTES) });
  }
  const limit = attachmentLimitRefusal(await ticketAttachmentRefs(db, input.ticketId), input.owner);
  if (limit) throw new AttachmentInputError(limit.code, limit.message, { limit: limit.limit });
  const sha256 = await sha256Hex(file.bytes);
  const type = sniffAttachmentType(file.bytes.subarray(0, 512));
  const args = { id: randomId(), ticketId: input.ticketId, owner: input.owner, name: sanitizeAttachmentName(file.name), sha256, size: file.bytes.length, type };
  const existing = await db.attachmentBytes.get(sha256);
  // Same bytes already here: keep that row (and whether it still has to be uploaded).
  if (!existing) await db.attachmentBytes.put({ sha256, bytes: file.bytes, size: file.bytes.length, type, pending: 1, lastUsedAt: now });
  const r = await runMutation(db, 'attachment.add@1', args, { now });
  if (r.outcome !== 'applied') throw new AttachmentInputError('refused', r.message ?? 'the attachment was refused', { reason: r.message ?? '' });
  return { ...args, addedBy: '', addedAt: now };
}

/** The device's own copy of an attachment's bytes, if it has one (and marks it as just used). */
export async function localAttachmentBytes(db: ServiceDeskDb, sha256: string, now = Date.now()): Promise<AttachmentBytesRow | undefined> {
  const row = await db.attachmentBytes.get(sha256);
  if (row) await db.attachmentBytes.update(sha256, { lastUsedAt: now });
  return row;
}

export type AttachmentCacheUsage = { downloadedBytes: number; downloadedFiles: number; pendingBytes: number; pendingFiles: number; quotaBytes: number };

/** What attachments take on this device: downloaded copies (count against the quota) and files waiting to upload. */
export async function attachmentCacheUsage(db: ServiceDeskDb): Promise<AttachmentCacheUsage> {
  const out: AttachmentCacheUsage = { downloadedBytes: 0, downloadedFiles: 0, pendingBytes: 0, pendingFiles: 0, quotaBytes: await deviceAttachmentQuota(db) };
  await db.attachmentBytes.each((r) => {
    if (r.pending === 1) {
      out.pendingBytes += r.size;
      out.pendingFiles += 1;
    } else {
      out.downloadedBytes += r.size;
      out.downloadedFiles += 1;
    }
  });
  return out;
}

export async function deviceAttachmentQuota(db: ServiceDeskDb): Promise<number> {
  const v = (await db.meta.get(QUOTA_KEY))?.value;
  return typeof v === 'number' && v >= 0 ? v : DEFAULT_DEVICE_ATTACHMENT_QUOTA_BYTES;
}

/** Sets how much downloaded attachments may take here, and evicts to fit at once. */
export async function setDeviceAttachmentQuota(db: ServiceDeskDb, bytes: number): Promise<void> {
  await db.meta.put({ key: QUOTA_KEY, value: Math.max(0, Math.floor(bytes)) });
  await evictToQuota(db);
}

/** Removes every downloaded copy; files not yet uploaded, or whose attach is not yet sent, stay, or they could be lost. */
export async function clearAttachmentCache(db: ServiceDeskDb): Promise<number> {
  const unsent = await unsentAttachmentHashes(db);
  return db.attachmentBytes.where('pending').equals(0).and((r) => !unsent.has(r.sha256)).delete();
}

/** Hashes of files that changes still waiting in the outbox attach (their server copy is not yet attached). */
export async function unsentAttachmentHashes(db: ServiceDeskDb): Promise<Set<string>> {
  const out = new Set<string>();
  await db.outbox.each((m) => {
    const sha = m.name === 'attachment.add@1' && typeof m.args === 'object' && m.args !== null ? (m.args as { sha256?: unknown }).sha256 : undefined;
    if (typeof sha === 'string') out.add(sha);
  });
  return out;
}

/**
 * Drops the least recently used downloaded copies until they fit the device quota. Files whose
 * attach is still unsent stay: the server may have freed its copy by the time that change arrives.
 */
export async function evictToQuota(db: ServiceDeskDb, keep?: string): Promise<void> {
  const quota = await deviceAttachmentQuota(db);
  const unsent = await unsentAttachmentHashes(db);
  await db.transaction('rw', db.attachmentBytes, async () => {
    const cached = await db.attachmentBytes.where('pending').equals(0).sortBy('lastUsedAt');
    let used = cached.reduce((n, r) => n + r.size, 0);
    for (const r of cached) {
      if (used <= quota) break;
      if (r.sha256 === keep || unsent.has(r.sha256)) continue;
      await db.attachmentBytes.delete(r.sha256);
      used -= r.size;
    }
  });
}
