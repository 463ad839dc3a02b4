import { watchEntryKey, type WatchEntry } from '../../../shared/sla/watch';
import type { FiredAlert, IpcOutput } from '../../../shared/ipc';

// Browsers clamp longer timeouts to ~24.8 days and fire at once; re-arm in steps instead.
const MAX_TIMEOUT = 2 ** 31 - 1;

/**
 * The web host's SLA timers: arms one page timer for the earliest watch entry and fires each
 * entry once. (The desktop app keeps this watch in the main process, so it survives a closed window.)
 */
export function createWebSlaTimers(now: () => number, onFire: (alerts: FiredAlert[]) => void) {
  let entries: WatchEntry[] = [];
  const fired = new Set<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;

  const arm = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    const next = entries.find((e) => !fired.has(watchEntryKey(e)));
    if (!next) return;
    timer = setTimeout(fireDue, Math.min(MAX_TIMEOUT, Math.max(0, next.at - now())));
  };

  const fireDue = () => {
    const t = now();
    const due = entries.filter((e) => e.at <= t && !fired.has(watchEntryKey(e)));
    for (const e of due) fired.add(watchEntryKey(e));
    if (due.length > 0) onFire(due.map((e) => ({ ticketId: e.ticketId, clock: e.clock, threshold: e.threshold, at: e.at, firedAt: t, notified: true })));
    arm();
  };

  return {
    setWatchList(list: WatchEntry[]): IpcOutput<'sla.setWatchList'> {
      entries = [...list].sort((a, b) => a.at - b.at);
      fireDue();
      const next = entries.find((e) => !fired.has(watchEntryKey(e)));
      return { armed: entries.filter((e) => !fired.has(watchEntryKey(e))).length, nextAt: next?.at ?? null };
    },
    /** Re-check after the tab was asleep or hidden (timers may have been throttled). */
    recheck: fireDue,
  };
}
