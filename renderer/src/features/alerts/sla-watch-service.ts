import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import { useMutations } from '../../app/mutations';
import { useRouter } from '../../app/router';
import { useServices } from '../../app/services';
import { useMinute } from '../../app/use-now';
import { useConfig } from '../../config/config-store';
import { ticketIndex, uncachedRead } from '../../data';
import { slaAlertEventId } from '../../../../shared/sync';
import { useHostLanguage } from './use-host-language';
import { unrecordedAlerts } from './unrecorded-alerts';
import type { FiredAlert } from '../../../../shared/ipc';
import { AT_RISK_MS, buildWatchList, HOUR_MS, recordAlertArgs, WATCH_HORIZON_MS } from './watch-input';

export type SlaWatchOptions = {
  /** The host asked for a sync (tray "Sync now"); the app passes the sync client's trigger. */
  onSyncRequested: () => void;
};

/**
 * Keeps the host's SLA watch current (and its notification language, see useHostLanguage) and
 * handles what it sends back: alerts are recorded on the ticket timeline, a clicked notification
 * opens its ticket, a tray "Sync now" triggers a sync.
 * Mount once at app level. It subscribes before sending its first watch list, because the host
 * holds events (e.g. alerts fired at start-up) until that first list arrives.
 */
export function useSlaWatch({ onSyncRequested }: SlaWatchOptions): void {
  useHostLanguage();
  const { db, host } = useServices();
  const mutate = useMutations();
  const navigate = useRouter((s) => s.navigate);
  const config = useConfig();
  const minute = useMinute();
  const hour = Math.floor(minute / HOUR_MS);
  const [subscribed, setSubscribed] = useState(false);
  const syncRef = useRef(onSyncRequested);

  useEffect(() => {
    syncRef.current = onSyncRequested;
  }, [onSyncRequested]);

  useEffect(() => {
    const unrecorded = unrecordedAlerts(localStorage);
    // One batch at a time, one alert at a time, so the outbox keeps the order the alerts fired in.
    let chain = Promise.resolve();
    const record = (alerts: readonly FiredAlert[]) => {
      chain = chain.then(async () => {
        for (const a of alerts) {
          // The host's timers may still hold a ticket this device no longer has (deleted, out of
          // scope, the demo set removed at sign-in): there is nothing to record it on.
          // Already on the timeline (another device, an earlier run, a backup or the demo
          // history): recording it again would only queue a no-op for the server.
          const args = recordAlertArgs(a);
          try {
            if ((await db.tickets.get(a.ticketId)) && !(await db.timeline.get(slaAlertEventId(args)))) {
              const r = await mutate('ticket.recordSlaAlert@1', args);
              if (r.outcome !== 'applied') console.warn(`SLA alert for ${a.ticketId} not recorded: ${r.message ?? r.outcome}`);
            }
            unrecorded.release(a);
          } catch (e) {
            // The store could not be written (closing, full): kept for the next start.
            console.error(`SLA alert for ${a.ticketId} kept to record later: ${String(e)}`);
          }
        }
      });
    };
    // Alerts fired but not recorded before the last reload or crash.
    record(unrecorded.list());
    const offs = [
      host.on('sla.alerts', ({ alerts }) => {
        unrecorded.hold(alerts);
        record(alerts);
      }),
      host.on('ticket.open', ({ ticketId }) => navigate({ screen: 'ticket', id: ticketId })),
      host.on('sync.requested', () => syncRef.current()),
    ];
    setSubscribed(true);
    return () => {
      offs.forEach((off) => off());
      setSubscribed(false);
    };
  }, [db, host, mutate, navigate]);

  // Only tickets whose nearest target is within a week can alert before the next hourly refresh:
  // one index range, never a scan of every ticket.
  // Only the (small) watch list is kept: holding every open ticket due within a week as React
  // state, or in Dexie's live-query cache, would keep tens of thousands of full tickets alive.
  const watch = useLiveQuery(
    () =>
      uncachedRead(db, [db.tickets, db.customers], async () => {
        const horizon = (hour + 1) * HOUR_MS + WATCH_HORIZON_MS;
        const tickets = await db.tickets.where(ticketIndex.dueAt).below(horizon).toArray();
        const ids = [...new Set(tickets.map((t) => t.customerId))];
        const customers = await db.customers.bulkGet(ids);
        return buildWatchList(tickets, new Map(customers.flatMap((c) => (c ? [[c.id, c] as const] : []))), config.policies, config.calendars, Date.now());
      }),
    [db, hour, config],
  );

  useEffect(() => {
    if (!subscribed || !watch) return;
    host.invoke('sla.setWatchList', { entries: watch }).catch((e: unknown) => console.error(`could not hand the SLA watch list to the host: ${String(e)}`));
  }, [host, subscribed, watch]);

  const counts = useLiveQuery(async () => {
    const now = Date.now();
    const [breached, atRisk] = await Promise.all([db.tickets.where(ticketIndex.dueAt).below(now).count(), db.tickets.where(ticketIndex.dueAt).between(now, now + AT_RISK_MS, true, false).count()]);
    return { breached, atRisk };
  }, [db, minute]);

  useEffect(() => {
    if (!counts) return;
    host.invoke('tray.setCounts', counts).catch((e: unknown) => console.error(`could not update the tray: ${String(e)}`));
  }, [host, counts]);
}
