/** Counts the renderer reports for the tray (tray.setCounts). */
export type TrayCounts = { breached: number; atRisk: number };

/** Everything the tray, dock and taskbar show, derived from the counts. */
export type TrayState = {
  tooltip: string;
  /** Short text next to the tray icon (macOS menu bar); empty when nothing needs attention. */
  label: string;
  /** macOS dock / Linux launcher badge: breached plus at-risk tickets. */
  badgeCount: number;
  /** Windows taskbar overlay: shown only while something is breached. */
  overlay: { description: string } | null;
  pauseMenuLabel: string;
};

/** Pure mapping from counts and the pause flag to tray texts and badges. */
export function trayState(counts: TrayCounts, paused: boolean): TrayState {
  const { breached, atRisk } = counts;
  const parts = [breached > 0 ? `${breached} breached` : '', atRisk > 0 ? `${atRisk} at risk` : ''].filter(Boolean);
  const summary = parts.length > 0 ? parts.join(', ') : 'no tickets at risk';
  return {
    tooltip: `Service Desk — ${summary}${paused ? ' (notifications paused)' : ''}`,
    label: breached > 0 ? `${breached}!` : atRisk > 0 ? String(atRisk) : '',
    badgeCount: breached + atRisk,
    overlay: breached > 0 ? { description: `${breached} breached` } : null,
    pauseMenuLabel: paused ? 'Resume notifications' : 'Pause notifications',
  };
}
