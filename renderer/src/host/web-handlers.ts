import { checkHandoffFileName, type AlertLanguage, type HandoffExtension } from '../../../shared/alerts';
import { isAllowedExternalUrl, type IpcCall, type IpcInput, type IpcOutput } from '../../../shared/ipc';
import { checkAttachmentOpen } from '../../../shared/attachments';
import { downloadBlob, downloadText } from './download';
import type { WebAlerts } from './web-alerts';

export type WebHandlers = { [C in IpcCall]: (input: IpcInput<C>) => Promise<IpcOutput<C>> };

/** Thrown by a handler to answer `forbidden` rather than `failed`. */
export class ForbiddenError extends Error {}
/** Thrown by a handler to answer `invalid_input` (the same answer main gives). */
export class InvalidInputError extends Error {}

const TOKEN_PREFIX = 'service-desk.token:';

export type WebHandlerDeps = {
  version: string;
  /** The shared SLA timer and notification services, running in the page. */
  alerts: WebAlerts;
  /** The page sent its first watch list, so it has subscribed: held events may flow. */
  onWatchListReceived?: () => void;
  /** Tray counts have no tray in a browser: the tab title carries them, in the UI language. */
  setTitleCounts?: (breached: number, atRisk: number, language: AlertLanguage) => void;
  /** Saves a hand-off file; the browser's download flow by default. */
  download?: (fileName: string, content: string, mime: string) => void;
  /** Saves an attachment; the browser's download flow by default. */
  downloadBytes?: (fileName: string, bytes: Uint8Array) => void;
};

// Opaque bytes: the browser saves them and never shows them as a page, whatever they are.
const saveBytes = (fileName: string, bytes: Uint8Array): void => downloadBlob(new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' }), fileName);

/** The web host's implementation of every bridge call, with browser APIs. */
export function createWebHandlers(deps: WebHandlerDeps): WebHandlers {
  const download = deps.download ?? downloadText;
  let counts = { breached: 0, atRisk: 0 };
  const handOff = (fileName: string, content: string, extension: HandoffExtension, mime: string): IpcOutput<'draft.openEml'> => {
    // The same file-name rule as the desktop, so a name refused there is refused here too.
    const checked = checkHandoffFileName(fileName, extension);
    if (!checked.ok) throw new InvalidInputError(checked.message);
    download(checked.name, content, mime);
    return { path: null };
  };
  return {
    'app.info': async () => {
      await deps.alerts.ready;
      return { version: deps.version, platform: (typeof navigator !== 'undefined' && navigator.platform) || 'web', host: 'web', language: deps.alerts.language.get() };
    },
    'app.setLanguage': async ({ language }) => {
      await deps.alerts.ready;
      const used = await deps.alerts.language.set(language);
      deps.setTitleCounts?.(counts.breached, counts.atRisk, used);
      return { language: used };
    },
    'sla.setWatchList': async ({ entries }) => {
      await deps.alerts.ready;
      const result = deps.alerts.timers.setWatchList(entries);
      deps.onWatchListReceived?.();
      return result;
    },
    'notifications.getSettings': async () => {
      await deps.alerts.ready;
      return deps.alerts.notifications.getSettings();
    },
    'notifications.setSettings': async (input) => {
      await deps.alerts.ready;
      return deps.alerts.notifications.setSettings(input);
    },
    'tray.setCounts': async ({ breached, atRisk }) => {
      counts = { breached, atRisk };
      await deps.alerts.ready;
      deps.setTitleCounts?.(breached, atRisk, deps.alerts.language.get());
      return {};
    },
    'draft.openEml': async ({ fileName, eml }) => handOff(fileName, eml, '.eml', 'message/rfc822'),
    'calendar.openIcs': async ({ fileName, ics }) => handOff(fileName, ics, '.ics', 'text/calendar'),
    'external.open': async ({ url }) => {
      if (!isAllowedExternalUrl(url)) throw new ForbiddenError(`only mailto:, tel: and https: links may be opened, not "${url.slice(0, 60)}"`);
      if (url.startsWith('mailto:')) window.location.href = url;
      else window.open(url, '_blank', 'noopener,noreferrer');
      return {};
    },
    // A page cannot start other applications: the file is saved instead, under the same refusals as the desktop.
    'attachment.open': async ({ name, bytes }) => {
      const check = checkAttachmentOpen(name, bytes);
      if (!check.ok) return { outcome: 'refused', reason: check.reason };
      (deps.downloadBytes ?? saveBytes)(check.name, bytes);
      return { outcome: 'downloaded' };
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
