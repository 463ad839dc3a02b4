import type { AlertLanguage } from './alert-language';
import { alertText } from './alert-text';

/** Counts the renderer reports for the tray (tray.setCounts). */
export type TrayCounts = { breached: number; atRisk: number };

/** Everything the tray, dock and taskbar show, derived from the counts, in the UI language. */
export type TrayState = {
  tooltip: string;
  /** Short text next to the tray icon (macOS menu bar); empty when nothing needs attention. */
  label: string;
  /** macOS dock / Linux launcher badge: breached plus at-risk tickets. */
  badgeCount: number;
  /** Windows taskbar overlay: shown only while something is breached. */
  overlay: { description: string } | null;
  pauseMenuLabel: string;
  /** The tray menu's other entries. */
  menu: { open: string; syncNow: string; quit: string };
};

/** Pure mapping from counts, the pause flag and the UI language to tray texts and badges. */
export function trayState(counts: TrayCounts, paused: boolean, language: AlertLanguage = 'en'): TrayState {
  const text = alertText(language);
  const m = text.messages.tray;
  const app = text.messages.appName;
  const { breached, atRisk } = counts;
  const parts = [breached > 0 ? text.plural(m.breached, breached) : '', atRisk > 0 ? text.plural(m.atRisk, atRisk) : ''].filter(Boolean);
  const summary = parts.length > 0 ? parts.join(m.partsSeparator) : m.nothing;
  return {
    tooltip: text.fill(paused ? m.tooltipPaused : m.tooltip, { app, summary }),
    label: breached > 0 ? `${text.number(breached)}!` : atRisk > 0 ? text.number(atRisk) : '',
    badgeCount: breached + atRisk,
    overlay: breached > 0 ? { description: text.plural(m.breached, breached) } : null,
    pauseMenuLabel: paused ? m.resume : m.pause,
    menu: { open: text.fill(m.open, { app }), syncNow: m.syncNow, quit: m.quit },
  };
}
