import { describe, expect, it } from 'vitest';
import { runMutation, MutationInputError } from '../../renderer/src/data/mutate';
import { purgeTombstones } from '../../server/pull';
import { addUser, appFetch, inProcessServer, loginToken, makeClient, newTicket, serverState, snapshot } from './harness';

const env = inProcessServer({ maxBodyBytes: 64 * 1024 });

const post = (path: string, token: string, body: unknown) =>
  env.server.fetch(new Request(`http://test${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: typeof body === 'string' ? body : JSON.stringify(body) }));

describe('sync over embedded PGlite', () => {
  it('a local change shows at once, syncs, and reaches a second device', async () => {
    const a = await makeClient(env.server, await addUser(env.db, 't-basic'));
    const b = await makeClient(env.server, await addUser(env.db, 't-basic'));
    const t = newTicket();
    await runMutation(a.db, 'ticket.create@1', { ticket: t });
    expect(await a.db.tickets.get(t.id)).toMatchObject({ title: t.title });
    expect(await a.db.outbox.count()).toBe(1);
    const s = await a.sync.syncNow();
    expect(s).toMatchObject({ state: 'idle', pending: 0 });
    await b.sync.syncNow();
    expect(await b.db.tickets.get(t.id)).toMatchObject({ title: t.title });
    expect(await b.db.timeline.where('ticketId').equals(t.id).count()).toBe(1);
  });

  it('invalid args are refused before anything is written', async () => {
    const a = await makeClient(env.server, await addUser(env.db, 't-invalid'));
    const before = await snapshot(a.db);
    await expect(runMutation(a.db, 'ticket.update@1', { ticketId: 'x', changes: { title: '' } })).rejects.toBeInstanceOf(MutationInputError);
    await expect(runMutation(a.db, 'ticket.nope@1', {})).rejects.toThrow(/unknown mutation/);
    expect(await snapshot(a.db)).toEqual(before);
    expect(await a.db.outbox.count()).toBe(0);
  });

  it('a duplicate push (retry after a lost response) applies once', async () => {
    const u = await addUser(env.db, 't-dup');
    const token = await loginToken(env.server, u);
    const t = newTicket();
    const body = { clientId: 'dup-client-1', schemaVersion: 2, mutations: [{ id: 1, name: 'ticket.create@1', args: { ticket: t }, clientTime: 1 }, { id: 2, name: 'timeline.addNote@1', args: { ticketId: t.id, visibility: 'internal', text: 'once' }, clientTime: 2 }] };
    const first = (await (await post('/push', token, body)).json()) as { results: Array<{ status: string }> };
    expect(first.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const stateAfterFirst = await serverState(env.db);
    const again = (await (await post('/push', token, body)).json()) as { results: Array<{ status: string }>; lastMutationId: number };
    expect(again.results.map((r) => r.status)).toEqual(['skipped', 'skipped']);
    expect(again.lastMutationId).toBe(2);
    expect(await serverState(env.db)).toBe(stateAfterFirst);
    const notes = await env.db.query(`SELECT id FROM entities WHERE tenant_id = 't-dup' AND data->>'kind' = 'note'`);
    expect(notes).toHaveLength(1);
  });

  it('a push with a gap stops at the gap and applies nothing after it', async () => {
    const token = await loginToken(env.server, await addUser(env.db, 't-gap'));
    const t = newTicket();
    const res = (await (await post('/push', token, { clientId: 'gap-client-1', schemaVersion: 2, mutations: [{ id: 1, name: 'ticket.create@1', args: { ticket: t }, clientTime: 1 }, { id: 3, name: 'timeline.addNote@1', args: { ticketId: t.id, visibility: 'internal', text: 'late' }, clientTime: 2 }] })).json()) as { lastMutationId: number; gapAt: number };
    expect(res).toMatchObject({ lastMutationId: 1, gapAt: 3 });
    expect(await env.db.query(`SELECT 1 FROM entities WHERE tenant_id = 't-gap' AND data->>'kind' = 'note'`)).toHaveLength(0);
  });

  it('malformed, oversized, unauthenticated and unknown-schema pushes get 4xx and change nothing', async () => {
    const token = await loginToken(env.server, await addUser(env.db, 't-bad'));
    const before = await serverState(env.db);
    const cases: Array<[string, unknown, number, string]> = [
      ['not json', '{"clientId":', 400, 'malformed_json'],
      ['wrong shape', { clientId: 'bad-client-1', schemaVersion: 2, mutations: [{ id: 'one' }] }, 400, 'invalid_request'],
      ['no mutations', { clientId: 'bad-client-1', schemaVersion: 2, mutations: [] }, 400, 'invalid_request'],
      ['oversized', { clientId: 'bad-client-1', schemaVersion: 2, mutations: [{ id: 1, name: 'timeline.addNote@1', args: { ticketId: 'x', visibility: 'internal', text: 'x'.repeat(100_000) }, clientTime: 1 }] }, 413, 'too_large'],
      ['too old', { clientId: 'bad-client-1', schemaVersion: 0, mutations: [{ id: 1, name: 'ticket.update@0', args: { ticketId: 'x' }, clientTime: 1 }] }, 426, 'update_required'],
    ];
    for (const [label, body, status, code] of cases) {
      const res = await post('/push', token, body);
      expect(res.status, label).toBe(status);
      expect(((await res.json()) as { error: { code: string; message: string } }).error.code, label).toBe(code);
    }
    const noAuth = await post('/push', 'wrong-token', { clientId: 'bad-client-1', schemaVersion: 2, mutations: [{ id: 1, name: 'x@1', args: {}, clientTime: 1 }] });
    expect(noAuth.status).toBe(401);
    expect(await serverState(env.db)).toBe(before);
  });

  it('an unknown mutation from a client is rejected, recorded as a visible conflict, and does not block the queue', async () => {
    const u = await addUser(env.db, 't-unknown');
    const a = await makeClient(env.server, u);
    const t = newTicket();
    await runMutation(a.db, 'ticket.create@1', { ticket: t });
    // An entry written by a newer build that this server does not know:
    await a.db.outbox.add({ clientId: 'x', id: 2, name: 'ticket.fromTheFuture@9', args: { ticketId: t.id }, baseVersions: {}, clientTime: 1 });
    await a.db.meta.put({ key: 'mutationCounter', value: 2 });
    await runMutation(a.db, 'timeline.addNote@1', { ticketId: t.id, visibility: 'internal', text: 'after the unknown one' });
    await a.sync.syncNow();
    expect(await a.db.outbox.count()).toBe(0);
    const conflicts = await a.db.conflicts.where('ticketId').equals(t.id).toArray();
    expect(conflicts.map((c) => c.reason).join()).toMatch(/unknown mutation/);
    expect((await a.db.timeline.where('ticketId').equals(t.id).toArray()).some((e) => e.kind === 'note')).toBe(true);
  });

  it('an old client (schema 1) sending ticket.update@0 is upgraded and applied', async () => {
    const u = await addUser(env.db, 't-skew');
    const token = await loginToken(env.server, u);
    const t = newTicket();
    await post('/push', token, { clientId: 'new-client-1', schemaVersion: 2, mutations: [{ id: 1, name: 'ticket.create@1', args: { ticket: t }, clientTime: 1 }] });
    // Schema 1 clients already sent base versions; only the args of ticket.update changed shape.
    const [fvRow] = await env.db.query<{ fv: Record<string, { v: number }> }>(`SELECT fv FROM entities WHERE tenant_id = 't-skew' AND tbl = 'tickets' AND id = $1`, [t.id]);
    const baseVersions = { [`tickets/${t.id}`]: Object.fromEntries(Object.entries(fvRow?.fv ?? {}).map(([k, v]) => [k, v.v])) };
    const res = (await (await post('/push', token, { clientId: 'old-client-1', schemaVersion: 1, mutations: [{ id: 1, name: 'ticket.update@0', args: { ticketId: t.id, title: 'From an old app' }, baseVersions, clientTime: 1 }] })).json()) as { results: Array<{ status: string }> };
    expect(res.results[0]?.status).toBe('applied');
    const [row] = await env.db.query<{ title: string }>(`SELECT data->>'title' AS title FROM entities WHERE tenant_id = 't-skew' AND tbl = 'tickets' AND id = $1`, [t.id]);
    expect(row?.title).toBe('From an old app');
  });

  it('a client too old for the server keeps its outbox and is told to update', async () => {
    const a = await makeClient(env.server, await addUser(env.db, 't-old'));
    await runMutation(a.db, 'ticket.create@1', { ticket: newTicket() });
    const old = (await import('../../renderer/src/data/sync-client')).createSyncClient({ db: a.db, baseUrl: 'http://test', getToken: () => loginToken(env.server, a.user), fetch: appFetch(env.server), schemaVersion: 0, intervalMs: 0 });
    const s = await old.syncNow();
    expect(s).toMatchObject({ updateRequired: true, pending: 1 });
    expect(await a.db.outbox.count()).toBe(1);
  });

  it('a 401 keeps the queue and asks to log in again', async () => {
    const a = await makeClient(env.server, await addUser(env.db, 't-401'));
    await runMutation(a.db, 'ticket.create@1', { ticket: newTicket() });
    const expired = (await import('../../renderer/src/data/sync-client')).createSyncClient({ db: a.db, baseUrl: 'http://test', getToken: () => 'expired-token', fetch: appFetch(env.server), intervalMs: 0 });
    const s = await expired.syncNow();
    expect(s).toMatchObject({ needsLogin: true, pending: 1, state: 'error' });
    expect(await a.db.outbox.count()).toBe(1);
  });

  it('offline: changes queue up, the status says offline with a retry planned, and they sync when back', async () => {
    const a = await makeClient(env.server, await addUser(env.db, 't-offline'));
    a.online.value = false;
    const t = newTicket();
    await runMutation(a.db, 'ticket.create@1', { ticket: t });
    await runMutation(a.db, 'ticket.update@1', { ticketId: t.id, changes: { title: 'Edited offline' } });
    const off = await a.sync.syncNow();
    expect(off).toMatchObject({ state: 'offline', pending: 2 });
    expect(off.nextRetryAt).toBeGreaterThan(a.clock.now);
    a.online.value = true;
    expect(await a.sync.syncNow()).toMatchObject({ state: 'idle', pending: 0 });
    a.sync.stop();
    const [row] = await env.db.query<{ title: string }>(`SELECT data->>'title' AS title FROM entities WHERE tenant_id = 't-offline' AND id = $1`, [t.id]);
    expect(row?.title).toBe('Edited offline');
  });

  it('a client whose clock is a day off syncs and conflicts are decided by versions, not clocks', async () => {
    const ahead = await makeClient(env.server, await addUser(env.db, 't-clock'), { clockOffsetMs: 24 * 3600_000 });
    const behind = await makeClient(env.server, await addUser(env.db, 't-clock'), { clockOffsetMs: -24 * 3600_000 });
    const t = newTicket();
    await runMutation(ahead.db, 'ticket.create@1', { ticket: t }, { now: ahead.clock.now });
    await ahead.sync.syncNow();
    await behind.sync.syncNow();
    // Both edit the title from the same base; "ahead" pushes first, so it wins although "behind"'s clock is a day older.
    await runMutation(ahead.db, 'ticket.update@1', { ticketId: t.id, changes: { title: 'ahead' } }, { now: ahead.clock.now });
    await runMutation(behind.db, 'ticket.update@1', { ticketId: t.id, changes: { title: 'behind' } }, { now: behind.clock.now });
    await ahead.sync.syncNow();
    await behind.sync.syncNow();
    await ahead.sync.syncNow();
    expect((await behind.db.tickets.get(t.id))?.title).toBe('ahead');
    expect(await snapshot(ahead.db)).toEqual(await snapshot(behind.db));
    const c = await behind.db.conflicts.where('ticketId').equals(t.id).first();
    expect(c).toMatchObject({ field: 'title', mine: 'behind', theirs: 'ahead', status: 'open' });
    // Server time stamps the facts: the note "behind" adds is not dated yesterday.
    await runMutation(behind.db, 'timeline.addNote@1', { ticketId: t.id, visibility: 'internal', text: 'hello' }, { now: behind.clock.now });
    await behind.sync.syncNow();
    const note = (await behind.db.timeline.where('ticketId').equals(t.id).toArray()).find((e) => e.kind === 'note');
    expect(Math.abs((note?.at ?? 0) - Date.now())).toBeLessThan(60_000);
  });

  it('a tenant can neither read nor write another tenant\'s data', async () => {
    const a = await makeClient(env.server, await addUser(env.db, 't-iso-a'));
    const b = await makeClient(env.server, await addUser(env.db, 't-iso-b'));
    const t = newTicket({ title: 'Secret of A' });
    await runMutation(a.db, 'ticket.create@1', { ticket: t });
    await a.sync.syncNow();
    await b.sync.syncNow();
    expect(await b.db.tickets.count()).toBe(0);
    expect((await b.db.engineers.toArray()).every((e) => e.email !== a.user.email)).toBe(true);
    // B forges an edit of A's ticket id: it is "not found" in B's tenant and A's ticket is untouched.
    await b.db.outbox.add({ clientId: 'x', id: 1, name: 'ticket.update@1', args: { ticketId: t.id, changes: { title: 'hacked' }, base: {} }, baseVersions: {}, clientTime: 1 });
    await b.db.meta.put({ key: 'mutationCounter', value: 1 });
    await b.sync.syncNow();
    const [row] = await env.db.query<{ title: string }>(`SELECT data->>'title' AS title FROM entities WHERE tenant_id = 't-iso-a' AND id = $1`, [t.id]);
    expect(row?.title).toBe('Secret of A');
    expect((await b.db.conflicts.toArray())[0]?.reason).toMatch(/not found/);
  });

  it('a field engineer pulls only tickets in their region or assigned to them, and cannot change others', async () => {
    const tenant = 't-scope';
    const agent = await makeClient(env.server, await addUser(env.db, tenant, 'agent', 'north'));
    const fe = await makeClient(env.server, await addUser(env.db, tenant, 'field_engineer', 'south'));
    const south = newTicket({ region: 'south' });
    const north = newTicket({ region: 'north', title: 'North only' });
    const assigned = newTicket({ region: 'north', ownerId: fe.user.id });
    for (const t of [south, north, assigned]) await runMutation(agent.db, 'ticket.create@1', { ticket: t });
    await runMutation(agent.db, 'timeline.addNote@1', { ticketId: north.id, visibility: 'internal', text: 'north note' });
    await agent.sync.syncNow();
    await fe.sync.syncNow();
    expect((await fe.db.tickets.toArray()).map((t) => t.id).sort()).toEqual([south.id, assigned.id].sort());
    expect(await fe.db.timeline.where('ticketId').equals(north.id).count()).toBe(0);
    await fe.db.outbox.add({ clientId: 'x', id: 1, name: 'ticket.update@1', args: { ticketId: north.id, changes: { title: 'not mine' }, base: {} }, baseVersions: {}, clientTime: 1 });
    await fe.db.meta.put({ key: 'mutationCounter', value: 1 });
    await fe.sync.syncNow();
    const [row] = await env.db.query<{ title: string }>(`SELECT data->>'title' AS title FROM entities WHERE tenant_id = $1 AND id = $2`, [tenant, north.id]);
    expect(row?.title).toBe('North only');
    expect((await fe.db.conflicts.toArray()).some((c) => /outside your region/.test(c.reason))).toBe(true);
  });

  it('a connection dropped mid-pull resumes from the committed cursor', async () => {
    const tenant = 't-resume';
    const writer = await makeClient(env.server, await addUser(env.db, tenant));
    for (let i = 0; i < 30; i++) await runMutation(writer.db, 'ticket.create@1', { ticket: newTicket() });
    await writer.sync.syncNow();
    let pulls = 0;
    const cursorsAsked: number[] = [];
    const base = appFetch(env.server);
    const flaky: typeof fetch = async (input, init) => {
      if (String(input).endsWith('/pull')) {
        cursorsAsked.push((JSON.parse(String(init?.body)) as { cursor: number }).cursor);
        if (++pulls === 3) throw new TypeError('socket hang up');
      }
      return base(input, init);
    };
    const reader = await makeClient(env.server, await addUser(env.db, tenant), { fetch: flaky, pullLimit: 10 });
    const first = await reader.sync.syncNow();
    reader.sync.stop();
    expect(first.state).toBe('offline');
    const cursorAfterDrop = (await reader.db.meta.get('cursor'))?.value as number;
    expect(cursorAfterDrop).toBeGreaterThan(0);
    const partial = await reader.db.tickets.count();
    expect(partial).toBeGreaterThan(0);
    expect(partial).toBeLessThan(30);
    const askedBefore = cursorsAsked.length;
    await reader.sync.syncNow();
    expect(await reader.db.tickets.count()).toBe(30);
    // Resumed from the committed cursor, not from the start.
    expect(cursorsAsked[askedBefore]).toBe(cursorAfterDrop);
    expect(cursorsAsked.slice(askedBefore).every((c) => c >= cursorAfterDrop)).toBe(true);
    expect(await snapshot(reader.db)).toEqual(await snapshot(writer.db));
  });

  it('a cursor older than purged tombstones resets the local copy but keeps the outbox', async () => {
    const tenant = 't-reset';
    const admin = await makeClient(env.server, await addUser(env.db, tenant, 'admin'));
    const laggard = await makeClient(env.server, await addUser(env.db, tenant));
    const gone = newTicket();
    const kept = newTicket();
    await runMutation(admin.db, 'ticket.create@1', { ticket: gone });
    await runMutation(admin.db, 'ticket.create@1', { ticket: kept });
    await admin.sync.syncNow();
    await laggard.sync.syncNow();
    expect(await laggard.db.tickets.count()).toBe(2);
    laggard.online.value = false;
    await runMutation(laggard.db, 'timeline.addNote@1', { ticketId: kept.id, visibility: 'internal', text: 'written while away' });
    await runMutation(admin.db, 'ticket.delete@1', { ticketId: gone.id, reason: 'duplicate' });
    await admin.sync.syncNow();
    const [v] = await env.db.query<{ version: string }>('SELECT version FROM tenants WHERE id = $1', [tenant]);
    expect(await purgeTombstones(env.db, tenant, Number(v?.version))).toBe(1);
    laggard.online.value = true;
    await laggard.sync.syncNow();
    laggard.sync.stop();
    expect((await laggard.db.tickets.toArray()).map((t) => t.id)).toEqual([kept.id]);
    expect(await laggard.db.outbox.count()).toBe(0);
    const [note] = await env.db.query(`SELECT 1 FROM entities WHERE tenant_id = $1 AND data->>'text' = 'written while away'`, [tenant]);
    expect(note).toBeDefined();
    await admin.sync.syncNow();
    expect(await snapshot(laggard.db)).toEqual(await snapshot(admin.db));
  });
});
