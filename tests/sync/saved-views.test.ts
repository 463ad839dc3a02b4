import { describe, expect, it } from 'vitest';
import { runMutation } from '../../renderer/src/data/mutate';
import { savedViewSchema, type SavedView } from '../../shared/views';
import { prepareMutation } from '../../shared/sync/registry';
import { addUser, inProcessServer, loginToken, makeClient } from './harness';

const env = inProcessServer();

const view = (ownerId: string, over: Partial<SavedView> = {}): SavedView =>
  savedViewSchema.parse({ id: `view-${ownerId}-${over.name ?? 'sev1'}`, ownerId, name: 'Sev 1 EMEA', updatedAt: 1, filters: { severities: ['1'], regions: ['emea'] }, ...over });

describe('saved views sync per user (view.put@1 / view.delete@1)', () => {
  it('a view saved on one device appears on the same user’s other device and never on a colleague’s', async () => {
    const me = await addUser(env.db, 't-views');
    const colleague = await addUser(env.db, 't-views');
    const laptop = await makeClient(env.server, me);
    const desktop = await makeClient(env.server, me);
    const theirs = await makeClient(env.server, colleague);
    const v = view(me.id);
    expect((await runMutation(laptop.db, 'view.put@1', { view: v })).outcome).toBe('applied');
    expect(await laptop.db.savedViews.get(v.id)).toMatchObject({ name: 'Sev 1 EMEA' });
    await laptop.sync.syncNow();
    await desktop.sync.syncNow();
    await theirs.sync.syncNow();
    expect(await desktop.db.savedViews.get(v.id)).toMatchObject({ ownerId: me.id, filters: { severities: ['1'], regions: ['emea'] } });
    expect(await theirs.db.savedViews.count()).toBe(0);

    // Renamed on the desktop, deleted later on the laptop: both devices end without it.
    await runMutation(desktop.db, 'view.put@1', { view: { ...v, name: 'Sev 1 Europe', updatedAt: 2 } });
    await desktop.sync.syncNow();
    await laptop.sync.syncNow();
    expect(await laptop.db.savedViews.get(v.id)).toMatchObject({ name: 'Sev 1 Europe' });
    await runMutation(laptop.db, 'view.delete@1', { id: v.id });
    expect(await laptop.db.savedViews.get(v.id)).toBeUndefined();
    await laptop.sync.syncNow();
    await desktop.sync.syncNow();
    expect(await desktop.db.savedViews.get(v.id)).toBeUndefined();
    expect(await desktop.db.conflicts.count()).toBe(0);
  });

  it('nobody can overwrite or delete someone else’s view: the attempt is a visible conflict and the view is unchanged', async () => {
    const owner = await addUser(env.db, 't-views-2');
    const other = await addUser(env.db, 't-views-2');
    const a = await makeClient(env.server, owner);
    const b = await makeClient(env.server, other);
    const v = view(owner.id, { name: 'mine' });
    await runMutation(a.db, 'view.put@1', { view: v });
    await a.sync.syncNow();

    const hijack = await runMutation(b.db, 'view.put@1', { view: { ...v, ownerId: other.id, name: 'hijacked' } });
    // Locally b has no such view, so its own copy is accepted; the server knows better.
    expect(hijack.outcome).toBe('applied');
    await runMutation(b.db, 'view.delete@1', { id: v.id });
    await b.sync.syncNow();
    // Both the overwrite and the delete come back as conflicts b can see.
    expect((await b.db.conflicts.toArray()).map((c) => c.reason)).toEqual([expect.stringMatching(/belongs to another user/), expect.stringMatching(/belongs to another user/)]);
    expect(await b.db.savedViews.count()).toBe(0);
    await a.sync.syncNow();
    expect(await a.db.savedViews.get(v.id)).toMatchObject({ name: 'mine', ownerId: owner.id });
  });

  it('a view without a name or columns is refused before anything is stored', async () => {
    expect(prepareMutation('view.put@1', { view: { ...view('u1'), name: ' ' } })).toMatchObject({ ok: false, code: 'invalid_args' });
    expect(prepareMutation('view.put@1', { view: { ...view('u1'), columns: [] } })).toMatchObject({ ok: false, code: 'invalid_args' });
    const me = await addUser(env.db, 't-views-3');
    const c = await makeClient(env.server, me);
    await expect(runMutation(c.db, 'view.put@1', { view: { ...view(me.id), name: '' } })).rejects.toThrow(/name/);
    expect(await c.db.savedViews.count()).toBe(0);
    expect(await c.db.outbox.count()).toBe(0);
  });

  it('a client of an older schema version is not sent saved views it could not store', async () => {
    const me = await addUser(env.db, 't-views-4');
    const c = await makeClient(env.server, me);
    await runMutation(c.db, 'view.put@1', { view: view(me.id) });
    await c.sync.syncNow();
    const old = await makeClient(env.server, me);
    const token = await loginToken(env.server, me);
    const res = await env.server.fetch(new Request('http://test/pull', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify({ clientId: 'old-client-1', schemaVersion: 3, cursor: 0 }) }));
    const body = (await res.json()) as { rows: Array<{ table: string }> };
    expect(body.rows.some((r) => r.table === 'savedViews')).toBe(false);
    await old.sync.syncNow();
    expect(await old.db.savedViews.count()).toBe(1);
  });
});
