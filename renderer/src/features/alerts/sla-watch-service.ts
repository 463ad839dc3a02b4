import i18next from 'i18next';
import type { BackgroundService } from '../../app/background';
import { watchQuery } from '../../app/background';
import { useRouter } from '../../app/router';
import { currentMinute, subscribeMinute } from '../../app/use-now';
import { configContractRows, getConfig, useConfigStore } from '../../config/config-store';
import { ticketIndex, uncachedRead } from '../../data';
import { slaAlertEventId } from '../../../../shared/sync';
import { unrecordedAlerts } from './unrecorded-alerts';
import type { FiredAlert } from '../../../../shared/ipc';
import { AT_RISK_MS, buildWatchList, HOUR_MS, recordAlertArgs, WATCH_HORIZON_MS } from './watch-input';

/**
 * Keeps the host's SLA watch current (and its notification language) and handles what it sends
 * back: alerts are recorded on the ticket timeline, a clicked notification opens its ticket, a
 * tray "Sync now" triggers a sync. It subscribes before sending its first watch list, because the
 * host holds events (e.g. alerts fired at start-up) until that first list arrives.
 */
export const slaWatchService: BackgroundService = {
  name: 'sla-watch',
  start({ db, host, mutate, sync }) {
    // The host writes OS notifications and the tray itself: tell it the UI language at start and
    // on every switch, before the first watch list, so alerts fired on that list use it.
    const tellLanguage = (): void => {
      const language = i18next.resolvedLanguage ?? i18next.language;
      host.invoke('app.setLanguage', { language }).catch((e: unknown) => console.error(`could not tell the host the UI language: ${String(e)}`));
    };
    tellLanguage();
    i18next.on('languageChanged', tellLanguage);

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
      host.on('ticket.open', ({ ticketId }) => useRouter.getState().navigate({ screen: 'ticket', id: ticketId })),
      host.on('sync.requested', () => void sync.syncNow()),
    ];

    // Only tickets whose nearest target is within a week can alert before the next hourly refresh:
    // one index range, never a scan of every ticket. Only the (small) watch list is kept: holding
    // every open ticket due within a week would keep tens of thousands of full tickets alive.
    let watched: { hour: number; config: unknown } | undefined;
    let stopWatch = (): void => undefined;
    const refreshWatch = (): void => {
      const hour = Math.floor(currentMinute() / HOUR_MS);
      const config = getConfig();
      if (watched && watched.hour === hour && watched.config === config) return;
      watched = { hour, config };
      stopWatch();
      stopWatch = watchQuery(
        'SLA watch list',
        () =>
          uncachedRead(db, [db.tickets, db.customers], async () => {
            const horizon = (hour + 1) * HOUR_MS + WATCH_HORIZON_MS;
            const tickets = await db.tickets.where(ticketIndex.dueAt).below(horizon).toArray();
            const ids = [...new Set(tickets.map((t) => t.customerId))];
            const customers = await db.customers.bulkGet(ids);
            return buildWatchList(tickets, new Map(customers.flatMap((c) => (c ? [[c.id, c] as const] : []))), config.policies, config.calendars, Date.now(), configContractRows(config));
          }),
        (watch) => host.invoke('sla.setWatchList', { entries: watch }).catch((e: unknown) => console.error(`could not hand the SLA watch list to the host: ${String(e)}`)),
      );
    };

    // The tray's breached / at-risk counts, on the minute and whenever a ticket changes.
    let stopCounts = (): void => undefined;
    const refreshCounts = (): void => {
      stopCounts();
      stopCounts = watchQuery(
        'tray counts',
        async () => {
          const now = Date.now();
          const [breached, atRisk] = await Promise.all([db.tickets.where(ticketIndex.dueAt).below(now).count(), db.tickets.where(ticketIndex.dueAt).between(now, now + AT_RISK_MS, true, false).count()]);
          return { breached, atRisk };
        },
        (counts) => host.invoke('tray.setCounts', counts).catch((e: unknown) => console.error(`could not update the tray: ${String(e)}`)),
      );
    };

    refreshWatch();
    refreshCounts();
    const offMinute = subscribeMinute(() => {
      refreshWatch();
      refreshCounts();
    });
    const offConfig = useConfigStore.subscribe(refreshWatch);
    return () => {
      offMinute();
      offConfig();
      stopWatch();
      stopCounts();
      offs.forEach((off) => off());
      i18next.off('languageChanged', tellLanguage);
    };
  },
};
