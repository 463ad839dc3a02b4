import type { ClockKind, WatchEntry } from '../sla/watch';

/** One OS toast; ticketId null means "open the app" (a grouped toast). */
export type Toast = { title: string; body: string; ticketId: string | null; urgent: boolean };

// The main process has no i18n runtime of its own yet; all toast wording lives here so a
// translation table can replace it in one place.
const clockNames: Record<ClockKind, string> = {
  first_response: 'First response',
  update_cadence: 'Update',
  online_resolution: 'Online resolution',
  on_site_arrival: 'On-site arrival',
  resolution: 'Resolution',
  rfo: 'RFO',
};

function stateText(e: WatchEntry): string {
  return e.threshold >= 100 ? 'breached' : `at ${e.threshold}%`;
}

/** The toast for a single alert: ticket id, severity and clock in the title; customer, title and time below. */
export function singleAlertToast(e: WatchEntry, formatTime: (at: number) => string): Toast {
  const verb = e.threshold >= 100 ? 'breached at' : 'reached';
  return {
    title: `${e.ticketId} · ${e.label.severity} · ${clockNames[e.clock]} ${stateText(e)}`,
    body: `${e.label.customer} — ${e.label.title}\n${clockNames[e.clock]} ${verb} ${formatTime(e.at)}`,
    ticketId: e.ticketId,
    urgent: e.threshold >= 100,
  };
}

/** One toast standing for many alerts (e.g. after a night's sleep) instead of a storm. */
export function groupedAlertToast(entries: readonly WatchEntry[]): Toast {
  const breached = entries.filter((e) => e.threshold >= 100).length;
  const warnings = entries.length - breached;
  const parts = [breached ? `${breached} breached` : '', warnings ? `${warnings} ${warnings === 1 ? 'warning' : 'warnings'}` : ''].filter(Boolean);
  const tickets = [...new Set(entries.map((e) => `${e.ticketId} (${e.label.customer})`))];
  const shown = tickets.slice(0, 3).join(', ');
  const more = tickets.length > 3 ? ` and ${tickets.length - 3} more` : '';
  return {
    title: `${entries.length} SLA alerts`,
    body: `${parts.join(', ')}: ${shown}${more}`,
    ticketId: null,
    urgent: breached > 0,
  };
}

/** A short label for a clock kind, as shown in toasts. */
export function clockName(kind: ClockKind): string {
  return clockNames[kind];
}
