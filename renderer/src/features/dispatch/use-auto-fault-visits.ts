import { useEffect, useState } from 'react';
import { useMutations } from '../../app/mutations';
import { useServices } from '../../app/services';
import { useSession } from '../../app/session';
import { useMinute } from '../../app/use-now';
import { useConfig } from '../../config/config-store';
import { createDueFaultVisits, type AutoVisitsResult } from './auto-fault-visits';

let runs: Promise<void> = Promise.resolve();

/**
 * While mounted, creates the fault visit of every open ticket whose online window ended unresolved
 * (once a minute and on mount). Returns the last run's outcome so the board can say what failed.
 */
export function useAutoFaultVisits(): AutoVisitsResult | undefined {
  const { db } = useServices();
  const mutate = useMutations();
  const config = useConfig();
  const by = useSession((s) => s.session.userId);
  const minute = useMinute();
  const [result, setResult] = useState<AutoVisitsResult>();
  useEffect(() => {
    let live = true;
    // Runs one after another (never two at once), so a second run sees the first one's visits.
    runs = runs
      .then(() => createDueFaultVisits(db, mutate, config, Date.now(), by))
      .then((r) => {
        if (live) setResult(r);
      })
      .catch((e: unknown) => {
        if (live) setResult({ created: [], failed: [{ ticketId: '', message: e instanceof Error ? e.message : String(e) }] });
      });
    return () => {
      live = false;
    };
  }, [db, mutate, config, by, minute]);
  return result;
}
