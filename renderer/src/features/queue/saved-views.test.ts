import { afterEach, describe, expect, it } from 'vitest';
import { openDb, runMutation, setActor, type ServiceDeskDb } from '../../data';
import { savedViewSchema, type SavedView } from '../../../../shared/views';
import type { Mutate } from '../../app/mutations';
import { LEGACY_META_KEY, migrateLocalViews } from './saved-views';

const view = (id: string, ownerId: string, name: string): SavedView => savedViewSchema.parse({ id, ownerId, name, updatedAt: 1_700_000_000_000, filters: { regions: ['emea-anz'] } });

describe('migrateLocalViews: device-local views move into the synced table once', () => {
  let db: ServiceDeskDb | undefined;
  afterEach(async () => {
    await db?.delete();
    db = undefined;
  });

  async function setup(meta: unknown[]): Promise<{ d: ServiceDeskDb; mutate: Mutate; calls: string[] }> {
    const d = openDb(`views-${Math.random()}`);
    db = d;
    await setActor(d, { userId: 'eng-alex', role: 'agent', region: 'emea-anz' });
    await d.meta.put({ key: LEGACY_META_KEY, value: meta });
    const calls: string[] = [];
    const mutate: Mutate = async (name, args) => {
      calls.push(name);
      return runMutation(d, name, args);
    };
    return { d, mutate, calls };
  }

  it('moves the user\'s views through view.put@1 (queued for sync) and removes the meta key', async () => {
    const { d, mutate, calls } = await setup([view('v1', 'eng-alex', 'EMEA'), view('v2', 'eng-alex', 'Mine too'), { id: 'broken' }]);
    expect(await migrateLocalViews(d, mutate, 'eng-alex')).toBe(2);
    expect(calls).toEqual(['view.put@1', 'view.put@1']);
    expect((await d.savedViews.where('ownerId').equals('eng-alex').toArray()).map((v) => v.name).sort()).toEqual(['EMEA', 'Mine too']);
    expect((await d.outbox.toArray()).map((e) => e.name)).toEqual(['view.put@1', 'view.put@1']);
    expect(await d.meta.get(LEGACY_META_KEY)).toBeUndefined();
    // Once only: nothing is left to move.
    expect(await migrateLocalViews(d, mutate, 'eng-alex')).toBe(0);
    expect(calls).toHaveLength(2);
  });

  it('keeps another user\'s views in meta until that user is the one working', async () => {
    const { d, mutate } = await setup([view('v1', 'eng-alex', 'Mine'), view('v9', 'eng-bo', 'Theirs')]);
    expect(await migrateLocalViews(d, mutate, 'eng-alex')).toBe(1);
    expect(await d.savedViews.count()).toBe(1);
    const left = (await d.meta.get(LEGACY_META_KEY))?.value as SavedView[];
    expect(left.map((v) => v.id)).toEqual(['v9']);
  });

  it('runs once when asked twice at the same time (a re-mounted sidebar)', async () => {
    const { d, mutate, calls } = await setup([view('v1', 'eng-alex', 'Mine')]);
    const [a, b] = await Promise.all([migrateLocalViews(d, mutate, 'eng-alex'), migrateLocalViews(d, mutate, 'eng-alex')]);
    expect(a).toBe(1);
    expect(b).toBe(1);
    expect(calls).toEqual(['view.put@1']);
  });
});
