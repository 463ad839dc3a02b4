import { z } from 'zod';
import { UPLOAD_CHUNK_BYTES, sniffAttachmentType, ticketAttachmentsSchema, uploadStateSchema, type UploadState } from '../../../shared/attachments';
import type { ServiceDeskDb } from './db';
import { evictToQuota, deviceAttachmentQuota, sha256Hex, unsentAttachmentHashes } from './attachment-bytes';
import { getActor } from './mutate';

/** How the device reaches the server: its address, the session token and fetch. */
export type ServerAccess = { baseUrl: string; token: string; fetch: typeof fetch };

const errorBody = z.object({ error: z.object({ code: z.string(), message: z.string(), offset: z.number().int().nonnegative().optional() }) });

/** The server answered with a refusal (not a network failure): `status` and its reason. */
export class AttachmentServerError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly offset?: number,
  ) {
    super(message);
    this.name = 'AttachmentServerError';
  }
}

async function answer(res: Response): Promise<UploadState> {
  const raw: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const e = errorBody.safeParse(raw);
    throw new AttachmentServerError(res.status, e.success ? e.data.error.code : 'http_error', e.success ? e.data.error.message : `HTTP ${res.status}`, e.success ? e.data.error.offset : undefined);
  }
  return uploadStateSchema.parse(raw);
}

/** Largest piece sent in one request, whatever the server allows: a lost request costs at most this. */
const MAX_PIECE_BYTES = 16 * 1024 * 1024;
const MIN_PIECE_BYTES = 64 * 1024;
/** A piece that took less than this grows (the link is fast, so fewer requests win); a slower one shrinks. */
const FAST_PIECE_MS = 1000;
const SLOW_PIECE_MS = 4000;

/**
 * Sends one file's bytes, resuming where the server says an earlier attempt stopped. Pieces start at
 * UPLOAD_CHUNK_BYTES and double while each takes under a second, up to what the server says it
 * takes, so a fast link needs few requests and a slow one never loses much to a dropped connection.
 * Network failures throw (the sync reports offline and retries); a refusal throws AttachmentServerError.
 */
export async function uploadBytes(access: ServerAccess, sha256: string, bytes: Uint8Array, onProgress?: (sent: number) => void): Promise<UploadState> {
  const auth = { authorization: `Bearer ${access.token}` };
  let state = await answer(await access.fetch(`${access.baseUrl}/attachments/uploads`, { method: 'POST', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify({ sha256, size: bytes.length }) }));
  const told = state.status === 'partial' ? state.pieceBytes : undefined;
  let ceiling = told === undefined ? UPLOAD_CHUNK_BYTES : Math.max(MIN_PIECE_BYTES, Math.min(told, MAX_PIECE_BYTES));
  let pieceBytes = Math.min(UPLOAD_CHUNK_BYTES, ceiling);
  while (state.status === 'partial') {
    const at = state.offset;
    onProgress?.(at);
    // A view, not a copy: fetch sends it as it is.
    const piece = bytes.subarray(at, at + pieceBytes);
    const began = performance.now();
    try {
      state = await answer(await access.fetch(`${access.baseUrl}/attachments/uploads/${sha256}?offset=${at}`, { method: 'PUT', headers: { ...auth, 'content-type': 'application/octet-stream' }, body: piece as Uint8Array<ArrayBuffer> }));
    } catch (e) {
      // The server has a different amount (an earlier answer was lost): continue from there.
      if (e instanceof AttachmentServerError && e.code === 'offset_mismatch' && e.offset !== undefined) state = { status: 'partial', offset: e.offset };
      // A server that takes smaller pieces than it said: halve until it takes them.
      else if (e instanceof AttachmentServerError && e.code === 'chunk_too_large' && pieceBytes > MIN_PIECE_BYTES) {
        ceiling = pieceBytes = Math.max(MIN_PIECE_BYTES, Math.floor(pieceBytes / 2));
        continue;
      } else throw e;
    }
    const took = performance.now() - began;
    if (took < FAST_PIECE_MS && piece.length === pieceBytes) pieceBytes = Math.min(ceiling, pieceBytes * 2);
    else if (took > SLOW_PIECE_MS) pieceBytes = Math.max(Math.min(ceiling, UPLOAD_CHUNK_BYTES / 4), Math.floor(pieceBytes / 2));
  }
  return state;
}

/**
 * Uploads every file added on this device that the server does not have yet, before the changes
 * that reference them are pushed. A refused file (too large for this server, quota full) keeps its
 * bytes here with the reason, and is tried again at the next sync; the rest still go.
 * Files sent at an earlier sync whose attach has not reached the server yet (the push failed, the
 * device went offline) are announced again: the server then keeps them another grace period, or,
 * should it have freed them after a long offline spell, they are sent again from this device.
 */
export async function uploadPendingAttachments(db: ServiceDeskDb, access: ServerAccess): Promise<{ uploaded: number; refused: number }> {
  const unsent = await unsentAttachmentHashes(db);
  const pending = (await db.attachmentBytes.toArray()).filter((r) => r.pending === 1 || unsent.has(r.sha256));
  let uploaded = 0;
  let refused = 0;
  for (const row of pending) {
    try {
      await uploadBytes(access, row.sha256, row.bytes, (sent) => void db.attachmentBytes.update(row.sha256, { uploadedBytes: sent }));
      await db.attachmentBytes.update(row.sha256, { pending: 0, uploadError: undefined, uploadedBytes: row.size });
      uploaded += 1;
    } catch (e) {
      if (!(e instanceof AttachmentServerError) || e.status === 401) throw e;
      await db.attachmentBytes.update(row.sha256, { uploadError: e.message });
      refused += 1;
    }
  }
  if (uploaded > 0) await evictToQuota(db);
  return { uploaded, refused };
}

/**
 * The bytes of an attachment: this device's copy, or downloaded from the server, checked against
 * the hash and kept for offline use within the device quota. The type is sniffed again here: what
 * the reference says decides nothing about how the bytes are shown.
 */
export async function fetchAttachment(db: ServiceDeskDb, access: ServerAccess, sha256: string, now = Date.now()): Promise<{ bytes: Uint8Array; type: string }> {
  const local = await db.attachmentBytes.get(sha256);
  if (local) {
    await db.attachmentBytes.update(sha256, { lastUsedAt: now });
    return { bytes: local.bytes, type: local.type };
  }
  const res = await access.fetch(`${access.baseUrl}/attachments/${sha256}`, { headers: { authorization: `Bearer ${access.token}` } });
  if (!res.ok) {
    const e = errorBody.safeParse(await res.json().catch(() => undefined));
    throw new AttachmentServerError(res.status, e.success ? e.data.error.code : 'http_error', e.success ? e.data.error.message : `HTTP ${res.status}`);
  }
  const bytes = new Uint8Array(await res.arrayBuffer());
  if ((await sha256Hex(bytes)) !== sha256) throw new AttachmentServerError(502, 'hash_mismatch', 'the downloaded file does not match its fingerprint; try again');
  const type = sniffAttachmentType(bytes.subarray(0, 512));
  if (bytes.length <= (await deviceAttachmentQuota(db))) {
    await db.attachmentBytes.put({ sha256, bytes, size: bytes.length, type, pending: 0, lastUsedAt: now });
    await evictToQuota(db, sha256);
  }
  return { bytes, type };
}

/**
 * A field engineer's device keeps the attachments of the tickets assigned to them (as owner or
 * through a visit of theirs) so they are there on site without a network, newest tickets first,
 * as far as the device quota allows. Other roles download on demand only.
 */
export async function cacheAssignedAttachments(db: ServiceDeskDb, access: ServerAccess): Promise<number> {
  const actor = await getActor(db);
  if (actor.role !== 'field_engineer') return 0;
  const viaVisits = (await db.visits.where('engineerId').equals(actor.userId).toArray()).map((v) => String(v.ticketId ?? ''));
  const owned = (await db.tickets.where('ownerId').equals(actor.userId).primaryKeys()).map(String);
  const ticketIds = [...new Set([...owned, ...viaVisits])].filter((id) => id !== '');
  const quota = await deviceAttachmentQuota(db);
  let budget = quota - (await db.attachmentBytes.where('pending').equals(0).toArray()).reduce((n, r) => n + r.size, 0);
  let fetched = 0;
  const lists = await db.attachments.bulkGet(ticketIds);
  const refs = lists.flatMap((l) => {
    const p = l ? ticketAttachmentsSchema.safeParse(l) : undefined;
    return p?.success ? p.data.items : [];
  });
  // Newest first; a ticket's list is in the order the server accepted them, so later ties are newer.
  const newestFirst = refs.map((ref, i) => ({ ref, i })).sort((a, b) => b.ref.addedAt - a.ref.addedAt || b.i - a.i);
  for (const { ref } of newestFirst) {
    if (ref.size > budget) continue;
    if (await db.attachmentBytes.get(ref.sha256)) continue;
    try {
      await fetchAttachment(db, access, ref.sha256);
      budget -= ref.size;
      fetched += 1;
    } catch (e) {
      // Not uploaded yet by the device that added it: the next sync tries again.
      if (e instanceof AttachmentServerError && e.status === 404) continue;
      throw e;
    }
  }
  return fetched;
}
