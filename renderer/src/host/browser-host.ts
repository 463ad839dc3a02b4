import { alertMessages, createTimerClock } from '../../../shared/alerts';
import { createEventHub } from './event-hub';
import { createWebAlerts } from './web-alerts';
import { createWebHandlers } from './web-handlers';
import { createWebHost, type WebHost } from './web-host';
import { browserNotificationApi, createWebNotifier } from './web-notifier';

/** The web host wired to the page: shared SLA timers and notifications, title counts, events back into the UI. */
export function createBrowserHost(version: string): WebHost {
  // Like main, hold events until the page has subscribed and sent its first watch list.
  const hub = createEventHub({ held: true });
  const notifier = createWebNotifier(browserNotificationApi(), () => window.focus());
  const alerts = createWebAlerts({
    clock: createTimerClock({
      setTimeout: (callback, delayMs) => window.setTimeout(callback, delayMs),
      clearTimeout: (handle) => window.clearTimeout(handle),
      now: () => Date.now(),
      monotonic: () => performance.now(),
    }),
    storage: localStorage,
    notifier,
    onAlerts: (list) => hub.emit('sla.alerts', { alerts: list }),
    onOpen: (ticketId) => {
      if (ticketId) hub.emit('ticket.open', { ticketId });
    },
  });
  const host = createWebHost(
    createWebHandlers({
      version,
      alerts,
      onWatchListReceived: () => hub.release(),
      setTitleCounts: (breached, atRisk, language) => {
        const app = alertMessages[language].appName;
        document.title = breached + atRisk > 0 ? `(${breached}/${atRisk}) ${app}` : app;
      },
    }),
    hub,
    { notificationControl: notifier.control },
  );
  // A hidden tab's timers are throttled and a sleeping laptop's stop: look again when it is back.
  const recheck = (): void => alerts.timers.recheck();
  document.addEventListener('visibilitychange', recheck);
  window.addEventListener('focus', recheck);
  window.addEventListener('online', recheck);
  return host;
}
