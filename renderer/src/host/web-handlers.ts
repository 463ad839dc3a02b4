import {
  isAllowedExternalUrl,
  notificationSettingsSchema,
  type IpcCall,
  type IpcInput,
  type IpcOutput,
  type NotificationSettings,
} from '../../../shared/ipc';
import { downloadText } from './download';

export type WebHandlers = { [C in IpcCall]: (input: IpcInput<C>) => Promise<IpcOutput<C>> };

/** Thrown by a handler to answer `forbidden` rather than `failed`. */
export class ForbiddenError extends Error {}

const SETTINGS_KEY = 'service-desk.notification-settings';
const TOKEN_PREFIX = 'service-desk.token:';
export const defaultNotificationSettings: NotificationSettings = { quietHours: null, severities: [], mutedTickets: [], paused: false };

export type WebHandlerDeps = {
  version: string;
  /** Where the SLA watch list goes: the in-page timer service. */
  setWatchList: (input: IpcInput<'sla.setWatchList'>) => IpcOutput<'sla.setWatchList'>;
  onSettingsChanged?: (settings: NotificationSettings) => void;
  /** Tray counts have no tray in a browser: the tab title carries them. */
  setTitleCounts?: (breached: number, atRisk: number) => void;
};

/** The web host's implementation of every bridge call, with browser APIs. */
export function createWebHandlers(deps: WebHandlerDeps): WebHandlers {
  return {
    'app.info': async () => ({ version: deps.version, platform: navigator.platform || 'web', host: 'web' }),
    'sla.setWatchList': async (input) => deps.setWatchList(input),
    'notifications.getSettings': async () => readSettings(),
    'notifications.setSettings': async (input) => {
      localStorage.setItem(SETTINGS_KEY, JSON.stringify(input));
      deps.onSettingsChanged?.(input);
      return input;
    },
    'tray.setCounts': async ({ breached, atRisk }) => {
      deps.setTitleCounts?.(breached, atRisk);
      return {};
    },
    'draft.openEml': async ({ fileName, eml }) => {
      downloadText(fileName, eml, 'message/rfc822');
      return { path: null };
    },
    'calendar.openIcs': async ({ fileName, ics }) => {
      downloadText(fileName, ics, 'text/calendar');
      return { path: null };
    },
    'external.open': async ({ url }) => {
      if (!isAllowedExternalUrl(url)) throw new ForbiddenError(`only mailto: and https: links may be opened, not "${url.slice(0, 60)}"`);
      if (url.startsWith('mailto:')) window.location.href = url;
      else window.open(url, '_blank', 'noopener,noreferrer');
      return {};
    },
    'clipboard.writeText': async ({ text }) => {
      await navigator.clipboard.writeText(text);
      return {};
    },
    // A browser has no OS keychain: the token lives for this tab's session only (never localStorage or IndexedDB).
    'secrets.setToken': async ({ serverUrl, token }) => {
      if (token === null) sessionStorage.removeItem(TOKEN_PREFIX + serverUrl);
      else sessionStorage.setItem(TOKEN_PREFIX + serverUrl, token);
      return {};
    },
    'secrets.getToken': async ({ serverUrl }) => ({ token: sessionStorage.getItem(TOKEN_PREFIX + serverUrl) }),
  };
}

export function readSettings(): NotificationSettings {
  try {
    const parsed = notificationSettingsSchema.safeParse(JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? 'null'));
    return parsed.success ? parsed.data : defaultNotificationSettings;
  } catch {
    return defaultNotificationSettings;
  }
}
