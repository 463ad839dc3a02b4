import type { FiredAlert, NotificationSettings } from '../ipc';
import type { WatchEntry } from '../sla/watch';
import type { JsonStore } from './json-store';
import { defaultNotificationSettings, normalizeNotificationSettings, silenceReason } from './notification-rules';
import type { AlertLanguage } from './alert-language';
import { alertText, formatLocalTime, type TimeFormatter } from './alert-text';
import { groupedAlertToast, singleAlertToast } from './notification-text';
import type { Toast } from './notification-text';

/** Shows OS toasts; production wraps Electron's Notification (desktop) or Web Notifications (web). */
export type Notifier = {
  show(toast: Toast, onClick: () => void): void;
  /** True when toasts cannot appear (e.g. the browser denied permission): alerts then count as not notified. */
  isBlocked?: () => boolean;
};

export type NotificationDeps = {
  store: JsonStore<NotificationSettings>;
  notifier: Notifier;
  /** Local minute of the day (0..1439) at an instant, in the user's time zone. */
  localMinute: (at: number) => number;
  /** Local clock time for the toast body, e.g. "14:30", in the language; Intl in the machine's zone by default. */
  formatTime?: TimeFormatter;
  /** The UI language toasts are written in (the renderer tells the host); English by default. */
  language?: () => AlertLanguage;
  /** A toast was clicked: focus the window and, for a single alert, open its ticket. */
  onOpen: (ticketId: string | null) => void;
  /** More toastable alerts than this in one batch become one grouped toast. */
  groupThreshold?: number;
  onSettingsChanged?: (settings: NotificationSettings) => void;
};

export type NotificationService = {
  load(): Promise<void>;
  getSettings(): NotificationSettings;
  setSettings(settings: NotificationSettings): Promise<NotificationSettings>;
  setPaused(paused: boolean): Promise<NotificationSettings>;
  /** Shows toasts for a batch of fired entries and returns the alerts to record. */
  deliver(entries: readonly WatchEntry[], firedAt: number): FiredAlert[];
};

/** Decides toast vs silent for fired SLA alerts and keeps the user's notification settings. */
export function createNotificationService(deps: NotificationDeps): NotificationService {
  const groupThreshold = deps.groupThreshold ?? 3;
  let settings = defaultNotificationSettings;

  const save = async (next: NotificationSettings): Promise<NotificationSettings> => {
    const normalized = normalizeNotificationSettings(next);
    // Persist first: a setting the user saw accepted must survive a restart.
    await deps.store.save(normalized);
    settings = normalized;
    deps.onSettingsChanged?.(settings);
    return settings;
  };

  return {
    async load() {
      settings = (await deps.store.load()) ?? defaultNotificationSettings;
    },
    getSettings: () => settings,
    setSettings: save,
    setPaused: (paused) => save({ ...settings, paused }),
    deliver(entries, firedAt) {
      const minute = deps.localMinute(firedAt);
      const loud = entries.filter((e) => silenceReason(e, settings, minute) === null);
      // The notifier still sees blocked toasts so that it can tell the user they were held back.
      const loudKeys = deps.notifier.isBlocked?.() ? new Set<WatchEntry>() : new Set(loud);
      const text = alertText(deps.language?.() ?? 'en', deps.formatTime ?? formatLocalTime);
      if (loud.length > groupThreshold) {
        deps.notifier.show(groupedAlertToast(loud, text), () => deps.onOpen(null));
      } else {
        for (const e of loud) {
          const toast = singleAlertToast(e, text);
          deps.notifier.show(toast, () => deps.onOpen(e.ticketId));
        }
      }
      return entries.map((e) => ({ ticketId: e.ticketId, clock: e.clock, threshold: e.threshold, at: e.at, firedAt, notified: loudKeys.has(e) }));
    },
  };
}
