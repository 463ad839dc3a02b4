import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, stat, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { Queryable } from '../db/types';

/**
 * Where attachment bytes live; the facts about them (size, progress, quota, type) are always rows
 * in `attachment_blobs`. Every method that takes a Queryable runs inside the store's transaction,
 * so the bytes of a piece are durable before the row says they were received.
 */
export type PieceStore = {
  kind: 'database' | 'folder';
  /**
   * Stores `chunk` at `offset` of an unfinished upload. Not necessarily durable yet: bytes lost to a
   * power cut before `seal` fail the hash check at the end, and that upload is sent again.
   */
  write: (tx: Queryable, tenantId: string, sha256: string, offset: number, chunk: Uint8Array) => Promise<void>;
  /** The bytes held for a file from byte `from` on (default 0), in order, in pieces (unfinished or complete). */
  read: (q: Queryable, tenantId: string, sha256: string, from?: number) => AsyncIterable<Uint8Array>;
  /** How many leading bytes of an unfinished upload are really held (a lost folder holds none). */
  held: (q: Queryable, tenantId: string, sha256: string) => Promise<number>;
  /** The upload checked out: its bytes become the complete file, durable before the row says complete. */
  seal: (tenantId: string, sha256: string) => Promise<void>;
  /** Files dropped from the table (unfinished, refused or no longer used): free their bytes (best effort). */
  discard: (tenantId: string, sha256s: string[]) => Promise<void>;
};

const asBuffer = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.length);

/**
 * How bytea crosses the driver. PostgreSQL's driver sends a Buffer parameter as binary and reads
 * bytea as hex, both native. PGlite converts bytea byte by byte in JavaScript (about ten times
 * slower per MiB), so there the bytes travel as base64 text that the database encodes and decodes.
 */
const BYTEA = {
  postgres: { put: '$4::bytea', get: 'bytes', toParam: asBuffer, fromRow: (v: unknown) => v as Buffer },
  pglite: { put: "decode($4, 'base64')", get: "encode(bytes, 'base64')", toParam: (b: Uint8Array) => asBuffer(b).toString('base64'), fromRow: (v: unknown) => Buffer.from(v as string, 'base64') },
} as const;

/** Bytes as rows of `attachment_parts`, one per piece received (PostgreSQL: shared by every instance). */
export function databasePieces(driver: 'postgres' | 'pglite' = 'pglite'): PieceStore {
  const bytea = BYTEA[driver];
  async function* read(q: Queryable, tenantId: string, sha256: string, from = 0): AsyncIterable<Uint8Array> {
    // A range starts inside the piece that holds its first byte.
    const [first] = from === 0 ? [{ at: 0 }] : await q.query<{ at: string | number }>('SELECT byte_offset AS at FROM attachment_parts WHERE tenant_id = $1 AND sha256 = $2 AND byte_offset <= $3 ORDER BY byte_offset DESC LIMIT 1', [tenantId, sha256, from]);
    let skip = from - Number(first?.at ?? 0);
    // One piece per query, so a large file never needs a second full copy in memory.
    for (let at = Number(first?.at ?? 0); ; ) {
      const [part] = await q.query<{ b: unknown }>(`SELECT ${bytea.get} AS b FROM attachment_parts WHERE tenant_id = $1 AND sha256 = $2 AND byte_offset = $3`, [tenantId, sha256, at]);
      if (!part) return;
      const bytes = bytea.fromRow(part.b);
      if (bytes.length === 0) return;
      if (skip < bytes.length) yield skip > 0 ? bytes.subarray(skip) : bytes;
      skip = Math.max(0, skip - bytes.length);
      at += bytes.length;
    }
  }
  return {
    kind: 'database',
    async write(tx, tenantId, sha256, offset, chunk) {
      await tx.query(`INSERT INTO attachment_parts (tenant_id, sha256, byte_offset, bytes) VALUES ($1, $2, $3, ${bytea.put})`, [tenantId, sha256, offset, bytea.toParam(chunk)]);
    },
    read,
    async held(q, tenantId, sha256) {
      const [r] = await q.query<{ n: string | number | null }>('SELECT coalesce(sum(length(bytes)), 0) AS n FROM attachment_parts WHERE tenant_id = $1 AND sha256 = $2', [tenantId, sha256]);
      return Number(r?.n ?? 0);
    },
    // Parts of dropped rows go with them (ON DELETE CASCADE); complete parts are the file.
    seal: async () => undefined,
    discard: async () => undefined,
  };
}

const FOLDER_READ_BYTES = 1024 * 1024;
const missing = (e: unknown) => (e as { code?: string }).code === 'ENOENT';

/**
 * Bytes as files in a folder next to the embedded database: `<tenant>/<sha256>` when complete,
 * `<sha256>.part` while uploading. The embedded database copies every bytea through WebAssembly and
 * its write-ahead log; a file write is the disk's own speed. Files stored in the database by an
 * earlier version are still read from there, so nothing uploaded before is lost.
 */
export function folderPieces(root: string, driver: 'postgres' | 'pglite' = 'pglite'): PieceStore {
  const legacy = databasePieces(driver);
  // Tenant ids are free text: a digest makes them one safe folder name each.
  const tenantDir = (tenantId: string) => join(root, createHash('sha256').update(tenantId).digest('hex').slice(0, 32));
  const done = (tenantId: string, sha256: string) => join(tenantDir(tenantId), sha256);
  const part = (tenantId: string, sha256: string) => `${done(tenantId, sha256)}.part`;
  const size = (path: string) => stat(path).then((s) => s.size, (e: unknown) => (missing(e) ? undefined : Promise.reject(e)));

  async function* readFile(path: string, start: number): AsyncIterable<Uint8Array> {
    for await (const chunk of createReadStream(path, { highWaterMark: FOLDER_READ_BYTES, start })) yield chunk as Buffer;
  }

  return {
    kind: 'folder',
    async write(_tx, tenantId, sha256, offset, chunk) {
      // Later pieces find the folder made by the first (a lost one fails them, and `held` restarts the upload).
      if (offset === 0) await mkdir(tenantDir(tenantId), { recursive: true });
      // The first piece starts the file afresh (an earlier, abandoned attempt may have left one).
      const fh = await open(part(tenantId, sha256), offset === 0 ? 'w' : 'r+');
      try {
        await fh.write(chunk, 0, chunk.length, offset);
      } finally {
        await fh.close();
      }
    },
    async *read(q, tenantId, sha256, from = 0) {
      for (const path of [done(tenantId, sha256), part(tenantId, sha256)]) {
        const n = await size(path);
        if (n !== undefined) {
          if (from < n) yield* readFile(path, from);
          return;
        }
      }
      yield* legacy.read(q, tenantId, sha256, from);
    },
    // An upload begun by an earlier version (pieces in the database) starts over as a file.
    async held(_q, tenantId, sha256) {
      return (await size(part(tenantId, sha256))) ?? 0;
    },
    async seal(tenantId, sha256) {
      const from = part(tenantId, sha256);
      // Once per file rather than per piece (a sync costs as much as writing several MiB here).
      // 'a' also makes the empty file of a zero-byte upload, which never wrote a piece.
      const fh = await open(from, 'a');
      try {
        await fh.datasync();
      } finally {
        await fh.close();
      }
      // Atomic: readers see the whole file or none; should the rename itself be lost, `read` finds the piece file.
      await rename(from, done(tenantId, sha256));
    },
    async discard(tenantId, sha256s) {
      const paths = sha256s.flatMap((s) => [part(tenantId, s), done(tenantId, s)]);
      await Promise.all(paths.map((p) => unlink(p).catch(() => undefined)));
    },
  };
}
