import type { NotificationSettings } from '../ipc';
import type { WatchEntry } from '../sla/watch';

/** Why an alert did not produce a toast (it is still recorded on the ticket). */
export type SilenceReason = 'paused' | 'muted' | 'severity' | 'quiet_hours';

export const defaultNotificationSettings: NotificationSettings = { quietHours: null, severities: [], mutedTickets: [], paused: false };

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/**
 * Whether a local minute of the day (0..1439) falls in the quiet window. The window includes its
 * start and excludes its end; a start later than the end wraps over midnight (22:00-07:00);
 * equal start and end means no quiet time at all.
 */
export function isInQuietHours(localMinute: number, quiet: NotificationSettings['quietHours']): boolean {
  if (!quiet) return false;
  const start = minutesOf(quiet.start);
  const end = minutesOf(quiet.end);
  if (start === end) return false;
  return start < end ? localMinute >= start && localMinute < end : localMinute >= start || localMinute < end;
}

/** Decides whether one alert may show a toast now; null means yes. */
export function silenceReason(entry: Pick<WatchEntry, 'ticketId' | 'label'>, settings: NotificationSettings, localMinute: number): SilenceReason | null {
  if (settings.paused) return 'paused';
  if (settings.mutedTickets.includes(entry.ticketId)) return 'muted';
  if (settings.severities.length > 0 && !settings.severities.includes(entry.label.severity)) return 'severity';
  if (isInQuietHours(localMinute, settings.quietHours)) return 'quiet_hours';
  return null;
}

/** Settings as stored: muted tickets and severities without duplicates. */
export function normalizeNotificationSettings(s: NotificationSettings): NotificationSettings {
  return { ...s, severities: [...new Set(s.severities)], mutedTickets: [...new Set(s.mutedTickets)] };
}
