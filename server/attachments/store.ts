import { createHash, type Hash } from 'node:crypto';
import {
  DEFAULT_MAX_ATTACHMENT_BYTES, DEFAULT_TENANT_ATTACHMENT_QUOTA_BYTES, UPLOAD_CHUNK_BYTES, attachmentTypeSchema, sniffAttachmentType,
  type AttachmentBlob, type UploadState,
} from '../../shared/attachments';
import type { Db, Queryable } from '../db/types';
import { AttachmentError, quotaExceeded, tooLarge } from './errors';
import { databasePieces, type PieceStore } from './pieces';

export type AttachmentLimits = {
  /** Largest single file in bytes. */
  maxFileBytes: number;
  /** Bytes one tenant may store, unfinished uploads included. */
  tenantQuotaBytes: number;
  /** Largest piece accepted in one append. */
  maxChunkBytes: number;
  /** An unfinished upload untouched this long is dropped and its reservation freed. */
  staleUploadMs: number;
  /**
   * Complete bytes stay at least this long after their last upload, even while no attachment names
   * them: the device that uploaded them may attach them much later (its change waits offline).
   * Bytes still named by nothing after that are freed and leave the quota.
   */
  orphanGraceMs: number;
};

export const DEFAULT_ATTACHMENT_LIMITS: AttachmentLimits = {
  maxFileBytes: DEFAULT_MAX_ATTACHMENT_BYTES,
  tenantQuotaBytes: DEFAULT_TENANT_ATTACHMENT_QUOTA_BYTES,
  maxChunkBytes: 4 * UPLOAD_CHUNK_BYTES,
  staleUploadMs: 24 * 3600_000,
  orphanGraceMs: 24 * 3600_000,
};

type Mismatch = { status: 'mismatch'; digest: string };
type BlobRow = { size: string | number; received: string | number; complete: boolean; content_type: string | null };
/** The hash of an upload's first `offset` bytes, carried from piece to piece. */
type Running = { offset: number; hash: Hash; head: Uint8Array };

const SNIFF_BYTES = 512;
// Any constant works; combined with the tenant it serialises quota checks of one tenant only.
const QUOTA_LOCK = 724_312;
// Uploads under way whose running hash this process keeps; beyond that the oldest is re-read at its end.
const MAX_RUNNING = 256;

const toBlob = (sha256: string, r: BlobRow): AttachmentBlob => ({ sha256, size: Number(r.size), type: attachmentTypeSchema.catch('application/octet-stream').parse(r.content_type) });

/**
 * Attachment bytes on the server, content-addressed by SHA-256 per tenant: the facts in the
 * database, the bytes in the database (PostgreSQL) or a folder (next to the embedded database; see
 * pieces.ts). Uploads are resumable: `begin` reserves the size against the quota and says how far
 * an earlier attempt got, `append` adds the next piece at exactly that offset, and the last piece
 * checks the hash and sniffs the type. Bytes already stored complete at once (dedup), whoever
 * uploaded them.
 */
export function createAttachmentStore(db: Db, limits: Partial<AttachmentLimits> = {}, pieces: PieceStore = databasePieces()) {
  const lim: AttachmentLimits = { ...DEFAULT_ATTACHMENT_LIMITS, ...limits };
  const keepUntil = (now: number) => new Date(now + lim.orphanGraceMs).toISOString();
  // The hash grows with each piece, so the last one need not read the whole file back. Only a cache:
  // after a restart, on another instance, or when evicted, `finish` re-reads the stored pieces.
  const running = new Map<string, Running>();
  const key = (tenantId: string, sha256: string) => `${tenantId}\n${sha256}`;
  const remember = (k: string, r: Running) => {
    running.delete(k);
    running.set(k, r);
    if (running.size > MAX_RUNNING) running.delete(running.keys().next().value as string);
  };

  async function usedBytes(tx: Queryable, tenantId: string): Promise<number> {
    const [r] = await tx.query<{ used: string | number | null }>('SELECT coalesce(sum(size), 0) AS used FROM attachment_blobs WHERE tenant_id = $1', [tenantId]);
    return Number(r?.used ?? 0);
  }

  async function begin(tenantId: string, sha256: string, size: number, now = Date.now()): Promise<UploadState> {
    if (size > lim.maxFileBytes) throw tooLarge(size, lim.maxFileBytes);
    const dropped: string[] = [];
    const state = await db.transaction(async (tx): Promise<UploadState | Mismatch> => {
      await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [QUOTA_LOCK, tenantId]);
      const stale = await tx.query<{ sha256: string }>('DELETE FROM attachment_blobs WHERE tenant_id = $1 AND NOT complete AND updated_at < $2 RETURNING sha256', [tenantId, new Date(now - lim.staleUploadMs).toISOString()]);
      dropped.push(...stale.map((r) => r.sha256), ...(await sweepOrphans(tx, tenantId, now)));
      const [row] = await tx.query<BlobRow>('SELECT size, received, complete, content_type FROM attachment_blobs WHERE tenant_id = $1 AND sha256 = $2', [tenantId, sha256]);
      if (row?.complete) {
        // The device will attach these bytes next: they wait for that as if just uploaded.
        await tx.query('UPDATE attachment_blobs SET keep_until = greatest(keep_until, $3) WHERE tenant_id = $1 AND sha256 = $2', [tenantId, sha256, keepUntil(now)]);
        return { status: 'complete', blob: toBlob(sha256, row) };
      }
      // The same file again: resume where the held bytes end (a lost piece file means from the start).
      if (row && Number(row.size) === size && (await pieces.held(tx, tenantId, sha256)) >= Number(row.received)) return { status: 'partial', offset: Number(row.received) };
      // A different size for the same hash: the earlier attempt was wrong about its file; start over.
      if (row) await tx.query('DELETE FROM attachment_blobs WHERE tenant_id = $1 AND sha256 = $2', [tenantId, sha256]);
      const used = await usedBytes(tx, tenantId);
      if (used + size > lim.tenantQuotaBytes) throw quotaExceeded(size, used, lim.tenantQuotaBytes);
      await tx.query('INSERT INTO attachment_blobs (tenant_id, sha256, size, updated_at) VALUES ($1, $2, $3, $4)', [tenantId, sha256, size, new Date(now).toISOString()]);
      if (size === 0) return finish(tx, tenantId, sha256, 0, now, fresh());
      return { status: 'partial', offset: 0 };
    });
    await pieces.discard(tenantId, dropped);
    return settle(tenantId, sha256, state);
  }

  // Outside the transaction that found it, so the removal is not rolled back with the refusal: a
  // retry then starts clean and wrong bytes are never served.
  async function settle(tenantId: string, sha256: string, state: UploadState | Mismatch): Promise<UploadState> {
    if (state.status === 'partial') return state;
    running.delete(key(tenantId, sha256));
    if (state.status === 'complete') return state;
    await db.query('DELETE FROM attachment_blobs WHERE tenant_id = $1 AND sha256 = $2 AND NOT complete', [tenantId, sha256]);
    await pieces.discard(tenantId, [sha256]);
    throw new AttachmentError('hash_mismatch', 422, `the uploaded bytes do not match their SHA-256 (got ${state.digest.slice(0, 12)}…); the upload was discarded, send the file again`);
  }

  /** Checks the whole file against its hash (carried along, or read back) and marks it complete, or reports that it does not match. */
  async function finish(tx: Queryable, tenantId: string, sha256: string, size: number, now: number, carried?: Running): Promise<UploadState | Mismatch> {
    let sum = carried;
    if (sum?.offset !== size) {
      sum = fresh();
      for await (const bytes of pieces.read(tx, tenantId, sha256)) grow(sum, bytes);
    }
    const digest = sum.hash.digest('hex');
    if (sum.offset !== size || digest !== sha256) return { status: 'mismatch', digest };
    const type = sniffAttachmentType(sum.head);
    await pieces.seal(tenantId, sha256);
    await tx.query('UPDATE attachment_blobs SET complete = true, content_type = $3, keep_until = $4 WHERE tenant_id = $1 AND sha256 = $2', [tenantId, sha256, type, keepUntil(now)]);
    return { status: 'complete', blob: { sha256, size, type } };
  }

  async function append(tenantId: string, sha256: string, offset: number, chunk: Uint8Array, now = Date.now()): Promise<UploadState> {
    if (chunk.length > lim.maxChunkBytes) throw new AttachmentError('chunk_too_large', 413, `send the file in pieces of at most ${lim.maxChunkBytes} bytes`);
    const k = key(tenantId, sha256);
    let carried: Running | undefined;
    const state = await db.transaction(async (tx): Promise<UploadState | Mismatch> => {
      const [row] = await tx.query<BlobRow>('SELECT size, received, complete, content_type FROM attachment_blobs WHERE tenant_id = $1 AND sha256 = $2 FOR UPDATE', [tenantId, sha256]);
      if (!row) throw new AttachmentError('not_found', 404, 'no upload of this file is under way: start it again');
      if (row.complete) return { status: 'complete', blob: toBlob(sha256, row) };
      const received = Number(row.received);
      const size = Number(row.size);
      if (offset !== received) throw new AttachmentError('offset_mismatch', 409, `the server has ${received} bytes of this file; continue from there`, received);
      if (received + chunk.length > size) throw new AttachmentError('size_mismatch', 400, `this piece goes past the announced size of ${size} bytes`);
      if (chunk.length === 0) return { status: 'partial', offset: received };
      await pieces.write(tx, tenantId, sha256, offset, chunk);
      const next = received + chunk.length;
      await tx.query('UPDATE attachment_blobs SET received = $3, updated_at = $4 WHERE tenant_id = $1 AND sha256 = $2', [tenantId, sha256, next, new Date(now).toISOString()]);
      // A copy, so a rolled-back piece leaves the remembered hash where the stored bytes end.
      const prior = offset === 0 ? fresh() : running.get(k);
      carried = prior?.offset === offset ? grow({ offset, hash: prior.hash.copy(), head: prior.head }, chunk) : undefined;
      if (next < size) return { status: 'partial', offset: next };
      return finish(tx, tenantId, sha256, size, now, carried);
    });
    if (state.status === 'partial' && carried?.offset === state.offset) remember(k, carried);
    return settle(tenantId, sha256, state);
  }

  /** Stores whole bytes in one call (server-side producers such as inbound mail); dedups like an upload. */
  async function put(tenantId: string, bytes: Uint8Array, now = Date.now()): Promise<AttachmentBlob> {
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    let state = await begin(tenantId, sha256, bytes.length, now);
    while (state.status === 'partial') {
      const at = state.offset;
      state = await append(tenantId, sha256, at, bytes.subarray(at, at + lim.maxChunkBytes), now);
    }
    return state.blob;
  }

  /** Size and sniffed type of complete bytes, or undefined. */
  async function stat(tenantId: string, sha256: string): Promise<AttachmentBlob | undefined> {
    const [row] = await db.query<BlobRow>('SELECT size, received, complete, content_type FROM attachment_blobs WHERE tenant_id = $1 AND sha256 = $2 AND complete', [tenantId, sha256]);
    return row ? toBlob(sha256, row) : undefined;
  }

  /**
   * Complete bytes as pieces in order (a download never holds the whole file), or from byte `from`
   * on through `piecesFrom` (a range, once the size is known), with their facts; or undefined.
   */
  async function open(tenantId: string, sha256: string): Promise<{ blob: AttachmentBlob; pieces: AsyncIterable<Uint8Array>; piecesFrom: (from: number) => AsyncIterable<Uint8Array> } | undefined> {
    const blob = await stat(tenantId, sha256);
    const piecesFrom = (from: number) => pieces.read(db, tenantId, sha256, from);
    return blob ? { blob, pieces: piecesFrom(0), piecesFrom } : undefined;
  }

  /** The complete bytes with their facts, or undefined while missing or unfinished. */
  async function get(tenantId: string, sha256: string): Promise<{ blob: AttachmentBlob; bytes: Uint8Array } | undefined> {
    const found = await open(tenantId, sha256);
    if (!found) return undefined;
    const bytes = new Uint8Array(found.blob.size);
    let at = 0;
    for await (const piece of found.pieces) {
      bytes.set(piece, at);
      at += piece.length;
    }
    return { blob: found.blob, bytes };
  }

  /** Bytes stored and reserved by a tenant, and its quota (bytes whose wait for an attachment ran out are freed first). */
  async function usage(tenantId: string, now = Date.now()): Promise<{ usedBytes: number; quotaBytes: number }> {
    const freed = await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [QUOTA_LOCK, tenantId]);
      return sweepOrphans(tx, tenantId, now);
    });
    await pieces.discard(tenantId, freed);
    return { usedBytes: await usedBytes(db, tenantId), quotaBytes: lim.tenantQuotaBytes };
  }

  /**
   * Frees complete bytes that no attachment of the tenant names any more (releaseUnreferencedBlobs)
   * and, once that has committed, their files. Inside a caller's transaction only the rows go; the
   * caller frees the files after its commit with `discard`, so a rollback never loses bytes.
   */
  async function release(tenantId: string, sha256s: readonly string[], tx?: Queryable, now = Date.now()): Promise<string[]> {
    const freed = await releaseUnreferencedBlobs(tx ?? db, tenantId, sha256s, now);
    if (!tx) await pieces.discard(tenantId, freed);
    return freed;
  }
  /** Frees the files of bytes whose rows a committed transaction dropped (best effort). */
  const discard = (tenantId: string, sha256s: string[]) => pieces.discard(tenantId, sha256s);

  return { limits: lim, pieces: pieces.kind, begin, append, put, stat, open, get, usage, release, discard };
}
export type AttachmentStore = ReturnType<typeof createAttachmentStore>;

/**
 * Frees complete bytes that no attachment of the tenant names any more (after a removal, or a
 * mail that was not filed), so the quota counts only what is in use. Runs in the caller's
 * transaction, so a removal and the freeing commit together. Returns the hashes freed.
 */
export async function releaseUnreferencedBlobs(tx: Queryable, tenantId: string, sha256s: readonly string[], now = Date.now()): Promise<string[]> {
  if (sha256s.length === 0) return [];
  const rows = await tx.query<{ sha256: string }>(
    `DELETE FROM attachment_blobs b WHERE b.tenant_id = $1 AND b.sha256 = ANY($2::text[]) AND b.complete
       AND (b.keep_until IS NULL OR b.keep_until <= $3) AND ${UNREFERENCED}
     RETURNING b.sha256`,
    [tenantId, [...new Set(sha256s)], new Date(now).toISOString()],
  );
  return rows.map((r) => r.sha256);
}

const UNREFERENCED = `NOT EXISTS (SELECT 1 FROM entities e WHERE e.tenant_id = b.tenant_id AND e.tbl = 'attachments' AND NOT e.deleted AND e.data->'items' @> jsonb_build_array(jsonb_build_object('sha256', b.sha256)))`;

/**
 * Ends the wait of complete bytes whose grace time has passed: those no attachment names are
 * dropped (their files are the caller's to discard after commit), the named ones stop waiting, so
 * each upload is checked once. Runs under the tenant's quota lock. Returns the hashes dropped.
 */
async function sweepOrphans(tx: Queryable, tenantId: string, now: number): Promise<string[]> {
  const at = new Date(now).toISOString();
  const dropped = await tx.query<{ sha256: string }>(`DELETE FROM attachment_blobs b WHERE b.tenant_id = $1 AND b.keep_until <= $2 AND b.complete AND ${UNREFERENCED} RETURNING b.sha256`, [tenantId, at]);
  await tx.query('UPDATE attachment_blobs SET keep_until = NULL WHERE tenant_id = $1 AND keep_until <= $2', [tenantId, at]);
  return dropped.map((r) => r.sha256);
}

const fresh = (): Running => ({ offset: 0, hash: createHash('sha256'), head: new Uint8Array(0) });

/** Adds the next bytes to a running hash, keeping the first bytes for type sniffing. */
function grow(r: Running, bytes: Uint8Array): Running {
  r.hash.update(bytes);
  if (r.head.length < SNIFF_BYTES) r.head = concat(r.head, bytes.subarray(0, SNIFF_BYTES - r.head.length));
  r.offset += bytes.length;
  return r;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}
