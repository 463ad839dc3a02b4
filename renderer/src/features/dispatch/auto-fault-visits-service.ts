import { useEffect } from 'react';
import { create } from 'zustand';
import { useMutations } from '../../app/mutations';
import { useServices } from '../../app/services';
import { useSession } from '../../app/session';
import { useMinute } from '../../app/use-now';
import { useConfig } from '../../config/config-store';
import { createDueFaultVisits, type AutoVisitsResult } from './auto-fault-visits';

/** The last automatic run's outcome, for the board to say what failed (UI state, not data). */
export const useAutoFaultVisitsResult = create<{ result?: AutoVisitsResult }>(() => ({}));

// Another window of the same profile (a second browser tab) runs the same job; the Web Lock lets
// only one of them create visits at a time, so the other sees the first one's visits.
const LOCK = 'service-desk:auto-fault-visits';
let runs: Promise<void> = Promise.resolve();

function exclusively(job: () => Promise<void>): Promise<void> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request(LOCK, job) : job();
}

/**
 * Mount once for the whole app: creates the fault visit of every open ticket whose online window
 * ended unresolved, on start and every minute, whichever screen is open. The visit id comes from
 * the ticket, so windows and devices running this at the same time never make a second visit.
 */
export function useAutoFaultVisits(): void {
  const { db, sync } = useServices();
  const mutate = useMutations();
  const config = useConfig();
  const by = useSession((s) => s.session.userId);
  const minute = useMinute();
  useEffect(() => {
    let live = true;
    const syncedOnly = sync.server() !== undefined;
    // Runs one after another (never two at once), so a second run sees the first one's visits.
    runs = runs
      .then(() =>
        exclusively(async () => {
          const result = await createDueFaultVisits(db, mutate, config, Date.now(), by, { syncedOnly });
          if (live) useAutoFaultVisitsResult.setState({ result });
        }),
      )
      .catch((e: unknown) => {
        if (live) useAutoFaultVisitsResult.setState({ result: { created: [], failed: [{ ticketId: '', message: e instanceof Error ? e.message : String(e) }] } });
      });
    return () => {
      live = false;
    };
  }, [db, sync, mutate, config, by, minute]);
}
