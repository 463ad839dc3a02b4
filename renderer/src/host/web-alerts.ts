import {
  createLanguageSetting,
  createNotificationService,
  createSlaTimerService,
  createTextJsonStore,
  languageSettingSchema,
  slaTimerStateSchema,
  type Clock,
  type LanguageSetting,
  type NotificationService,
  type SlaTimerService,
  type TextSlot,
  type TimeFormatter,
} from '../../../shared/alerts';
import { notificationSettingsSchema, type FiredAlert } from '../../../shared/ipc';
import type { WebNotifier } from './web-notifier';

export const SETTINGS_KEY = 'service-desk.notification-settings';
export const WATCH_KEY = 'service-desk.sla-watch';
/** The language the renderer last told the host (notification texts); the UI keeps its own choice. */
export const LANGUAGE_KEY = 'service-desk.host-language';

/** The few Storage methods the web host uses (localStorage in the page). */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

export type WebAlertsDeps = {
  clock: Clock;
  storage: KeyValueStorage;
  notifier: WebNotifier;
  /** Fired alerts for the page (the hook records them on the ticket timeline). */
  onAlerts: (alerts: FiredAlert[]) => void;
  /** A toast was clicked: the window is already focused; open this ticket (null: a grouped toast). */
  onOpen: (ticketId: string | null) => void;
  localMinute?: (at: number) => number;
  formatTime?: TimeFormatter;
  onError?: (message: string) => void;
};

export type WebAlerts = {
  timers: SlaTimerService;
  notifications: NotificationService;
  /** The UI language notifications are written in (same catalog as the desktop). */
  language: LanguageSetting;
  /** Resolves once settings and the persisted watch list are loaded (overdue alerts have fired). */
  ready: Promise<void>;
};

function slot(storage: KeyValueStorage, key: string): TextSlot {
  return { read: () => storage.getItem(key), write: (text) => storage.setItem(key, text) };
}

/**
 * The same SLA timer and notification services the desktop main process runs, over browser
 * parts: page timers, localStorage and Web Notifications. Same rules: quiet hours, severities,
 * muted tickets, pause, grouping, exactly-once.
 */
export function createWebAlerts(deps: WebAlertsDeps): WebAlerts {
  const onError = deps.onError ?? ((m: string) => console.error(m));
  const language = createLanguageSetting(createTextJsonStore(slot(deps.storage, LANGUAGE_KEY), languageSettingSchema, 'notification language', onError));
  const notifications = createNotificationService({
    store: createTextJsonStore(slot(deps.storage, SETTINGS_KEY), notificationSettingsSchema, 'notification settings', onError),
    notifier: deps.notifier,
    localMinute: deps.localMinute ?? ((at) => {
      const d = new Date(at);
      return d.getHours() * 60 + d.getMinutes();
    }),
    ...(deps.formatTime ? { formatTime: deps.formatTime } : {}),
    language: language.get,
    onOpen: deps.onOpen,
  });
  const timers = createSlaTimerService({
    clock: deps.clock,
    store: createTextJsonStore(slot(deps.storage, WATCH_KEY), slaTimerStateSchema, 'SLA watch list', onError),
    onDue: (entries, firedAt) => deps.onAlerts(notifications.deliver(entries, firedAt)),
    onError,
  });
  const ready = (async () => {
    await language.load();
    await notifications.load();
    await timers.start();
  })();
  return { timers, notifications, language, ready };
}
