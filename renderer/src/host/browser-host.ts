import { createWebHost, type WebHost } from './web-host';
import { createWebHandlers } from './web-handlers';
import { createWebSlaTimers } from './web-sla-timers';

/** The web host wired to the page: timers, title counts, and events back into the UI. */
export function createBrowserHost(version: string): WebHost {
  const emitter: { host?: WebHost } = {};
  const timers = createWebSlaTimers(Date.now, (alerts) => emitter.host?.emit('sla.alerts', { alerts }));
  const host = createWebHost(
    createWebHandlers({
      version,
      setWatchList: ({ entries }) => timers.setWatchList(entries),
      setTitleCounts: (breached, atRisk) => {
        document.title = breached + atRisk > 0 ? `(${breached}/${atRisk}) Service Desk` : 'Service Desk';
      },
    }),
  );
  emitter.host = host;
  document.addEventListener('visibilitychange', () => timers.recheck());
  return host;
}
