import { useLiveQuery } from 'dexie-react-hooks';
import type { Collection } from 'dexie';
import { savedViewSchema, matchesViewFilters, type SavedView } from '../../../../shared/views';
import type { ServiceDeskDb } from '../../data/db';
import type { Ticket } from '../../../../shared/ticket';
import { useServices } from '../../app/services';

const KEY = 'savedViews';

async function readAll(db: ServiceDeskDb): Promise<SavedView[]> {
  const row = await db.meta.get(KEY);
  const list = Array.isArray(row?.value) ? row.value : [];
  // A damaged entry is dropped rather than breaking every queue.
  return list.flatMap((v) => {
    const parsed = savedViewSchema.safeParse(v);
    return parsed.success ? [parsed.data] : [];
  });
}

/** The saved views of one user, newest first. */
export function useSavedViews(userId: string): SavedView[] | undefined {
  const { db } = useServices();
  return useLiveQuery(async () => (await readAll(db)).filter((v) => v.ownerId === userId).sort((a, b) => b.updatedAt - a.updatedAt), [db, userId]);
}

export async function saveView(db: ServiceDeskDb, view: SavedView): Promise<void> {
  const valid = savedViewSchema.parse(view);
  await db.transaction('rw', db.meta, async () => {
    const all = await readAll(db);
    await db.meta.put({ key: KEY, value: [...all.filter((v) => v.id !== valid.id), valid] });
  });
}

export async function deleteView(db: ServiceDeskDb, id: string): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    await db.meta.put({ key: KEY, value: (await readAll(db)).filter((v) => v.id !== id) });
  });
}

type Row = Ticket & { dueAt?: number };

/** The view's rows in its sort order: walk the sort field's index, keep rows that match its filters. */
export function savedViewCollection(db: ServiceDeskDb, view: SavedView, now: number): Collection<Row, string> {
  const ordered = db.tickets.orderBy(view.sort.field) as unknown as Collection<Row, string>;
  const directed = view.sort.direction === 'desc' ? ordered.reverse() : ordered;
  return directed.filter((t) => matchesViewFilters(t, view.filters, now));
}
