import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../shared/sync';
import { addUser, inProcessServer, loginToken, newTicket } from '../sync/harness';

// Removing an attachment over the real server: who may, what the ticket then lists, and the
// tenant's storage (the quota counts only bytes some attachment still names, or that were uploaded
// within the last day and may still be attached by the device that sent them). The server's clock
// is injected.
const HOUR = 3600_000;
let clock = Date.UTC(2026, 2, 2, 9, 0, 0);
const fx = inProcessServer({ now: () => clock });

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const call = (path: string, token: string, init: RequestInit = {}) =>
  fx.server.fetch(new Request(`http://test${path}`, { ...init, headers: { ...(init.headers as Record<string, string> | undefined), authorization: `Bearer ${token}` } }));

async function upload(token: string, bytes: Uint8Array): Promise<string> {
  const h = sha(bytes);
  await call('/attachments/uploads', token, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ sha256: h, size: bytes.length }) });
  const res = await call(`/attachments/uploads/${h}?offset=0`, token, { method: 'PUT', headers: { 'content-type': 'application/octet-stream' }, body: bytes as Uint8Array<ArrayBuffer> });
  expect(res.status).toBe(200);
  return h;
}

let seq = 0;
async function push(token: string, name: string, args: unknown) {
  const res = await call('/push', token, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ clientId: `dev-${process.pid}-${++seq}`, schemaVersion: SCHEMA_VERSION, mutations: [{ id: 1, clientTime: 1, baseVersions: {}, name, args }] }) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { results: Array<{ status: string; message?: string }> }).results[0];
}
const usage = async (token: string) => ((await (await call('/attachments/usage', token)).json()) as { usedBytes: number }).usedBytes;
const listed = async (ticketId: string) => {
  const [row] = await fx.db.query<{ data: { items: Array<{ id: string }> } }>(`SELECT data FROM entities WHERE tbl = 'attachments' AND id = $1`, [ticketId]);
  return row?.data.items.map((i) => i.id) ?? [];
};

describe('removing attachments', () => {
  it('only the uploader or an admin removes; the bytes are freed when nothing names them any more', async () => {
    const tenant = `rm-${process.pid}`;
    const [alice, bob, admin] = [await addUser(fx.db, tenant, 'agent'), await addUser(fx.db, tenant, 'agent'), await addUser(fx.db, tenant, 'admin')];
    const [ta, tb, tAdmin] = [await loginToken(fx.server, alice), await loginToken(fx.server, bob), await loginToken(fx.server, admin)];
    const ticket = newTicket();
    expect(await push(ta, 'ticket.create@1', { ticket })).toMatchObject({ status: 'applied' });
    const bytes = new Uint8Array(randomBytes(40_000));
    const h = await upload(ta, bytes);
    const ref = (id: string) => ({ id, ticketId: ticket.id, owner: { kind: 'ticket', id: ticket.id }, name: `${id}.bin`, sha256: h, size: bytes.length, type: 'application/octet-stream' });
    // The same bytes attached twice (by Alice, then by Bob) are stored once.
    expect(await push(ta, 'attachment.add@1', ref('att-a'))).toMatchObject({ status: 'applied' });
    expect(await push(tb, 'attachment.add@1', ref('att-b'))).toMatchObject({ status: 'applied' });
    expect(await usage(ta)).toBe(bytes.length);

    const refused = await push(tb, 'attachment.remove@1', { ticketId: ticket.id, attachmentId: 'att-a', sha256: h });
    expect(refused).toMatchObject({ status: 'conflict', message: expect.stringContaining('only the person who added att-a.bin or an admin may remove it') });
    expect(await listed(ticket.id)).toEqual(['att-a', 'att-b']);

    // Alice removes hers: Bob's still names the bytes, so they stay.
    expect(await push(ta, 'attachment.remove@1', { ticketId: ticket.id, attachmentId: 'att-a', sha256: h })).toMatchObject({ status: 'applied' });
    expect(await listed(ticket.id)).toEqual(['att-b']);
    expect(await usage(ta)).toBe(bytes.length);
    expect((await call(`/attachments/${h}`, tb)).status).toBe(200);

    // An admin removes Bob's: nothing names the bytes now, but they were uploaded today, so they
    // wait out the day (another device may be about to attach them); then they and their quota go.
    expect(await push(tAdmin, 'attachment.remove@1', { ticketId: ticket.id, attachmentId: 'att-b', sha256: h })).toMatchObject({ status: 'applied' });
    expect(await listed(ticket.id)).toEqual([]);
    expect(await usage(ta)).toBe(bytes.length);
    clock += 24 * HOUR + 1;
    expect(await usage(ta)).toBe(0);
    expect((await call(`/attachments/${h}`, tb)).status).toBe(404);
    // Removing again changes nothing.
    expect(await push(tAdmin, 'attachment.remove@1', { ticketId: ticket.id, attachmentId: 'att-b', sha256: h })).toMatchObject({ status: 'applied' });
  });

  it("a device's file uploaded before an offline spell is still there when its attach arrives hours later, though a removal of the same bytes came first", async () => {
    const tenant = `rm-late-${process.pid}`;
    const [field, agent] = [await addUser(fx.db, tenant, 'agent'), await addUser(fx.db, tenant, 'agent')];
    const [tf, tg] = [await loginToken(fx.server, field), await loginToken(fx.server, agent)];
    const ticket = newTicket();
    expect(await push(tg, 'ticket.create@1', { ticket })).toMatchObject({ status: 'applied' });
    const photo = new Uint8Array(randomBytes(30_000));
    const ref = (id: string) => ({ id, ticketId: ticket.id, owner: { kind: 'ticket', id: ticket.id }, name: `${id}.jpg`, sha256: sha(photo), size: photo.length, type: 'application/octet-stream' });
    // The agent attached the same photo long ago.
    await upload(tg, photo);
    expect(await push(tg, 'attachment.add@1', ref('att-old'))).toMatchObject({ status: 'applied' });
    clock += 3 * 24 * HOUR;
    // The field engineer's device sends the bytes (the server has them: the wait starts again), then goes offline before its attach.
    await upload(tf, photo);
    clock += HOUR;
    expect(await push(tg, 'attachment.remove@1', { ticketId: ticket.id, attachmentId: 'att-old', sha256: sha(photo) })).toMatchObject({ status: 'applied' });
    clock += 22 * HOUR;
    expect(await usage(tg)).toBe(photo.length);
    expect(await push(tf, 'attachment.add@1', ref('att-site'))).toMatchObject({ status: 'applied' });
    const back = await call(`/attachments/${sha(photo)}`, tg);
    expect(Buffer.from(await back.arrayBuffer()).equals(Buffer.from(photo))).toBe(true);
    // Attached now: the end of the wait frees nothing.
    clock += 2 * 24 * HOUR;
    expect(await usage(tg)).toBe(photo.length);
    expect((await call(`/attachments/${sha(photo)}`, tg)).status).toBe(200);
  });
});
