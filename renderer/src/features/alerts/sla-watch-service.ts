import i18next from 'i18next';
import type { BackgroundService } from '../../app/background';
import { useRouter } from '../../app/router';
import { currentMinute, subscribeMinute } from '../../app/use-now';
import { configContractRows, getConfig, useConfigStore } from '../../config/config-store';
import { backgroundTurn, DueRangeCache, NO_DUE, syncScope } from '../../data';
import { slaAlertEventId } from '../../../../shared/sync';
import { unrecordedAlerts } from './unrecorded-alerts';
import type { FiredAlert } from '../../../../shared/ipc';
import { buildWatchList, HOUR_MS, recordAlertArgs, WATCH_HORIZON_MS, watchFromHeld } from './watch-input';

/** Alerts checked against the store together (two reads per chunk). */
const RECORD_CHUNK = 200;
/** New alerts recorded per write transaction. */
const RECORD_PER_WRITE = 50;

/** How long a burst of writes may last before the watch list is worked out again. */
const CHANGE_DEBOUNCE_MS = 150;

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
    // One batch at a time, in order, so the outbox keeps the order the alerts fired in.
    let chain = Promise.resolve();
    const record = (alerts: readonly FiredAlert[]) => {
      chain = chain.then(async () => {
        for (let i = 0; i < alerts.length; i += RECORD_CHUNK) {
          await recordChunk(alerts.slice(i, i + RECORD_CHUNK));
        }
      });
    };
    const recordChunk = async (chunk: readonly FiredAlert[]): Promise<void> => {
      const args = chunk.map(recordAlertArgs);
      const ids = args.map(slaAlertEventId);
      let tickets: unknown[];
      let events: unknown[];
      try {
        // Which tickets are here and which alerts are already on a timeline: two reads per chunk, not two per alert.
        [tickets, events] = await Promise.all([db.tickets.bulkGet(chunk.map((a) => a.ticketId)), db.timeline.bulkGet(ids)]);
      } catch (e) {
        // The store could not be read (closing): all kept for the next start.
        return console.error(`SLA alerts kept to record later: ${String(e)}`);
      }
      const done: FiredAlert[] = [];
      const todo: { alert: FiredAlert; args: (typeof args)[number] }[] = [];
      const seen = new Set<string>();
      for (const [j, a] of chunk.entries()) {
        const id = ids[j] ?? '';
        const arg = args[j];
        // The host's timers may still hold a ticket this device no longer has (deleted, out of
        // scope, the demo set removed at sign-in): there is nothing to record it on.
        // Already on the timeline (another device, an earlier run, a backup or the demo
        // history) or earlier in this chunk: recording it again would only queue a no-op for the server.
        if (tickets[j] && !events[j] && !seen.has(id) && arg) {
          seen.add(id);
          todo.push({ alert: a, args: arg });
        } else done.push(a);
      }
      for (let k = 0; k < todo.length; k += RECORD_PER_WRITE) {
        const group = todo.slice(k, k + RECORD_PER_WRITE);
        // Each write is one the whole store waits for and re-runs the screen's queries: a backlog
        // of thousands goes between the user's reads, a few dozen records per write.
        await backgroundTurn();
        try {
          // One transaction for the group: each record stays its own change in the outbox, in order.
          await db.transaction('rw', syncScope(db), async () => {
            for (const { alert, args: one } of group) {
              const r = await mutate('ticket.recordSlaAlert@1', one);
              if (r.outcome !== 'applied') console.warn(`SLA alert for ${alert.ticketId} not recorded: ${r.message ?? r.outcome}`);
            }
          });
          done.push(...group.map((x) => x.alert));
        } catch (e) {
          // The store could not be written (closing, full): kept for the next start.
          console.error(`${group.length} SLA alerts kept to record later: ${String(e)}`);
        }
      }
      unrecorded.releaseAll(done);
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
    // one index range, read once per hour (and when the configuration changes); in between only
    // the tickets written since are read again and their entries worked out anew. Only each
    // ticket's entries and nearest target are held, never the rows.
    const cache = new DueRangeCache(db, (row) => ({ dueAt: row.dueAt ?? NO_DUE, entries: buildWatchList([row], getConfig().customers, getConfig().policies, getConfig().calendars, Date.now(), configContractRows(getConfig())) }));
    let stopped = false;
    let sentWatch: string | undefined;
    let sentCounts: string | undefined;
    // One refresh at a time; a change meanwhile asks for one more after it.
    let running: Promise<void> | undefined;
    let again = false;
    const refresh = (): void => {
      if (running) {
        again = true;
        return;
      }
      running = (async () => {
        do {
          again = false;
          const hour = Math.floor(currentMinute() / HOUR_MS);
          const now = Date.now();
          const held = await cache.refresh((hour + 1) * HOUR_MS + WATCH_HORIZON_MS, getConfig());
          if (stopped) return;
          const { entries, counts } = watchFromHeld(held.values(), now);
          // The host re-arms its timers on every list: only a different list is sent.
          const watchKey = JSON.stringify(entries);
          if (watchKey !== sentWatch) {
            sentWatch = watchKey;
            host.invoke('sla.setWatchList', { entries }).catch((e: unknown) => console.error(`could not hand the SLA watch list to the host: ${String(e)}`));
          }
          const countsKey = `${counts.breached}/${counts.atRisk}`;
          if (countsKey !== sentCounts) {
            sentCounts = countsKey;
            host.invoke('tray.setCounts', counts).catch((e: unknown) => console.error(`could not update the tray: ${String(e)}`));
          }
        } while (again && !stopped);
      })()
        .catch((e: unknown) => console.error(`SLA watch list: ${String(e)}`))
        .finally(() => {
          running = undefined;
        });
    };
    // Writes come in bursts (a sync page, a bulk action): one refresh after the burst.
    let burst: ReturnType<typeof setTimeout> | undefined;
    const offChange = cache.onChange(() => {
      if (burst === undefined) burst = setTimeout(() => ((burst = undefined), refresh()), CHANGE_DEBOUNCE_MS);
    });

    refresh();
    const offMinute = subscribeMinute(refresh);
    const offConfig = useConfigStore.subscribe(refresh);
    return () => {
      stopped = true;
      clearTimeout(burst);
      offChange();
      offMinute();
      offConfig();
      cache.stop();
      offs.forEach((off) => off());
      i18next.off('languageChanged', tellLanguage);
    };
  },
};
