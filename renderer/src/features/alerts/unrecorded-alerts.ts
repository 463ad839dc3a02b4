import { z } from 'zod';
import { firedAlertSchema, type FiredAlert } from '../../../../shared/ipc';
import { slaAlertEventId } from '../../../../shared/sync';
import { recordAlertArgs } from './watch-input';

/** Fired SLA alerts not yet recorded on their ticket's timeline, kept across a reload or a crash. */
export const UNRECORDED_KEY = 'service-desk.unrecorded-sla-alerts';

export type AlertStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const heldSchema = z.array(firedAlertSchema);
const keyOf = (a: FiredAlert): string => slaAlertEventId(recordAlertArgs(a));

/**
 * The host marks an alert fired before the page records it on the ticket (an IndexedDB write that
 * takes a moment). Alerts are written here synchronously first, so a reload or crash in between
 * leaves them to be recorded at the next start (the recording is idempotent) instead of losing
 * them: the host would never fire them again.
 */
export function unrecordedAlerts(storage: AlertStorage) {
  const read = (): FiredAlert[] => {
    try {
      const parsed = heldSchema.safeParse(JSON.parse(storage.getItem(UNRECORDED_KEY) ?? '[]'));
      return parsed.success ? parsed.data : [];
    } catch {
      return [];
    }
  };
  const write = (alerts: FiredAlert[]): void => {
    if (alerts.length === 0) storage.removeItem(UNRECORDED_KEY);
    else storage.setItem(UNRECORDED_KEY, JSON.stringify(alerts));
  };
  return {
    /** Everything still to record (oldest first). */
    list: read,
    /** Keeps alerts until each is released. */
    hold(alerts: readonly FiredAlert[]): void {
      const held = read();
      const known = new Set(held.map(keyOf));
      write([...held, ...alerts.filter((a) => !known.has(keyOf(a)))]);
    },
    /** The alert is on its ticket's timeline (or has no ticket here any more). */
    release(alert: FiredAlert): void {
      this.releaseAll([alert]);
    },
    /**
     * These alerts are recorded: one read and one write for all of them. Released one by one, a
     * backlog of thousands rewrote the whole held list (a megabyte) per alert, for minutes.
     */
    releaseAll(alerts: readonly FiredAlert[]): void {
      if (alerts.length === 0) return;
      const keys = new Set(alerts.map(keyOf));
      write(read().filter((a) => !keys.has(keyOf(a))));
    },
  };
}
