import { createHash, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../shared/sync';
import { uploadBytes } from '../../renderer/src/data/attachment-transfer';
import { addUser, inProcessServer, loginToken, newTicket, type TestUser } from '../sync/harness';

// The attachment API over HTTP against a real server on an in-memory PGlite.
const fx = inProcessServer({ attachmentLimits: { maxFileBytes: 2 * 1024 * 1024, tenantQuotaBytes: 3 * 1024 * 1024, maxChunkBytes: 256 * 1024 } });

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const call = (path: string, init: RequestInit & { token?: string } = {}) => {
  const { token, ...rest } = init;
  return fx.server.fetch(new Request(`http://test${path}`, { ...rest, headers: { ...(rest.headers as Record<string, string> | undefined), ...(token ? { authorization: `Bearer ${token}` } : {}) } }));
};
const start = (token: string, body: unknown) => call('/attachments/uploads', { method: 'POST', token, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const piece = (token: string, hash: string, offset: number, bytes: Uint8Array) =>
  call(`/attachments/uploads/${hash}?offset=${offset}`, { method: 'PUT', token, headers: { 'content-type': 'application/octet-stream' }, body: bytes as Uint8Array<ArrayBuffer> });

async function upload(token: string, bytes: Uint8Array, pieceBytes = 256 * 1024): Promise<string> {
  const h = sha(bytes);
  let state = (await (await start(token, { sha256: h, size: bytes.length })).json()) as { status: string; offset?: number };
  while (state.status === 'partial') {
    const at = state.offset ?? 0;
    const res = await piece(token, h, at, bytes.subarray(at, at + pieceBytes));
    expect(res.status).toBe(200);
    state = (await res.json()) as typeof state;
  }
  return h;
}

let tenantSeq = 0;
async function tenantWith(...roles: Array<'agent' | 'field_engineer'>): Promise<TestUser[]> {
  const tenant = `att-${process.pid}-${++tenantSeq}`;
  const out: TestUser[] = [];
  for (const r of roles) out.push(await addUser(fx.db, tenant, r, r === 'field_engineer' ? 'south' : 'north'));
  return out;
}

async function push(token: string, clientId: string, mutations: Array<{ name: string; args: unknown }>) {
  const res = await call('/push', { method: 'POST', token, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ clientId, schemaVersion: SCHEMA_VERSION, mutations: mutations.map((m, i) => ({ id: i + 1, clientTime: 1, baseVersions: {}, ...m })) }) });
  expect(res.status).toBe(200);
  return (await res.json()) as { results: Array<{ status: string; message?: string }> };
}

describe('attachments over HTTP', () => {
  it('uploads in pieces and downloads the same bytes as a file to save, never to render', async () => {
    const [agent] = await tenantWith('agent');
    const token = await loginToken(fx.server, agent!);
    const bytes = new Uint8Array(randomBytes(1024 * 1024 + 3));
    const h = await upload(token, bytes);
    const res = await call(`/attachments/${h}?name=${encodeURIComponent('../../Отчёт\u202Egnp.exe')}`, { token });
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-disposition')).toBe(`attachment; filename="_____gnp.exe"; filename*=UTF-8''${encodeURIComponent('Отчётgnp.exe')}`);
  });

  it('serves a range of the file (a broken download continues), across the pieces it was uploaded in', async () => {
    const [agent] = await tenantWith('agent');
    const token = await loginToken(fx.server, agent!);
    const bytes = new Uint8Array(randomBytes(1024 * 1024 + 3));
    const h = await upload(token, bytes);
    const ranged = (range: string) => call(`/attachments/${h}`, { token, headers: { range } });
    const mid = await ranged('bytes=200000-600000');
    expect(mid.status).toBe(206);
    expect(mid.headers.get('content-range')).toBe(`bytes 200000-600000/${bytes.length}`);
    expect(mid.headers.get('content-length')).toBe('400001');
    expect(Buffer.from(await mid.arrayBuffer()).equals(Buffer.from(bytes.subarray(200000, 600001)))).toBe(true);
    const tail = await ranged('bytes=-10');
    expect(Buffer.from(await tail.arrayBuffer()).equals(Buffer.from(bytes.subarray(bytes.length - 10)))).toBe(true);
    const rest = await ranged(`bytes=${256 * 1024}-`);
    expect(Buffer.from(await rest.arrayBuffer()).equals(Buffer.from(bytes.subarray(256 * 1024)))).toBe(true);
    const past = await ranged(`bytes=${bytes.length}-`);
    expect(past.status).toBe(416);
    expect(past.headers.get('content-range')).toBe(`bytes */${bytes.length}`);
    const whole = await call(`/attachments/${h}`, { token });
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect((await whole.arrayBuffer()).byteLength).toBe(bytes.length);
  });

  it('the app uploads in pieces no larger than the server says it takes', async () => {
    const [agent] = await tenantWith('agent');
    const token = await loginToken(fx.server, agent!);
    const bytes = new Uint8Array(randomBytes(1024 * 1024 + 3));
    const sent: number[] = [];
    const counting = (async (input: RequestInfo | URL, init?: RequestInit) => {
      if (init?.method === 'PUT') sent.push((init.body as Uint8Array).length);
      return fx.server.fetch(new Request(String(input), init));
    }) as typeof fetch;
    const state = await uploadBytes({ baseUrl: 'http://test', token, fetch: counting }, sha(bytes), bytes);
    expect(state.status).toBe('complete');
    expect(sent.reduce((a, b) => a + b, 0)).toBe(bytes.length);
    expect(Math.max(...sent)).toBeLessThanOrEqual(256 * 1024);
    expect(Buffer.from((await fx.server.attachments.get(agent!.tenant, sha(bytes)))!.bytes).equals(Buffer.from(bytes))).toBe(true);
  });

  it('serves HTML as bytes to save and an executable named .png as octet-stream', async () => {
    const [agent] = await tenantWith('agent');
    const token = await loginToken(fx.server, agent!);
    const html = await upload(token, new TextEncoder().encode('<html><body onload="alert(1)">hi</body></html>'));
    const res = await call(`/attachments/${html}?name=page.html`, { token });
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('content-disposition')).toMatch(/^attachment;/);
    expect(res.headers.get('content-security-policy')).toContain('sandbox');
    const exe = await upload(token, Uint8Array.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0]));
    const r2 = await call(`/attachments/${exe}?name=holiday.png`, { token });
    expect(r2.headers.get('content-type')).toBe('application/octet-stream');
    expect(r2.headers.get('x-attachment-type')).toBe('application/x-msdownload');
  });

  it('resumes after a lost piece: a repeated piece is answered with the offset to continue from', async () => {
    const [agent] = await tenantWith('agent');
    const token = await loginToken(fx.server, agent!);
    const bytes = new Uint8Array(randomBytes(600 * 1024));
    const h = sha(bytes);
    await start(token, { sha256: h, size: bytes.length });
    expect((await piece(token, h, 0, bytes.subarray(0, 256 * 1024))).status).toBe(200);
    const again = await piece(token, h, 0, bytes.subarray(0, 256 * 1024));
    expect(again.status).toBe(409);
    expect(((await again.json()) as { error: { offset: number } }).error.offset).toBe(256 * 1024);
    expect(await (await start(token, { sha256: h, size: bytes.length })).json()).toEqual({ status: 'partial', offset: 256 * 1024, pieceBytes: 256 * 1024 });
    expect(await upload(token, bytes)).toBe(h);
    expect(Buffer.from(await (await call(`/attachments/${h}`, { token })).arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
  });

  it('refuses files over the size limit (413), past the tenant quota (507), and pieces that are too large, with reasons', async () => {
    const [agent] = await tenantWith('agent');
    const token = await loginToken(fx.server, agent!);
    const big = await start(token, { sha256: 'e'.repeat(64), size: 2 * 1024 * 1024 + 1 });
    expect(big.status).toBe(413);
    expect(((await big.json()) as { error: { message: string } }).error.message).toContain('at most 2 MB');
    await upload(token, new Uint8Array(randomBytes(2 * 1024 * 1024)));
    const full = await start(token, { sha256: 'f'.repeat(64), size: 1024 * 1024 + 1 });
    expect(full.status).toBe(507);
    expect(((await full.json()) as { error: { message: string } }).error.message).toMatch(/storage of your organisation is full: 2 MB of 3 MB used/);
    const usage = (await (await call('/attachments/usage', { token })).json()) as { usedBytes: number; quotaBytes: number };
    expect(usage).toEqual({ usedBytes: 2 * 1024 * 1024, quotaBytes: 3 * 1024 * 1024 });
    const small = new Uint8Array(randomBytes(300 * 1024));
    await start(token, { sha256: sha(small), size: small.length });
    expect((await piece(token, sha(small), 0, small)).status).toBe(413);
  });

  it('answers only signed-in users, and a field engineer only for attachments of tickets in their scope', async () => {
    const [agent, engineer] = await tenantWith('agent', 'field_engineer');
    const agentToken = await loginToken(fx.server, agent!);
    const engToken = await loginToken(fx.server, engineer!);
    const bytes = new Uint8Array(randomBytes(1000));
    const h = await upload(agentToken, bytes);
    expect((await call(`/attachments/${h}`)).status).toBe(401);
    // Stored, but not on any ticket the engineer sees: the same answer as a file that is not there.
    expect((await call(`/attachments/${h}`, { token: engToken })).status).toBe(404);
    const north = newTicket({ region: 'north' });
    const south = newTicket({ region: 'south' });
    const ref = (ticketId: string, id: string) => ({ name: 'attachment.add@1', args: { id, ticketId, owner: { kind: 'ticket', id: ticketId }, name: 'trace.bin', sha256: h, size: bytes.length, type: 'application/octet-stream' } });
    const r = await push(agentToken, 'agent-device-1', [{ name: 'ticket.create@1', args: { ticket: north } }, ref(north.id, 'att-1')]);
    expect(r.results.map((x) => x.status)).toEqual(['applied', 'applied']);
    expect((await call(`/attachments/${h}`, { token: engToken })).status).toBe(404);
    await push(agentToken, 'agent-device-1', [
      { name: 'ticket.create@1', args: { ticket: north } },
      ref(north.id, 'att-1'),
      { name: 'ticket.create@1', args: { ticket: south } },
      ref(south.id, 'att-2'),
    ]);
    const res = await call(`/attachments/${h}`, { token: engToken });
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
  });

  it('refuses an attachment on a ticket outside a field engineer’s scope and more attachments than a note may carry', async () => {
    const [agent, engineer] = await tenantWith('agent', 'field_engineer');
    const agentToken = await loginToken(fx.server, agent!);
    const engToken = await loginToken(fx.server, engineer!);
    const north = newTicket({ region: 'north' });
    await push(agentToken, 'agent-device-2', [{ name: 'ticket.create@1', args: { ticket: north } }]);
    const args = (i: number) => ({ id: `a-${i}`, ticketId: north.id, owner: { kind: 'ticket', id: north.id }, name: `photo-${i}.jpg`, sha256: 'a'.repeat(64), size: 10, type: 'image/jpeg' });
    const eng = await push(engToken, 'eng-device-2', [{ name: 'attachment.add@1', args: args(0) }]);
    expect(eng.results[0]?.status).toBe('conflict');
    expect(eng.results[0]?.message).toContain('outside your region');
    const many = await push(agentToken, 'agent-device-3', Array.from({ length: 21 }, (_, i) => ({ name: 'attachment.add@1', args: args(i) })));
    expect(many.results.filter((x) => x.status === 'applied')).toHaveLength(20);
    expect(many.results[20]?.message).toContain('at most 20 attachments');
    const bad = await push(agentToken, 'agent-device-3b', [{ name: 'attachment.add@1', args: { ...args(99), name: '../etc/passwd' } }]);
    expect(bad.results[0]?.status).toBe('rejected');
  });
});
