// Settings › Sync: signing out and in as someone else must move the poke stream (SSE) to the new
// session at once, and the store must hold only the new user's data. Real server in-process.
import { describe, expect, it } from 'vitest';
import { openDb } from '../../renderer/src/data/db';
import { runMutation, setActor } from '../../renderer/src/data/mutate';
import { createSyncClient } from '../../renderer/src/data/sync-client';
import { createSyncController } from '../../renderer/src/app/sync-controller';
import { addUser, appFetch, createServer, inProcessServer, loginToken, makeClient, memoryHost, newTicket } from './harness';

const env = inProcessServer();

type Stream = { ticket: string; open: boolean; ready: Promise<void>; pokes: number };

/** Opens the real /events stream of the in-process server (what EventSource does in the app). */
function sseConnector(streams: Stream[], app: { fetch: (r: Request) => Response | Promise<Response> } = env.server) {
  return (url: string, onPoke: () => void): (() => void) => {
    const abort = new AbortController();
    let markReady = () => undefined as void;
    const s: Stream = { ticket: new URL(url).searchParams.get('ticket') ?? '', open: true, ready: new Promise<void>((r) => (markReady = r)), pokes: 0 };
    streams.push(s);
    void (async () => {
      const res = await app.fetch(new Request(url, { signal: abort.signal }));
      const reader = res.body?.getReader();
      if (!reader) return;
      abort.signal.addEventListener('abort', () => void reader.cancel().catch(() => undefined));
      const decoder = new TextDecoder();
      let buf = '';
      while (s.open) {
        const { done, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
        if (done) break;
        buf += decoder.decode(value, { stream: true });
        for (let i = buf.indexOf('\n\n'); i >= 0; i = buf.indexOf('\n\n')) {
          const event = /^event: (\w+)/m.exec(buf.slice(0, i))?.[1];
          buf = buf.slice(i + 2);
          if (event === 'ready') markReady();
          if (event === 'poke' && s.open) {
            s.pokes++;
            onPoke();
          }
        }
      }
    })();
    return () => {
      s.open = false;
      abort.abort();
    };
  };
}

/** Whose session a stream's ticket was issued for (tickets are stored hashed, like tokens). */
async function ownerOf(s: Stream | undefined): Promise<string | undefined> {
  const [row] = await env.db.query<{ user_id: string }>(`SELECT user_id FROM tokens WHERE kind = 'events' AND token_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex')`, [s?.ticket ?? '']);
  return row?.user_id;
}

async function until(what: string, check: () => boolean | Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200; i++) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`timed out waiting until ${what}`);
}

describe('sign out and in as someone else', () => {
  it('the poke stream moves to the new session at once and the previous tenant’s rows leave the device', async () => {
    const ua = await addUser(env.db, 't-sse-a');
    const ub = await addUser(env.db, 't-sse-b');
    const writerA = await makeClient(env.server, await addUser(env.db, 't-sse-a'));
    const writerB = await makeClient(env.server, await addUser(env.db, 't-sse-b'));
    const ta = newTicket({ title: 'Tenant A only' });
    await runMutation(writerA.db, 'ticket.create@1', { ticket: ta });
    await writerA.sync.syncNow();

    const local = openDb(`sd-relogin-${process.pid}`);
    const host = memoryHost();
    const streams: Stream[] = [];
    const sync = createSyncController(local, host, { fetch: appFetch(env.server), connectEvents: sseConnector(streams) });
    await sync.start();
    await sync.login({ baseUrl: 'https://sync.example.com', tenant: 't-sse-a', email: ua.email }, ua.password);
    await until('A’s ticket arrives', async () => (await local.tickets.get(ta.id)) !== undefined);
    await until('A’s stream is open', () => streams.length === 1);
    await streams[0]?.ready;
    expect(await ownerOf(streams[0])).toBe(ua.id);
    expect(streams[0]?.ticket).not.toBe(host.tokens.get('https://sync.example.com'));

    await sync.logout();
    expect(streams.filter((s) => s.open)).toHaveLength(0);

    await sync.login({ baseUrl: 'https://sync.example.com', tenant: 't-sse-b', email: ub.email }, ub.password);
    await until('a new stream is open', () => streams.slice(1).some((s) => s.open));
    expect(streams.filter((s) => s.open)).toHaveLength(1);
    expect(await ownerOf(streams.find((s) => s.open))).toBe(ub.id);
    await until('A’s rows are gone', async () => (await local.tickets.get(ta.id)) === undefined);

    // A write in B's tenant pokes this device now (the periodic sync is a minute away).
    const current = streams.find((s) => s.open);
    await current?.ready;
    await until('B’s first sync is done', () => sync.status.get().state === 'idle' && sync.status.get().lastSyncedAt !== undefined);
    const tb = newTicket({ title: 'Tenant B news' });
    await runMutation(writerB.db, 'ticket.create@1', { ticket: tb });
    await writerB.sync.syncNow();
    await until('B’s new ticket arrives through the poke', async () => (await local.tickets.get(tb.id)) !== undefined);
    expect(current?.pokes).toBeGreaterThan(0);
    expect(await local.tickets.get(ta.id)).toBeUndefined();

    sync.stop();
    expect(streams.filter((s) => s.open)).toHaveLength(0);
    local.close();
  });

  it('a sync client whose session expired closes its stream and reopens it with the next token, without a restart', async () => {
    let clock = Date.now();
    const timed = createServer({ db: env.db, now: () => clock, tokenTtlMs: 3600_000 });
    const u = await addUser(env.db, 't-sse-expiry');
    const local = openDb(`sd-expiry-${process.pid}`);
    await setActor(local, { userId: u.id, role: 'agent', region: 'north' });
    let token: string | undefined = await loginToken(timed, u);
    const streams: Stream[] = [];
    const client = createSyncClient({ db: local, baseUrl: 'https://sync.example.com', getToken: () => token, fetch: appFetch(timed), connectEvents: sseConnector(streams, timed), intervalMs: 0, now: () => clock });
    client.start();
    await until('the first stream is open', () => streams.length === 1);
    expect(await ownerOf(streams[0])).toBe(u.id);

    clock += 2 * 3600_000;
    expect(await client.syncNow()).toMatchObject({ needsLogin: true });
    expect(streams.filter((s) => s.open)).toHaveLength(0);

    token = await loginToken(timed, u);
    expect(await client.syncNow()).toMatchObject({ state: 'idle', needsLogin: false });
    await until('a new stream is open', () => streams.slice(1).some((s) => s.open));
    expect(streams.filter((s) => s.open)).toHaveLength(1);
    expect(await ownerOf(streams.find((s) => s.open))).toBe(u.id);
    client.stop();
    expect(streams.filter((s) => s.open)).toHaveLength(0);

    // Stopped before the token was read: no stream may open afterwards.
    let release = (_t: string) => undefined as void;
    const tokenLater = new Promise<string>((r) => (release = r));
    const late = createSyncClient({ db: local, baseUrl: 'https://sync.example.com', getToken: () => tokenLater, fetch: appFetch(timed), connectEvents: sseConnector(streams, timed), intervalMs: 0 });
    const before = streams.length;
    late.start();
    late.stop();
    const running = late.syncNow();
    release(token);
    await running;
    expect(streams.length).toBe(before);
    await timed.close();
    local.close();
  });
});

describe('first sign-in on a device that tried the demo', () => {
  it('the demo tickets leave the device and only the user’s own work is sent: no conflicts about tickets the server never had', async () => {
    const u = await addUser(env.db, 't-demo-signin');
    const local = openDb(`sd-demo-signin-${process.pid}`);
    await setActor(local, { userId: 'eng-alex', role: 'agent', region: 'north' });
    const demo = newTicket({ id: 'SD-DEMO-0001', title: 'Demo: core router flaps' });
    await local.tickets.put(demo);
    await runMutation(local, 'timeline.addNote@1', { ticketId: demo.id, visibility: 'internal', text: 'trying the demo' });
    const mine = newTicket({ title: 'Real: VPN down at the Sofia office' });
    await runMutation(local, 'ticket.create@1', { ticket: mine });

    const sync = createSyncController(local, memoryHost(), { fetch: appFetch(env.server), connectEvents: sseConnector([]) });
    await sync.start();
    const user = await sync.login({ baseUrl: 'https://sync.example.com', tenant: 't-demo-signin', email: u.email }, u.password);
    expect(user.retiredDemo).toEqual({ tickets: 1, pendingChanges: 1 });
    await until('the first sync is done', () => sync.status.get().state === 'idle' && sync.status.get().lastSyncedAt !== undefined && sync.status.get().pending === 0);
    sync.stop();
    expect(await local.tickets.get(demo.id)).toBeUndefined();
    expect(await local.conflicts.count()).toBe(0);
    expect((await sync.history())[0]?.detail ?? '').toMatch(/pending|demo/);

    const colleague = await makeClient(env.server, await addUser(env.db, 't-demo-signin'));
    await colleague.sync.syncNow();
    expect((await colleague.db.tickets.toArray()).map((t) => t.title)).toEqual(['Real: VPN down at the Sofia office']);
  });
});

describe('a device moving to another organisation', () => {
  it('sends the changes still queued to the new server instead of waiting forever for numbers that server never saw', async () => {
    const ua = await addUser(env.db, 't-move-a');
    const ub = await addUser(env.db, 't-move-b');
    const local = openDb(`sd-move-${process.pid}`);
    const sync = createSyncController(local, memoryHost(), { fetch: appFetch(env.server), connectEvents: sseConnector([]) });
    await sync.start();
    const idle = () => sync.status.get().state === 'idle' && sync.status.get().lastSyncedAt !== undefined && sync.status.get().pending === 0;
    await sync.login({ baseUrl: 'https://sync.example.com', tenant: 't-move-a', email: ua.email }, ua.password);
    for (let i = 0; i < 3; i++) await runMutation(local, 'ticket.create@1', { ticket: newTicket({ title: `A work ${i}` }) });
    await sync.syncNow();
    await until('A has all three', idle);
    await sync.logout();
    const later = newTicket({ title: 'Written while signed out' });
    await runMutation(local, 'ticket.create@1', { ticket: later });

    await sync.login({ baseUrl: 'https://sync.example.com', tenant: 't-move-b', email: ub.email }, ub.password);
    await sync.syncNow();
    await until('the queued change reached B', idle);
    sync.stop();
    const colleague = await makeClient(env.server, await addUser(env.db, 't-move-b'));
    await colleague.sync.syncNow();
    expect((await colleague.db.tickets.toArray()).map((t) => t.title)).toEqual(['Written while signed out']);
  });
});
