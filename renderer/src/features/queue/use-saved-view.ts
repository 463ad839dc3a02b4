import { useLiveQuery } from 'dexie-react-hooks';
import type { SavedView } from '../../../../shared/views';
import type { Ticket } from '../../../../shared/ticket';
import { useServices } from '../../app/services';
import { savedViewCollection } from './saved-views';

export function useSavedViewCount(view: SavedView | undefined, now: number): number | undefined {
  const { db } = useServices();
  return useLiveQuery(() => (view ? savedViewCollection(db, view, now).count() : 0), [db, view, now]);
}

export function useSavedViewPage(view: SavedView | undefined, now: number, offset: number, limit: number): Ticket[] | undefined {
  const { db } = useServices();
  return useLiveQuery(() => (view ? savedViewCollection(db, view, now).offset(offset).limit(limit).toArray() : []), [db, view, now, offset, limit]);
}
