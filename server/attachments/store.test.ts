import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTenant } from '../auth';
import { createPgliteDb } from '../db/pglite';
import { migrate } from '../db/migrate';
import type { Db } from '../db/types';
import { hasPostgres, postgresDb, startPostgres } from '../../tests/sync/harness';
import { AttachmentError } from './errors';
import { databasePieces, folderPieces, type PieceStore } from './pieces';
import { createAttachmentStore as storeOn, type AttachmentLimits } from './store';

let db: Db;
let folder: string;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'sd-att-test-'));
});
afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const refusal = async (p: Promise<unknown>) => {
  const e = await p.then(
    () => undefined,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AttachmentError);
  return e as AttachmentError;
};

/** Every file under the folder store, so tests can see what is on disk. */
const filesIn = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }) : []);

// The same behaviour whether the bytes are database rows (PostgreSQL) or files (beside the embedded database).
let cluster: { url: string; stop: () => void } | undefined;
afterAll(() => cluster?.stop());
const postgres = async (): Promise<Db> => postgresDb((cluster ??= await startPostgres()).url);

describe.each([
  ['database rows (embedded)', () => databasePieces('pglite'), () => createPgliteDb(), true],
  ['a folder', () => folderPieces(join(folder, 'pieces')), () => createPgliteDb(), true],
  ['database rows (PostgreSQL)', () => databasePieces('postgres'), postgres, hasPostgres],
] as const)('the attachment store keeping bytes in %s', (_kind, makePieces, makeDb, available) => {
  let pieces: PieceStore;
  const createAttachmentStore = (d: Db, limits: Partial<AttachmentLimits> = {}) => storeOn(d, limits, pieces);
  if (!available) it.skip('needs PostgreSQL binaries', () => undefined);
  if (!available) return;
  beforeAll(async () => {
    await rm(join(folder, 'pieces'), { recursive: true, force: true });
    pieces = makePieces();
    db = await makeDb();
    await migrate(db);
    for (const t of ['t1', 't2', 'quota', 'resume', 'bad', 'restart']) await ensureTenant(db, t);
  });
  afterAll(async () => {
    await db.close();
  });

  it('returns random binary bytes of a multi-piece file byte for byte, with the type sniffed from the bytes', async () => {
    const store = createAttachmentStore(db, { maxChunkBytes: 256 * 1024 });
    const bytes = new Uint8Array(randomBytes(3 * 1024 * 1024 + 17));
    const blob = await store.put('t1', bytes);
    expect(blob).toEqual({ sha256: sha(bytes), size: bytes.length, type: 'application/octet-stream' });
    const back = await store.get('t1', blob.sha256);
    expect(back?.bytes.length).toBe(bytes.length);
    expect(Buffer.compare(Buffer.from(back?.bytes ?? []), Buffer.from(bytes))).toBe(0);
  });

  it('reads complete bytes from any offset, inside a piece or on its edge', async () => {
    const store = createAttachmentStore(db, { maxChunkBytes: 1000 });
    const bytes = new Uint8Array(randomBytes(3500));
    const blob = await store.put('t1', bytes);
    const found = await store.open('t1', blob.sha256);
    for (const from of [0, 999, 1000, 2345, 3499, 3500]) {
      const parts: Uint8Array[] = [];
      for await (const p of found!.piecesFrom(from)) parts.push(p);
      expect(Buffer.concat(parts).equals(Buffer.from(bytes.subarray(from)))).toBe(true);
    }
  });

  it('stores the same bytes once per tenant and keeps tenants apart', async () => {
    const store = createAttachmentStore(db);
    const bytes = new TextEncoder().encode('router log line 1\nrouter log line 2\n');
    const first = await store.put('t1', bytes);
    const before = await store.usage('t1');
    const again = await store.begin('t1', first.sha256, bytes.length);
    expect(again).toEqual({ status: 'complete', blob: { sha256: first.sha256, size: bytes.length, type: 'text/plain' } });
    expect((await store.usage('t1')).usedBytes).toBe(before.usedBytes);
    // Another tenant neither sees the file nor learns that it exists: it must upload it itself.
    expect(await store.get('t2', first.sha256)).toBeUndefined();
    expect(await store.begin('t2', first.sha256, bytes.length)).toEqual({ status: 'partial', offset: 0 });
  });

  it('refuses a file over the size limit before taking any bytes', async () => {
    const store = createAttachmentStore(db, { maxFileBytes: 1000 });
    const e = await refusal(store.begin('t1', 'a'.repeat(64), 1001));
    expect(e.status).toBe(413);
    expect(e.message).toContain('at most 1000 bytes');
  });

  it('refuses a file that would overflow the tenant quota, counting unfinished uploads, and frees stale ones', async () => {
    const store = createAttachmentStore(db, { tenantQuotaBytes: 10_000, staleUploadMs: 60_000 });
    await store.put('quota', new Uint8Array(randomBytes(6000)), 1_000_000);
    await store.begin('quota', 'b'.repeat(64), 3000, 1_000_000);
    const e = await refusal(store.begin('quota', 'c'.repeat(64), 2000, 1_000_000));
    expect(e.status).toBe(507);
    expect(e.message).toMatch(/full: 8\.8 KB of 9\.8 KB used/);
    // The abandoned upload expires and its reservation with it; the stored file stays.
    expect(await store.begin('quota', 'c'.repeat(64), 2000, 1_000_000 + 61_000)).toEqual({ status: 'partial', offset: 0 });
    expect((await store.usage('quota', 1_000_000 + 61_000)).usedBytes).toBe(8000);
  });

  it('resumes an interrupted upload at the offset the server has, and refuses a piece at any other offset', async () => {
    const store = createAttachmentStore(db);
    const bytes = new Uint8Array(randomBytes(5000));
    const h = sha(bytes);
    expect(await store.begin('resume', h, 5000)).toEqual({ status: 'partial', offset: 0 });
    expect(await store.append('resume', h, 0, bytes.subarray(0, 2000))).toEqual({ status: 'partial', offset: 2000 });
    // The device lost the answer and sends the first piece again: told where to continue instead.
    const e = await refusal(store.append('resume', h, 0, bytes.subarray(0, 2000)));
    expect(e.status).toBe(409);
    expect(e.offset).toBe(2000);
    expect(await store.begin('resume', h, 5000)).toEqual({ status: 'partial', offset: 2000 });
    const done = await store.append('resume', h, 2000, bytes.subarray(2000));
    expect(done.status).toBe('complete');
    expect(Buffer.from((await store.get('resume', h))?.bytes ?? []).equals(Buffer.from(bytes))).toBe(true);
  });

  it('discards bytes that do not match the announced hash, so nothing wrong is ever served', async () => {
    const store = createAttachmentStore(db);
    const bytes = new Uint8Array(randomBytes(100));
    const e = await refusal(store.begin('bad', 'd'.repeat(64), 100).then(() => store.append('bad', 'd'.repeat(64), 0, bytes)));
    expect(e.status).toBe(422);
    expect(await store.stat('bad', 'd'.repeat(64))).toBeUndefined();
    expect((await store.usage('bad')).usedBytes).toBe(0);
  });

  it('sniffs types from content, not from what a sender claims', async () => {
    const store = createAttachmentStore(db);
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const exe = Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0]);
    expect((await store.put('t1', png)).type).toBe('image/png');
    expect((await store.put('t1', exe)).type).toBe('application/x-msdownload');
    expect((await store.put('t1', new TextEncoder().encode('<html><script>alert(1)</script></html>'))).type).toBe('text/plain');
  });

  it('finishes an upload begun before a restart (no hash kept in memory) with the right bytes', async () => {
    const bytes = new Uint8Array(randomBytes(300_000));
    const h = sha(bytes);
    const before = createAttachmentStore(db);
    await before.begin('restart', h, bytes.length);
    await before.append('restart', h, 0, bytes.subarray(0, 100_000));
    const after = createAttachmentStore(db);
    expect(await after.begin('restart', h, bytes.length)).toEqual({ status: 'partial', offset: 100_000 });
    expect((await after.append('restart', h, 100_000, bytes.subarray(100_000))).status).toBe('complete');
    expect(Buffer.from((await after.get('restart', h))?.bytes ?? []).equals(Buffer.from(bytes))).toBe(true);
  });

  it('refuses, after a restart, bytes whose earlier pieces were wrong', async () => {
    const bytes = new Uint8Array(randomBytes(4000));
    const h = sha(bytes);
    const before = createAttachmentStore(db);
    await before.begin('restart', h, 4000);
    await before.append('restart', h, 0, new Uint8Array(2000));
    const e = await refusal(createAttachmentStore(db).append('restart', h, 2000, bytes.subarray(2000)));
    expect(e.status).toBe(422);
    expect(await createAttachmentStore(db).begin('restart', h, 4000)).toEqual({ status: 'partial', offset: 0 });
  });
});

describe('the folder store', () => {
  let fdb: Db;
  const dir = () => join(folder, 'only-folder');
  beforeAll(async () => {
    fdb = await createPgliteDb();
    await migrate(fdb);
    await ensureTenant(fdb, 'f');
  });
  afterAll(async () => {
    await fdb.close();
  });

  it('keeps complete bytes as one file named by their hash and nothing in the database', async () => {
    const store = storeOn(fdb, { maxChunkBytes: 64 * 1024 }, folderPieces(dir()));
    const bytes = new Uint8Array(randomBytes(200_000));
    const blob = await store.put('f', bytes);
    expect(filesIn(dir()).filter((f) => f.endsWith(blob.sha256))).toHaveLength(1);
    expect(filesIn(dir()).some((f) => f.endsWith('.part'))).toBe(false);
    expect(await fdb.query('SELECT 1 FROM attachment_parts WHERE sha256 = $1', [blob.sha256])).toEqual([]);
  });

  it('still serves files an earlier version stored in the database', async () => {
    const bytes = new TextEncoder().encode('stored by the database version\n');
    const blob = await storeOn(fdb, {}, databasePieces()).put('f', bytes);
    const back = await storeOn(fdb, {}, folderPieces(dir())).get('f', blob.sha256);
    expect(new TextDecoder().decode(back?.bytes)).toBe('stored by the database version\n');
  });

  it('starts an upload over when its piece file was lost, instead of promising bytes it does not have', async () => {
    const store = storeOn(fdb, {}, folderPieces(dir()));
    const bytes = new Uint8Array(randomBytes(5000));
    const h = sha(bytes);
    await store.begin('f', h, 5000);
    await store.append('f', h, 0, bytes.subarray(0, 3000));
    const part = filesIn(dir()).find((f) => f.endsWith(`${h}.part`));
    expect(part).toBeDefined();
    await unlink(join(dir(), part ?? ''));
    expect(await store.begin('f', h, 5000)).toEqual({ status: 'partial', offset: 0 });
    await store.append('f', h, 0, bytes.subarray(0, 3000));
    expect((await store.append('f', h, 3000, bytes.subarray(3000))).status).toBe('complete');
    expect(Buffer.from((await store.get('f', h))?.bytes ?? []).equals(Buffer.from(bytes))).toBe(true);
  });

  it('removes the piece file of refused bytes', async () => {
    const store = storeOn(fdb, {}, folderPieces(dir()));
    await refusal(store.begin('f', 'e'.repeat(64), 10).then(() => store.append('f', 'e'.repeat(64), 0, new Uint8Array(10))));
    expect(filesIn(dir()).some((f) => f.includes('e'.repeat(64)))).toBe(false);
  });
});
