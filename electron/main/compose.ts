import { join } from 'node:path';
import { notificationSettingsSchema } from '../../shared/ipc';
import type { NotificationSettings } from '../../shared/ipc';
import { createMainHandlers } from './ipc/handlers';
import type { MainHandlers } from './ipc/register';
import { createLanguageSetting, createNotificationService, createSlaTimerService, languageSettingSchema, slaTimerStateSchema } from '../../shared/alerts';
import type { AlertLanguage, Clock, LanguageSetting, NotificationService, Notifier, SlaTimerService, TimeFormatter, TrayCounts } from '../../shared/alerts';
import { createEventOutbox } from './services/event-outbox';
import type { EventOutbox, EventSender } from './services/event-outbox';
import { createAttachmentOpener } from './services/attachment-opener';
import type { AttachmentCacheFileSystem } from './services/attachment-opener';
import { createHandoffService } from './services/handoff';
import type { HandoffFileSystem, OpenPath } from './services/handoff';
import { createJsonFileStore } from './services/json-file-store';
import type { StoreFileSystem } from './services/json-file-store';
import { createSecretStore, secretFileSchema } from './services/secrets';
import type { Encryption } from './services/secrets';

/** Everything the desktop needs from the outside world; index.ts passes Electron's, tests fakes. */
export type DesktopEnv = {
  appInfo: { version: string; platform: string };
  userDataDir: string;
  /** A folder under userData that only this user may enter (the OS temp folder is shared). */
  handoffDir: string;
  clock: Clock;
  fs: StoreFileSystem;
  handoffFs: HandoffFileSystem;
  /** A folder under userData, only this user's, where attachments are written to be opened by other apps. */
  attachmentCacheDir: string;
  attachmentFs: AttachmentCacheFileSystem;
  sha256Hex: (bytes: Uint8Array) => string;
  encryption: Encryption;
  notifier: Notifier;
  openPath: OpenPath;
  openExternal: (url: string) => Promise<void>;
  clipboard: { writeText(text: string): void };
  localMinute: (at: number) => number;
  /** Clock time in a toast body, in the UI language; Intl in the machine's zone when absent. */
  formatTime?: TimeFormatter;
  setTrayCounts: (counts: TrayCounts) => void;
  onSettingsChanged: (settings: NotificationSettings) => void;
  /** The renderer switched the UI language: the tray menu and tooltip are rebuilt in it. */
  onLanguageChanged?: (language: AlertLanguage) => void;
  focusWindow: () => void;
  onError: (message: string) => void;
};

export type Desktop = {
  handlers: MainHandlers;
  slaTimers: SlaTimerService;
  notifications: NotificationService;
  /** The UI language for notifications and the tray, remembered in userData. */
  language: LanguageSetting;
  outbox: EventOutbox;
  /** Loads settings and the persisted watch list; fires overdue alerts (before any window). */
  start(): Promise<void>;
  /** A page finished loading; events flow to it once it sends its first watch list. */
  windowLoaded(send: EventSender): void;
  /** The page is reloading or gone; events queue until it is back. */
  windowUnloaded(): void;
  /** A toast click or a deep link: bring the window forward on that ticket. */
  openTicket(ticketId: string | null): void;
  stop(): Promise<void>;
};

/**
 * Builds the services and handlers of the main process from injected side effects. The
 * renderer subscribes to events before its first sla.setWatchList; that call is the signal
 * that queued alerts (e.g. fired at start-up) can be delivered.
 */
export function composeDesktop(env: DesktopEnv): Desktop {
  const outbox = createEventOutbox();
  let loadedSender: EventSender | null = null;

  const openTicket = (ticketId: string | null): void => {
    env.focusWindow();
    if (ticketId) outbox.emit('ticket.open', { ticketId });
  };

  const language = createLanguageSetting(createJsonFileStore(join(env.userDataDir, 'language.json'), languageSettingSchema, env.fs, env.onError), env.onLanguageChanged);

  const notifications = createNotificationService({
    store: createJsonFileStore(join(env.userDataDir, 'notification-settings.json'), notificationSettingsSchema, env.fs, env.onError),
    notifier: env.notifier,
    localMinute: env.localMinute,
    ...(env.formatTime ? { formatTime: env.formatTime } : {}),
    language: language.get,
    onOpen: openTicket,
    onSettingsChanged: env.onSettingsChanged,
  });

  const slaTimers = createSlaTimerService({
    clock: env.clock,
    store: createJsonFileStore(join(env.userDataDir, 'sla-watch.json'), slaTimerStateSchema, env.fs, env.onError),
    onDue: (entries, firedAt) => outbox.emit('sla.alerts', { alerts: notifications.deliver(entries, firedAt) }),
    onError: env.onError,
  });

  const handlers = createMainHandlers({
    appInfo: env.appInfo,
    language,
    slaTimers: {
      setWatchList(entries) {
        const result = slaTimers.setWatchList(entries);
        if (loadedSender) {
          outbox.attach(loadedSender);
          loadedSender = null;
        }
        return result;
      },
    },
    notifications,
    tray: { setCounts: env.setTrayCounts },
    handoff: createHandoffService(env.handoffDir, env.handoffFs, env.openPath),
    attachments: createAttachmentOpener(env.attachmentCacheDir, env.attachmentFs, env.openPath, env.sha256Hex),
    openExternal: env.openExternal,
    clipboard: env.clipboard,
    secrets: createSecretStore(env.encryption, createJsonFileStore(join(env.userDataDir, 'secrets.json'), secretFileSchema, env.fs, env.onError)),
  });

  return {
    handlers,
    slaTimers,
    notifications,
    language,
    outbox,
    async start() {
      // The language first: alerts that came due while the app was closed fire in start().
      await language.load();
      await notifications.load();
      await slaTimers.start();
    },
    windowLoaded(send) {
      loadedSender = send;
    },
    windowUnloaded() {
      loadedSender = null;
      outbox.detach();
    },
    openTicket,
    async stop() {
      slaTimers.stop();
      await slaTimers.flush();
    },
  };
}
