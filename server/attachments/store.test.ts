import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTenant } from '../auth';
import { createPgliteDb } from '../db/pglite';
import { migrate } from '../db/migrate';
import type { Db } from '../db/types';
import { AttachmentError } from './errors';
import { createAttachmentStore } from './store';

let db: Db;
beforeAll(async () => {
  db = await createPgliteDb();
  await migrate(db);
  for (const t of ['t1', 't2', 'quota', 'resume', 'bad']) await ensureTenant(db, t);
});
afterAll(async () => {
  await db.close();
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

describe('the attachment store', () => {
  it('returns random binary bytes of a multi-piece file byte for byte, with the type sniffed from the bytes', async () => {
    const store = createAttachmentStore(db, { maxChunkBytes: 256 * 1024 });
    const bytes = new Uint8Array(randomBytes(3 * 1024 * 1024 + 17));
    const blob = await store.put('t1', bytes);
    expect(blob).toEqual({ sha256: sha(bytes), size: bytes.length, type: 'application/octet-stream' });
    const back = await store.get('t1', blob.sha256);
    expect(back?.bytes.length).toBe(bytes.length);
    expect(Buffer.compare(Buffer.from(back?.bytes ?? []), Buffer.from(bytes))).toBe(0);
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
    expect((await store.usage('quota')).usedBytes).toBe(8000);
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
});
