import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { savedViewSchema, type SavedView } from '../../../../shared/views';
import type { ServiceDeskDb } from '../../data/db';
import { useServices } from '../../app/services';
import { useMutations, type Mutate } from '../../app/mutations';

/** Where the first session kept saved views, device-local, before they were synced per user. */
export const LEGACY_META_KEY = 'savedViews';

/** Rows that are not a valid view are skipped rather than breaking every queue. */
function valid(rows: readonly unknown[]): SavedView[] {
  return rows.flatMap((v) => {
    const parsed = savedViewSchema.safeParse(v);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The saved views of one user (synced to each of their devices), newest first. */
export function useSavedViews(userId: string): SavedView[] | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => valid(await db.savedViews.where('ownerId').equals(userId).toArray()).sort((a, b) => b.updatedAt - a.updatedAt), [db, userId]);
}

const migrating = new WeakMap<object, Promise<number>>();

/**
 * Moves the views this device kept in meta `savedViews` into the synced table, through
 * view.put@1 so they reach the user's other devices. Only the signed-in user's views can be
 * written in their name: another user's stay in meta until that user works on this device; the
 * meta key goes once it is empty. Safe to repeat (putting an unchanged view writes nothing).
 * Resolves to the number of views moved.
 */
export function migrateLocalViews(db: ServiceDeskDb, mutate: Mutate, userId: string): Promise<number> {
  const running = migrating.get(db);
  if (running) return running;
  const run = (async () => {
    const row = await db.meta.get(LEGACY_META_KEY);
    if (!row) return 0;
    const list = Array.isArray(row.value) ? (row.value as unknown[]) : [];
    const mine = valid(list).filter((v) => v.ownerId === userId);
    const moved = new Set<string>();
    for (const view of mine) {
      const r = await mutate('view.put@1', { view });
      if (r.outcome === 'applied') moved.add(view.id);
    }
    await db.transaction('rw', db.meta, async () => {
      const now = await db.meta.get(LEGACY_META_KEY);
      const left = (Array.isArray(now?.value) ? (now.value as unknown[]) : []).filter((v) => {
        const parsed = savedViewSchema.safeParse(v);
        // Unreadable entries are dropped: they could never be shown or moved.
        return parsed.success && !(parsed.data.ownerId === userId && moved.has(parsed.data.id));
      });
      if (left.length === 0) await db.meta.delete(LEGACY_META_KEY);
      else await db.meta.put({ key: LEGACY_META_KEY, value: left });
    });
    return moved.size;
  })().finally(() => migrating.delete(db));
  migrating.set(db, run);
  return run;
}

/** Runs the one-time move of device-local views for whoever is signed in. */
export function useMigrateLocalViews(userId: string): void {
  const { db } = useServices();
  const mutate = useMutations();
  useEffect(() => {
    migrateLocalViews(db, mutate, userId).catch((e: unknown) => console.error('saved views: moving local views failed', e));
  }, [db, mutate, userId]);
}
