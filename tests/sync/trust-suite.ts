// Trust at the seams of the sync server, over real HTTP (a listening socket): a value the database
// cannot store or a mutation that fails on its own never blocks a device's queue; a client id
// belongs to the user who registered it; authorship comes from the session. Run on PGlite
// (trust.test.ts) and on a real PostgreSQL cluster (postgres.test.ts).
import fc from 'fast-check';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { mutationNames, SCHEMA_VERSION } from '../../shared/sync';
import { runMutation } from '../../renderer/src/data/mutate';
import { listen } from '../../server/http';
import type { Db } from '../../server/db/types';
import { addUser, loginToken, makeClient, newTicket, type SyncServer, type TestUser } from './harness';

type Answer = { status: number; body: { results?: Array<{ id: number; status: string; message?: string }>; lastMutationId?: number; error?: { code: string; message: string } } };

export function runTrustSuite(get: () => { db: Db; server: SyncServer }, label: string): void {
  let base = '';
  let close: () => Promise<void> = async () => undefined;
  beforeAll(async () => {
    const l = await listen(get().server, 0);
    base = l.url;
    close = l.close;
  });
  afterAll(async () => close());

  /** Devices talk to the listening server over a real socket. */
  const overHttp: typeof fetch = (input, init) => fetch(String(input instanceof Request ? input.url : input).replace('http://test', base), init);
  const device = (u: TestUser) => makeClient(get().server, u, { fetch: overHttp });

  /** Posts a raw body (a string, so tests can send what JSON.stringify would never produce). */
  async function post(path: string, token: string, raw: string): Promise<Answer> {
    const res = await fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: raw });
    return { status: res.status, body: (await res.json()) as Answer['body'] };
  }
  const push = (token: string, clientId: string, mutations: unknown[]) => post('/push', token, JSON.stringify({ clientId, schemaVersion: SCHEMA_VERSION, mutations }));
  const note = (id: number, ticketId: string, text: string) => ({ id, name: 'timeline.addNote@1', args: { ticketId, visibility: 'internal', text }, clientTime: 1 });
  const notesOn = async (tenant: string, ticketId: string) =>
    (await get().db.query<{ text: string; by: string }>(`SELECT data->>'text' AS text, data->>'by' AS by FROM entities WHERE tenant_id = $1 AND tbl = 'timeline' AND ticket_id = $2 AND data->>'kind' = 'note' ORDER BY version`, [tenant, ticketId]));

  let tenantSeq = 0;
  const tenant = (what: string) => `trust-${label}-${what}-${++tenantSeq}`;

  async function ticketOnServer(u: TestUser): Promise<{ token: string; ticketId: string }> {
    const token = await loginToken(get().server, u);
    const t = newTicket();
    const r = await push(token, `setup-${u.id}`.replace(/[^A-Za-z0-9_-]/g, '').slice(0, 60), [{ id: 1, name: 'ticket.create@1', args: { ticket: t }, clientTime: 1 }]);
    expect(r.body.results?.[0]?.status).toBe('applied');
    return { token, ticketId: t.id };
  }

  it(`[${label}] a note with U+0000 or a cut emoji syncs, the notes queued after it apply, and both devices show the same text`, async () => {
    const tn = tenant('poison');
    const a = await device(await addUser(get().db, tn));
    const b = await device(await addUser(get().db, tn));
    const t = newTicket();
    await runMutation(a.db, 'ticket.create@1', { ticket: t });
    await runMutation(a.db, 'timeline.addNote@1', { ticketId: t.id, visibility: 'internal', text: 'null\u0000byte and a cut emoji \uD83D' });
    await runMutation(a.db, 'timeline.addNote@1', { ticketId: t.id, visibility: 'internal', text: 'queued after it 😀' });
    expect(await a.sync.syncNow()).toMatchObject({ state: 'idle', pending: 0 });
    await b.sync.syncNow();
    const expected = ['nullbyte and a cut emoji \uFFFD', 'queued after it 😀'];
    expect((await notesOn(tn, t.id)).map((n) => n.text)).toEqual(expected);
    for (const d of [a, b]) {
      const local = await d.db.timeline.where('ticketId').equals(t.id).toArray();
      expect(local.flatMap((e) => (e.kind === 'note' ? [e.text] : [])).sort()).toEqual([...expected].sort());
    }
  });

  it(`[${label}] a raw push with U+0000 and lone surrogates (as \\u escapes) is stored normalised and the whole batch applies`, async () => {
    const tn = tenant('raw');
    const { token, ticketId } = await ticketOnServer(await addUser(get().db, tn));
    const raw = `{"clientId":"raw-poison-1","schemaVersion":${SCHEMA_VERSION},"mutations":[
      {"id":1,"name":"timeline.addNote@1","args":{"ticketId":"${ticketId}","visibility":"internal","text":"a\\u0000b"},"clientTime":1},
      {"id":2,"name":"timeline.addNote@1","args":{"ticketId":"${ticketId}","visibility":"internal","text":"lone \\ud800 high \\udc00 low"},"clientTime":1},
      {"id":3,"name":"timeline.addNote@1","args":{"ticketId":"${ticketId}","visibility":"internal","text":"plain"},"clientTime":1}]}`;
    const r = await post('/push', token, raw);
    expect(r.status).toBe(200);
    expect(r.body.results?.map((x) => x.status)).toEqual(['applied', 'applied', 'applied']);
    expect((await notesOn(tn, ticketId)).map((n) => n.text)).toEqual(['ab', 'lone \uFFFD high \uFFFD low', 'plain']);
  });

  it(`[${label}] a mutation the server cannot apply (its mutator fails, or the database refuses it) is rejected alone with the user's text kept; the rest applies`, async () => {
    const tn = tenant('fails');
    const u = await addUser(get().db, tn, 'dispatcher');
    const d = await device(u);
    const t = newTicket();
    await runMutation(d.db, 'ticket.create@1', { ticket: t });
    await d.sync.syncNow();
    // A rule the database enforces that the app does not know about (as an admin could add one).
    const marker = `refused-by-the-database-${label}`;
    await get().db.query(`CREATE OR REPLACE FUNCTION trust_refuse() RETURNS trigger AS $$ BEGIN
      IF NEW.data->>'text' LIKE 'refused-by-the-database-%' THEN RAISE EXCEPTION 'this text is not allowed here'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql`);
    await get().db.query('DROP TRIGGER IF EXISTS trust_refuse ON entities');
    await get().db.query('CREATE TRIGGER trust_refuse BEFORE INSERT ON entities FOR EACH ROW EXECUTE FUNCTION trust_refuse()');
    try {
      const token = await loginToken(get().server, u);
      // A visit booked at an instant no calendar can show: the mutator itself throws.
      const badVisit = { id: `v-far-${label}`, ticketId: t.id, customerId: 'cust-1', kind: 'fault', reason: 'requested_by_hand', site: { address: '1 Example Road', timeZone: 'Europe/Sofia' },
        status: 'tentative', engineerId: u.id, window: { start: 1e19, end: 2e19 }, travelBufferMinutes: 0, parts: [], workNotes: [], sequence: 0, history: [], createdAt: 1, createdBy: '', updatedAt: 1, updatedBy: '' };
      const r = await push(token, `fails-${label}-1`, [
        note(1, t.id, 'before'),
        { id: 2, name: 'visit.create@1', args: { visit: badVisit }, clientTime: 1 },
        note(3, t.id, `${marker}: my long explanation`),
        note(4, t.id, 'after'),
      ]);
      expect(r.status).toBe(200);
      expect(r.body.results?.map((x) => x.status)).toEqual(['applied', 'rejected', 'rejected', 'applied']);
      expect(r.body.lastMutationId).toBe(4);
      expect((await notesOn(tn, t.id)).map((n) => n.text)).toEqual(['before', 'after']);
      // The refusals are conflict records the user's devices pull, with what they sent.
      await d.sync.syncNow();
      const open = await d.db.conflicts.where('status').equals('open').toArray();
      const kept = open.filter((c) => c.clientId === `fails-${label}-1`);
      expect(kept).toHaveLength(2);
      expect(kept.find((c) => c.mutationId === 3)?.mine).toContain(`${marker}: my long explanation`);
      expect(kept.find((c) => c.mutationId === 3)?.reason).toMatch(/could not store this change/);
      expect(kept.find((c) => c.mutationId === 2)?.mine).toContain(badVisit.id);
    } finally {
      await get().db.query('DROP TRIGGER IF EXISTS trust_refuse ON entities');
    }
  });

  it(`[${label}] property: random valid-JSON garbage interleaved with real notes never blocks them: every real note applies, in one push or many`, async () => {
    const tn = tenant('garbage');
    const { token, ticketId } = await ticketOnServer(await addUser(get().db, tn));
    let run = 0;
    // Text rich in what the database cannot store, so poison values turn up in most runs.
    const nasty = fc.string({ unit: fc.constantFrom('a', ' ', 'é', '中', '😀', '\u0000', '\uD83D', '\uDE00', '\uDBFF') });
    const garbage = fc.record({
      name: fc.oneof(fc.constantFrom(...mutationNames), fc.stringMatching(/^[a-z][A-Za-z0-9.]{0,12}@\d{1,2}$/)),
      args: fc.oneof(fc.dictionary(nasty, nasty), fc.jsonValue({ stringUnit: 'binary', maxDepth: 4 }), fc.record({ ticketId: fc.constant(ticketId), text: nasty, visibility: fc.constantFrom('internal', 'public', 'x') })),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(fc.oneof(fc.constant(null), garbage), { minLength: 1, maxLength: 25 }), fc.integer({ min: 1, max: 10 }), async (items, batch) => {
        const clientId = `garbage-${label}-${++run}`;
        const sent = items.map((g, i) => (g === null ? note(i + 1, ticketId, `real ${clientId} #${i + 1}`) : { id: i + 1, name: g.name, args: g.args, clientTime: 1 }));
        for (let i = 0; i < sent.length; i += batch) {
          const r = await push(token, clientId, sent.slice(i, i + batch));
          expect(r.status).toBe(200);
          expect(r.body.lastMutationId).toBe(Math.min(sent.length, i + batch));
        }
        const real = sent.filter((_, i) => items[i] === null).map((m) => (m.args as { text: string }).text);
        const stored = new Set((await notesOn(tn, ticketId)).map((n) => n.text));
        expect(real.filter((t) => !stored.has(t))).toEqual([]);
      }),
      { numRuns: 20 },
    );
  }, 180_000);

  it(`[${label}] a push or pull under another user's client id is refused (403) and changes nothing; the owner's next change applies`, async () => {
    const tn = tenant('borrow');
    const owner = await device(await addUser(get().db, tn));
    const t = newTicket();
    await runMutation(owner.db, 'ticket.create@1', { ticket: t });
    await owner.sync.syncNow();
    const clientId = String((await owner.db.meta.get('clientId'))?.value);
    const thief = await addUser(get().db, tn);
    const token = await loginToken(get().server, thief);
    const state = async () => JSON.stringify(await get().db.query(`SELECT 'row' AS k, tbl || '/' || id AS id, version::text AS v FROM entities WHERE tenant_id = $1
      UNION ALL SELECT 'client', client_id || '/' || user_id, last_mutation_id::text FROM clients WHERE tenant_id = $1 ORDER BY 1, 2`, [tn]));
    const before = await state();
    const pushed = await push(token, clientId, [note(2, t.id, 'in someone else’s name'), note(3, t.id, 'and again')]);
    expect(pushed.status).toBe(403);
    expect(pushed.body.error?.code).toBe('client_id_not_yours');
    expect(pushed.body.error?.message).toMatch(/belongs to another user/);
    const pulled = await post('/pull', token, JSON.stringify({ clientId, schemaVersion: SCHEMA_VERSION, cursor: 0 }));
    expect(pulled.status).toBe(403);
    expect(await state()).toBe(before);

    await runMutation(owner.db, 'timeline.addNote@1', { ticketId: t.id, visibility: 'internal', text: 'the owner’s own next note' });
    expect(await owner.sync.syncNow()).toMatchObject({ state: 'idle', pending: 0 });
    expect((await notesOn(tn, t.id)).map((n) => n.text)).toEqual(['the owner’s own next note']);
  });

  it(`[${label}] authorship comes from the session: a ticket, visit or note claimed in a colleague’s name is stored in the pusher’s`, async () => {
    const tn = tenant('author');
    const me = await addUser(get().db, tn, 'dispatcher');
    const colleague = await addUser(get().db, tn, 'dispatcher');
    const token = await loginToken(get().server, me);
    const t = newTicket({ createdBy: colleague.id });
    const v = { id: `v-forged-${label}`, ticketId: t.id, customerId: 'cust-1', kind: 'fault', reason: 'requested_by_hand', site: { address: '1 Example Road', timeZone: 'Europe/Sofia' },
      status: 'unscheduled', travelBufferMinutes: 0, parts: [], sequence: 0, createdAt: 1, createdBy: colleague.id, updatedAt: 1, updatedBy: colleague.id,
      workNotes: [{ at: 1, by: colleague.id, text: 'said by the colleague' }], history: [{ at: 1, by: colleague.id, action: 'create', detail: '' }] };
    const r = await push(token, `author-${label}-1`, [
      { id: 1, name: 'ticket.create@1', args: { ticket: t }, clientTime: 1 },
      { id: 2, name: 'visit.create@1', args: { visit: v }, clientTime: 1 },
      { id: 3, name: 'timeline.addNote@1', args: { ticketId: t.id, visibility: 'internal', text: 'mine', by: colleague.id }, clientTime: 1 },
    ]);
    expect(r.body.results?.map((x) => x.status)).toEqual(['applied', 'applied', 'applied']);
    const rows = await get().db.query<{ tbl: string; data: Record<string, unknown> }>(`SELECT tbl, data FROM entities WHERE tenant_id = $1 AND tbl IN ('tickets', 'visits', 'timeline')`, [tn]);
    const authors = new Set<unknown>();
    for (const row of rows) {
      const d = row.data as { createdBy?: string; updatedBy?: string; by?: string; workNotes?: Array<{ by: string }>; history?: Array<{ by: string }> };
      for (const who of [d.createdBy, d.updatedBy, d.by, ...(d.workNotes ?? []).map((w) => w.by), ...(d.history ?? []).map((h) => h.by)]) if (who !== undefined) authors.add(who);
    }
    expect([...authors]).toEqual([me.id]);
  });
}
