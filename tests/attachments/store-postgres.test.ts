import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAttachmentStore, releaseUnreferencedBlobs } from '../../server/attachments';
import { ensureTenant } from '../../server/auth';
import type { Db } from '../../server/db/types';
import { hasPostgres, postgresDb, startPostgres } from '../sync/harness';

// The attachment store on a real PostgreSQL server (the embedded database runs the same SQL in
// server/attachments/store.test.ts): bytes, resumption, dedup, quota and freeing behave alike.

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

describe.skipIf(!hasPostgres)('the attachment store on PostgreSQL', () => {
  let pg: { url: string; stop: () => void };
  let db: Db;
  beforeAll(async () => {
    pg = await startPostgres();
    db = await postgresDb(pg.url);
    for (const t of ['p1', 'p2', 'pq']) await ensureTenant(db, t);
  }, 120_000);
  afterAll(async () => {
    await db?.close();
    pg?.stop();
  });

  it('returns a multi-piece binary file byte for byte and stores the same bytes once per tenant', async () => {
    const store = createAttachmentStore(db, { maxChunkBytes: 256 * 1024 });
    const bytes = new Uint8Array(randomBytes(2 * 1024 * 1024 + 5));
    const blob = await store.put('p1', bytes);
    expect(blob).toEqual({ sha256: sha(bytes), size: bytes.length, type: 'application/octet-stream' });
    expect(Buffer.from((await store.get('p1', blob.sha256))?.bytes ?? []).equals(Buffer.from(bytes))).toBe(true);
    expect(await store.begin('p1', blob.sha256, bytes.length)).toEqual({ status: 'complete', blob });
    // Another tenant never sees them.
    expect(await store.get('p2', blob.sha256)).toBeUndefined();
    expect((await store.usage('p1')).usedBytes).toBe(bytes.length);
  });

  it('resumes an interrupted upload where it stopped and refuses what would pass the quota', async () => {
    const store = createAttachmentStore(db, { maxChunkBytes: 1000, tenantQuotaBytes: 5000 });
    const bytes = new Uint8Array(randomBytes(2500));
    const h = sha(bytes);
    expect(await store.begin('pq', h, bytes.length)).toEqual({ status: 'partial', offset: 0 });
    await store.append('pq', h, 0, bytes.subarray(0, 1000));
    expect(await store.begin('pq', h, bytes.length)).toEqual({ status: 'partial', offset: 1000 });
    await store.append('pq', h, 1000, bytes.subarray(1000, 2000));
    expect((await store.append('pq', h, 2000, bytes.subarray(2000))).status).toBe('complete');
    await expect(store.begin('pq', sha(new Uint8Array(3000)), 3000)).rejects.toMatchObject({ code: 'quota_exceeded' });
  });

  it('frees bytes no attachment names, and keeps bytes a ticket still lists', async () => {
    const store = createAttachmentStore(db);
    const kept = await store.put('p2', new Uint8Array(randomBytes(100)));
    const loose = await store.put('p2', new Uint8Array(randomBytes(200)));
    await db.query(`INSERT INTO entities (tenant_id, tbl, id, ticket_id, data, fv, version) VALUES ('p2', 'attachments', 'T-1', 'T-1', $1, '{}', 1)`, [JSON.stringify({ id: 'T-1', ticketId: 'T-1', items: [{ sha256: kept.sha256 }] })]);
    // A day later (uploaded bytes wait that long for the attach that names them).
    const later = Date.now() + 25 * 3600_000;
    expect(await releaseUnreferencedBlobs(db, 'p2', [kept.sha256, loose.sha256], later)).toEqual([loose.sha256]);
    expect((await store.usage('p2', later)).usedBytes).toBe(100);
  });
});
