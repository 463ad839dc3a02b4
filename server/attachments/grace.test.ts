import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureTenant } from '../auth';
import { createPgliteDb } from '../db/pglite';
import { migrate } from '../db/migrate';
import type { Db } from '../db/types';
import { hasPostgres, postgresDb, startPostgres } from '../../tests/sync/harness';
import { databasePieces, folderPieces, type PieceStore } from './pieces';
import { createAttachmentStore } from './store';

// Bytes uploaded but not (yet) attached: a device uploads before its change that attaches them
// reaches the server, maybe a day later. They must survive that wait, whatever else happens to
// the same bytes meanwhile, and be freed (files and quota) once it has run out. The clock is
// injected: every call says what time it is.
const HOUR = 3600_000;
const T0 = Date.UTC(2026, 2, 2, 9, 0, 0);
const GRACE = 24 * HOUR;

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
let folder: string;
let cluster: { url: string; stop: () => void } | undefined;
beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'sd-att-grace-'));
});
afterAll(async () => {
  cluster?.stop();
  await rm(folder, { recursive: true, force: true });
});
const filesIn = (dir: string): string[] => (existsSync(dir) ? readdirSync(dir, { recursive: true, encoding: 'utf8' }) : []);

describe.each([
  ['database rows (embedded)', () => databasePieces('pglite'), () => createPgliteDb(), true],
  ['a folder', () => folderPieces(join(folder, 'pieces')), () => createPgliteDb(), true],
  ['database rows (PostgreSQL)', () => databasePieces('postgres'), async () => postgresDb((cluster ??= await startPostgres()).url), hasPostgres],
] as const)('the grace period of unattached bytes kept in %s', (_kind, makePieces, makeDb, available) => {
  let db: Db;
  let pieces: PieceStore;
  let tenant = 0;
  const store = () => createAttachmentStore(db, { orphanGraceMs: GRACE }, pieces);
  const freshTenant = async () => {
    const t = `grace-${++tenant}`;
    await ensureTenant(db, t);
    return t;
  };
  /** What a synced "attachment added" leaves on the server: the ticket's list naming the bytes. */
  const attach = (t: string, ticketId: string, sha256: string) =>
    db.query(`INSERT INTO entities (tenant_id, tbl, id, ticket_id, data, version) VALUES ($1, 'attachments', $2, $2, $3, 1)`, [t, ticketId, JSON.stringify({ items: [{ sha256 }] })]);
  if (!available) it.skip('needs PostgreSQL binaries', () => undefined);
  if (!available) return;
  beforeAll(async () => {
    pieces = makePieces();
    db = await makeDb();
    await migrate(db);
  });
  afterAll(async () => {
    await db.close();
  });

  it('keeps uploaded bytes nothing names for the grace time, whatever asks to free them, then frees them and their quota', async () => {
    const t = await freshTenant();
    const bytes = new Uint8Array(randomBytes(70_000));
    const blob = await store().put(t, bytes, T0);
    // A removal of the same bytes elsewhere (or a mail filed as nothing) an hour before the end.
    expect(await store().release(t, [blob.sha256], undefined, T0 + GRACE - HOUR)).toEqual([]);
    expect((await store().usage(t, T0 + GRACE - HOUR)).usedBytes).toBe(bytes.length);
    expect(Buffer.from((await store().get(t, blob.sha256))?.bytes ?? []).equals(Buffer.from(bytes))).toBe(true);
    // The wait is over: the next look at the quota frees them, file and all.
    expect((await store().usage(t, T0 + GRACE + 1)).usedBytes).toBe(0);
    expect(await store().get(t, blob.sha256)).toBeUndefined();
    expect(filesIn(join(folder, 'pieces')).some((f) => f.includes(blob.sha256))).toBe(false);
  });

  it('frees expired bytes before checking the quota of a new upload, so they never block it', async () => {
    const t = await freshTenant();
    const small = () => createAttachmentStore(db, { orphanGraceMs: GRACE, tenantQuotaBytes: 100_000 }, pieces);
    await small().put(t, new Uint8Array(randomBytes(80_000)), T0);
    const next = new Uint8Array(randomBytes(50_000));
    await expect(small().begin(t, sha(next), next.length, T0 + HOUR)).rejects.toMatchObject({ code: 'quota_exceeded' });
    expect(await small().begin(t, sha(next), next.length, T0 + GRACE + 1)).toEqual({ status: 'partial', offset: 0 });
    expect((await small().usage(t, T0 + GRACE + 1)).usedBytes).toBe(50_000);
  });

  it('restarts the wait when another device sends the same bytes again (it will attach them next)', async () => {
    const t = await freshTenant();
    const bytes = new Uint8Array(randomBytes(5_000));
    const blob = await store().put(t, bytes, T0);
    expect(await store().begin(t, blob.sha256, bytes.length, T0 + 20 * HOUR)).toMatchObject({ status: 'complete' });
    expect((await store().usage(t, T0 + GRACE + HOUR)).usedBytes).toBe(bytes.length);
    expect(await store().release(t, [blob.sha256], undefined, T0 + GRACE + HOUR)).toEqual([]);
    expect((await store().usage(t, T0 + 20 * HOUR + GRACE + 1)).usedBytes).toBe(0);
  });

  it('never frees bytes an attachment names; once attached they go with their last attachment, at once', async () => {
    const t = await freshTenant();
    const bytes = new Uint8Array(randomBytes(9_000));
    const blob = await store().put(t, bytes, T0);
    await attach(t, 'T-1', blob.sha256);
    expect((await store().usage(t, T0 + 3 * GRACE)).usedBytes).toBe(bytes.length);
    expect((await store().get(t, blob.sha256))?.blob.size).toBe(bytes.length);
    // The ticket's list no longer names them (the attachment was removed): freed by that removal.
    await db.query(`UPDATE entities SET data = '{"items":[]}' WHERE tenant_id = $1 AND tbl = 'attachments'`, [t]);
    expect(await store().release(t, [blob.sha256], undefined, T0 + 3 * GRACE)).toEqual([blob.sha256]);
    expect((await store().usage(t, T0 + 3 * GRACE)).usedBytes).toBe(0);
  });

  it('with no grace configured, unattached bytes go at the first look after their upload', async () => {
    const t = await freshTenant();
    const none = createAttachmentStore(db, { orphanGraceMs: 0 }, pieces);
    const blob = await none.put(t, new Uint8Array(randomBytes(1_000)), T0);
    expect(await none.release(t, [blob.sha256], undefined, T0)).toEqual([blob.sha256]);
    expect((await none.usage(t, T0)).usedBytes).toBe(0);
  });
});
