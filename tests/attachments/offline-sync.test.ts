import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Visit } from '../../shared/dispatch/visit-schema';
import { runMutation } from '../../renderer/src/data/mutate';
import {
  addAttachment, attachmentCacheUsage, clearAttachmentCache, fetchAttachment, setDeviceAttachmentQuota, ticketAttachmentRefs, uploadPendingAttachments, AttachmentInputError,
} from '../../renderer/src/data';
import { addUser, inProcessServer, loginToken, makeClient, newTicket, type TestClient } from '../sync/harness';

// Real devices (Dexie on fake-indexeddb) against a real server (PGlite), fetch routed into the app.
const env = inProcessServer({ attachmentLimits: { tenantQuotaBytes: 40 * 1024 * 1024 } });

const H = 3_600_000;
const T0 = Date.UTC(2030, 0, 7, 9);
let seq = 0;
function visit(ticketId: string, engineerId: string): Visit {
  const now = Date.UTC(2030, 0, 1);
  return {
    id: `visit-att-${process.pid}-${++seq}`, ticketId, customerId: 'cust-1', kind: 'fault', reason: 'online_window_expired', site: { address: '1 Example Road', timeZone: 'Europe/Sofia' },
    status: 'confirmed', engineerId, window: { start: T0, end: T0 + 2 * H }, travelBufferMinutes: 0, parts: [], workNotes: [], sequence: 0, history: [], createdAt: now, createdBy: '', updatedAt: now, updatedBy: '', ...{},
  };
}

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
const accessOf = async (c: TestClient) => ({ baseUrl: 'http://test', token: await loginToken(env.server, c.user), fetch: (async (input: RequestInfo | URL, init?: RequestInit) => env.server.fetch(new Request(input instanceof Request ? input : String(input), init))) as typeof fetch });
const photo = () => {
  const b = new Uint8Array(randomBytes(3 * 1024 * 1024 + 5));
  b.set([0xff, 0xd8, 0xff, 0xe0]);
  return b;
};

describe('attachments on devices, offline and at sync', () => {
  it('a photo added offline to a visit report is uploaded at sync, before its reference, and the dispatcher gets the same bytes', async () => {
    const tenant = `t-att-visit-${process.pid}`;
    const disp = await makeClient(env.server, await addUser(env.db, tenant, 'dispatcher', 'north'));
    const fe = await makeClient(env.server, await addUser(env.db, tenant, 'field_engineer', 'south'));
    const t = newTicket({ region: 'north' });
    const v = visit(t.id, fe.user.id);
    await runMutation(disp.db, 'ticket.create@1', { ticket: t });
    await runMutation(disp.db, 'visit.create@1', { visit: v });
    await disp.sync.syncNow();
    await fe.sync.syncNow();
    expect(await fe.db.visits.get(v.id)).toMatchObject({ status: 'confirmed' });

    fe.online.value = false;
    const bytes = photo();
    await addAttachment(fe.db, { ticketId: t.id, owner: { kind: 'visit', id: v.id }, file: { name: 'C:\\Users\\me\\DCIM\\rack\u202Egpj.exe', bytes } });
    expect(await fe.sync.syncNow()).toMatchObject({ state: 'offline', pending: 1 });
    expect(await attachmentCacheUsage(fe.db)).toMatchObject({ pendingFiles: 1, pendingBytes: bytes.length });
    const [ref] = await ticketAttachmentRefs(fe.db, t.id);
    expect(ref).toMatchObject({ name: 'rackgpj.exe', type: 'image/jpeg', size: bytes.length, owner: { kind: 'visit', id: v.id } });

    fe.online.value = true;
    expect(await fe.sync.syncNow()).toMatchObject({ state: 'idle', pending: 0 });
    expect(await attachmentCacheUsage(fe.db)).toMatchObject({ pendingFiles: 0, downloadedFiles: 1 });
    // Stored on the server byte for byte, under the hash the reference names.
    expect(same((await env.server.attachments.get(fe.user.tenant, ref!.sha256))!.bytes, bytes)).toBe(true);

    await disp.sync.syncNow();
    const [seen] = await ticketAttachmentRefs(disp.db, t.id);
    expect(seen).toMatchObject({ sha256: ref!.sha256, addedBy: fe.user.id });
    const got = await fetchAttachment(disp.db, await accessOf(disp), seen!.sha256);
    expect(same(got.bytes, bytes)).toBe(true);
    expect(got.type).toBe('image/jpeg');
    // Kept for offline use now: a second look needs no network.
    disp.online.value = false;
    expect(same((await fetchAttachment(disp.db, { baseUrl: 'http://test', token: 'none', fetch: () => Promise.reject(new TypeError('offline')) }, seen!.sha256)).bytes, bytes)).toBe(true);
  });

  it('the same file added twice is stored once on the server', async () => {
    const tenant = `t-att-dedup-${process.pid}`;
    const a = await makeClient(env.server, await addUser(env.db, tenant, 'agent'));
    const b = await makeClient(env.server, await addUser(env.db, tenant, 'agent'));
    const t = newTicket();
    await runMutation(a.db, 'ticket.create@1', { ticket: t });
    await a.sync.syncNow();
    await b.sync.syncNow();
    const bytes = new Uint8Array(randomBytes(200_000));
    await addAttachment(a.db, { ticketId: t.id, owner: { kind: 'ticket', id: t.id }, file: { name: 'trace.pcap', bytes } });
    await addAttachment(b.db, { ticketId: t.id, owner: { kind: 'ticket', id: t.id }, file: { name: 'same-trace.pcap', bytes } });
    await a.sync.syncNow();
    await b.sync.syncNow();
    await a.sync.syncNow();
    expect((await ticketAttachmentRefs(a.db, t.id)).map((r) => r.name).sort()).toEqual(['same-trace.pcap', 'trace.pcap']);
    expect((await env.server.attachments.usage(a.user.tenant)).usedBytes).toBe(200_000);
  });

  it('a field engineer’s device keeps attachments of assigned tickets for offline use, within a quota the user can clear', async () => {
    const tenant = `t-att-cache-${process.pid}`;
    const agent = await makeClient(env.server, await addUser(env.db, tenant, 'agent', 'north'));
    const fe = await makeClient(env.server, await addUser(env.db, tenant, 'field_engineer', 'south'));
    const t = newTicket({ region: 'south', ownerId: fe.user.id });
    await runMutation(agent.db, 'ticket.create@1', { ticket: t });
    const files = [new Uint8Array(randomBytes(1_000_000)), new Uint8Array(randomBytes(1_500_000))];
    await addAttachment(agent.db, { ticketId: t.id, owner: { kind: 'ticket', id: t.id }, file: { name: 'wiring.pdf', bytes: files[0]! }, now: 1000 });
    await addAttachment(agent.db, { ticketId: t.id, owner: { kind: 'ticket', id: t.id }, file: { name: 'config.txt', bytes: files[1]! }, now: 2000 });
    await agent.sync.syncNow();
    await setDeviceAttachmentQuota(fe.db, 2_000_000);
    await fe.sync.syncNow();
    // Newest first, as far as the quota allows: the 1.5 MB file fits, the second would not.
    expect(await attachmentCacheUsage(fe.db)).toMatchObject({ downloadedFiles: 1, downloadedBytes: 1_500_000, quotaBytes: 2_000_000 });
    expect(await clearAttachmentCache(fe.db)).toBe(1);
    expect(await attachmentCacheUsage(fe.db)).toMatchObject({ downloadedFiles: 0, downloadedBytes: 0 });
  });

  it('a file sent just before the connection dropped is sent again with its attach when the server freed it during a long offline spell', async () => {
    const tenant = `t-att-late-${process.pid}`;
    const a = await makeClient(env.server, await addUser(env.db, tenant, 'agent'));
    const t = newTicket();
    await runMutation(a.db, 'ticket.create@1', { ticket: t });
    await a.sync.syncNow();
    const bytes = new Uint8Array(randomBytes(300_000));
    const ref = await addAttachment(a.db, { ticketId: t.id, owner: { kind: 'ticket', id: t.id }, file: { name: 'site.jpg', bytes } });
    // The bytes reach the server, then the device goes offline before the push that attaches them.
    expect(await uploadPendingAttachments(a.db, await accessOf(a))).toEqual({ uploaded: 1, refused: 0 });
    expect(await attachmentCacheUsage(a.db)).toMatchObject({ pendingFiles: 0, downloadedFiles: 1 });
    // Clearing downloads on the device keeps them: their attach is not on the server yet.
    expect(await clearAttachmentCache(a.db)).toBe(0);
    // Days later the server's wait for that attach has run out and the orphan was freed.
    await env.db.query('DELETE FROM attachment_blobs WHERE tenant_id = $1 AND sha256 = $2', [a.user.tenant, ref.sha256]);
    expect(await env.server.attachments.stat(a.user.tenant, ref.sha256)).toBeUndefined();
    expect(await a.sync.syncNow()).toMatchObject({ state: 'idle', pending: 0 });
    expect(same((await env.server.attachments.get(a.user.tenant, ref.sha256))!.bytes, bytes)).toBe(true);
  });

  it('refuses a file over the size limit and a 21st attachment on one note before storing anything', async () => {
    const tenant = `t-att-limits-${process.pid}`;
    const a = await makeClient(env.server, await addUser(env.db, tenant, 'agent'));
    const t = newTicket();
    await runMutation(a.db, 'ticket.create@1', { ticket: t });
    const tooBig = new Uint8Array(25 * 1024 * 1024 + 1);
    await expect(addAttachment(a.db, { ticketId: t.id, owner: { kind: 'ticket', id: t.id }, file: { name: 'huge.bin', bytes: tooBig } })).rejects.toMatchObject({ code: 'too_large' });
    for (let i = 0; i < 20; i++) await addAttachment(a.db, { ticketId: t.id, owner: { kind: 'ticket', id: t.id }, file: { name: `f${i}.txt`, bytes: new TextEncoder().encode(`line ${i}\n`) } });
    const e = await addAttachment(a.db, { ticketId: t.id, owner: { kind: 'ticket', id: t.id }, file: { name: 'f20.txt', bytes: new TextEncoder().encode('x') } }).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(AttachmentInputError);
    expect((e as AttachmentInputError).code).toBe('too_many_on_owner');
    expect(await ticketAttachmentRefs(a.db, t.id)).toHaveLength(20);
    expect(await a.db.outbox.count()).toBe(21);
  });
});
