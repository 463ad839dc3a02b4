import { useLiveQuery } from 'dexie-react-hooks';
import { conflictVisitId } from '../../../../shared/sync';
import { useServices } from '../../app/services';

/**
 * Visits with an open sync conflict (a reassignment, move or cancellation that met the engineer's
 * field progress): the board marks them so the dispatcher decides again instead of assuming the
 * booking on screen is what happens.
 */
export function useOpenVisitConflicts(): ReadonlySet<string> {
  const { db } = useServices();
  const ids = useLiveQuery(
    async () => (await db.conflicts.where('status').equals('open').toArray()).map((c) => conflictVisitId(String(c.field ?? ''))).filter((id): id is string => id !== undefined),
    [db],
  );
  return new Set(ids ?? []);
}
