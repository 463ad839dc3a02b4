import type { NotificationSettings } from '../../../../shared/ipc';

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
}

/** Whether `now` (local wall clock) falls in the quiet window; windows may wrap midnight (22:00-07:00). */
export function inQuietHours(settings: Pick<NotificationSettings, 'quietHours'>, now: Date): boolean {
  if (!settings.quietHours) return false;
  const start = minutesOf(settings.quietHours.start);
  const end = minutesOf(settings.quietHours.end);
  const cur = now.getHours() * 60 + now.getMinutes();
  if (start === end) return false;
  return start < end ? cur >= start && cur < end : cur >= start || cur < end;
}

/**
 * Whether an automatic escalation may pop up now. Quiet hours, a pause, a muted ticket, a severity
 * filter or the rule's own `notify: false` hold the toast back; the escalation is recorded anyway.
 */
export function mayNotify(settings: NotificationSettings | undefined, ticket: { ticketId: string; severity: string }, ruleNotifies: boolean, now: Date): boolean {
  if (!ruleNotifies) return false;
  if (!settings) return true;
  if (settings.paused || settings.mutedTickets.includes(ticket.ticketId)) return false;
  if (settings.severities.length > 0 && !settings.severities.includes(ticket.severity)) return false;
  return !inQuietHours(settings, now);
}
