import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../../app/services';

/** Ids of the policies and calendars an admin has stored (edits of presets, or new ones). */
export function useStoredConfigIds(): { policies: Set<string>; calendars: Set<string>; loaded: boolean } {
  const { db } = useServices();
  const ids = useLiveQuery(async () => ({ policies: (await db.policies.toCollection().primaryKeys()) as string[], calendars: (await db.calendars.toCollection().primaryKeys()) as string[] }), [db]);
  return { policies: new Set(ids?.policies ?? []), calendars: new Set(ids?.calendars ?? []), loaded: ids !== undefined };
}
