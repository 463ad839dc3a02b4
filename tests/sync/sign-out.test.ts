// Signing out in Settings › Sync: the server ends the session, the organisation's data can leave
// the device, and unsent changes are kept unless the user chose to discard them. Real server
// in-process (PGlite), real Dexie.
import { describe, expect, it } from 'vitest';
import { SCHEMA_VERSION } from '../../shared/sync';
import { openDb } from '../../renderer/src/data/db';
import { runMutation } from '../../renderer/src/data/mutate';
import { createSyncController } from '../../renderer/src/app/sync-controller';
import { addUser, appFetch, inProcessServer, memoryHost, newTicket } from './harness';

const env = inProcessServer();

const pullWith = (token: string) => env.server.fetch(new Request('http://test/pull', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ clientId: 'probe', cursor: 0, schemaVersion: SCHEMA_VERSION }) }));
const serverTickets = async (tenant: string) => (await env.db.query<{ id: string }>(`SELECT id FROM entities WHERE tenant_id = $1 AND tbl = 'tickets' ORDER BY id`, [tenant])).map((r) => r.id);

describe('signing out', () => {
  it('revokes the session, removes the organisation’s data, keeps the unsent change and sends it after the next sign-in', async () => {
    const u = await addUser(env.db, 't-signout');
    const local = openDb(`sd-signout-${process.pid}`);
    const host = memoryHost();
    const online = { value: true };
    const sync = createSyncController(local, host, { fetch: appFetch(env.server, online), connectEvents: () => () => undefined });
    await sync.start();
    await sync.login({ baseUrl: 'https://sync.example.com', tenant: 't-signout', email: u.email }, u.password);
    const sent = newTicket({ title: 'Sent before signing out' });
    await runMutation(local, 'ticket.create@1', { ticket: sent });
    await sync.syncNow();
    expect(await serverTickets('t-signout')).toEqual([sent.id]);
    const token = host.tokens.get('https://sync.example.com') ?? '';

    online.value = false;
    const unsent = newTicket({ title: 'Typed offline' });
    await runMutation(local, 'ticket.create@1', { ticket: unsent });
    online.value = true;
    const r = await sync.logout({ forget: { discardUnsent: false } });
    expect(r).toMatchObject({ revoked: true, forgot: { keptUnsent: 1, discardedUnsent: 0 } });
    expect((await pullWith(token)).status).toBe(401);
    expect(await local.tickets.count()).toBe(0);
    expect(await local.timeline.count()).toBe(0);
    expect(await local.outbox.count()).toBe(1);

    await sync.login({ baseUrl: 'https://sync.example.com', tenant: 't-signout', email: u.email }, u.password);
    await sync.syncNow();
    expect(await serverTickets('t-signout')).toEqual([sent.id, unsent.id].sort());
    expect((await local.tickets.toCollection().primaryKeys()).sort()).toEqual([sent.id, unsent.id].sort());
    sync.stop();
    local.close();
  });

  it('discards unsent changes only when asked, and says when the server could not be told', async () => {
    const u = await addUser(env.db, 't-signout-discard');
    const local = openDb(`sd-signout-discard-${process.pid}`);
    const host = memoryHost();
    const online = { value: true };
    const sync = createSyncController(local, host, { fetch: appFetch(env.server, online), connectEvents: () => () => undefined });
    await sync.start();
    await sync.login({ baseUrl: 'https://sync.example.com', tenant: 't-signout-discard', email: u.email }, u.password);
    await sync.syncNow();
    online.value = false;
    await runMutation(local, 'ticket.create@1', { ticket: newTicket({ title: 'Thrown away on purpose' }) });
    const r = await sync.logout({ forget: { discardUnsent: true } });
    expect(r).toMatchObject({ revoked: false, forgot: { keptUnsent: 0, discardedUnsent: 1 } });
    expect(await local.outbox.count()).toBe(0);
    expect(host.tokens.get('https://sync.example.com')).toBeNull();
    sync.stop();
    local.close();
  });
});
