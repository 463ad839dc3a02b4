import { create } from 'zustand';
import type { BackgroundService } from '../../app/background';
import { useSession } from '../../app/session';
import { subscribeMinute } from '../../app/use-now';
import { getConfig, useConfigStore } from '../../config/config-store';
import { createDueFaultVisits, FaultVisitCandidates, type AutoVisitsResult } from './auto-fault-visits';

/** The last automatic run's outcome, for the board to say what failed (UI state, not data). */
export const useAutoFaultVisitsResult = create<{ result?: AutoVisitsResult }>(() => ({}));

// Another window of the same profile (a second browser tab) runs the same job; the Web Lock lets
// only one of them create visits at a time, so the other sees the first one's visits.
const LOCK = 'service-desk:auto-fault-visits';

function exclusively(job: () => Promise<void>): Promise<void> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? locks.request(LOCK, job) : job();
}

/**
 * Creates the fault visit of every open ticket whose online window ended unresolved, on start,
 * every minute and when the configuration or the signed-in user changes, whichever screen is
 * open. The visit id comes from the ticket, so windows and devices running this at the same time
 * never make a second visit.
 */
export const autoFaultVisitsService: BackgroundService = {
  name: 'auto-fault-visits',
  start({ db, sync, mutate }) {
    let stopped = false;
    const held = new FaultVisitCandidates(db);
    // Runs one after another (never two at once), so a second run sees the first one's visits.
    let runs: Promise<void> = Promise.resolve();
    // Triggers that arrive while a run waits to start share it.
    let queued = false;
    const trigger = (): void => {
      if (queued) return;
      queued = true;
      runs = runs
        .then(() =>
          exclusively(async () => {
            queued = false;
            if (stopped) return;
            const syncedOnly = sync.server() !== undefined;
            const result = await createDueFaultVisits(db, mutate, getConfig(), Date.now(), useSession.getState().session.userId, { syncedOnly, held });
            if (!stopped) useAutoFaultVisitsResult.setState({ result });
          }),
        )
        .catch((e: unknown) => {
          queued = false;
          if (!stopped) useAutoFaultVisitsResult.setState({ result: { created: [], failed: [{ ticketId: '', message: e instanceof Error ? e.message : String(e) }] } });
        });
    };
    trigger();
    const offs = [
      subscribeMinute(trigger),
      useConfigStore.subscribe(trigger),
      useSession.subscribe((s, before) => {
        if (s.session.userId !== before.session.userId) trigger();
      }),
    ];
    return () => {
      stopped = true;
      offs.forEach((off) => off());
      void runs.then(() => held.stop());
    };
  },
};
