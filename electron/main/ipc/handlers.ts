import { openExternalUrl } from '../security';
import type { AttachmentOpener } from '../services/attachment-opener';
import type { HandoffService } from '../services/handoff';
import type { SecretStore } from '../services/secrets';
import type { LanguageSetting, NotificationService, SlaTimerService, TrayCounts } from '../../../shared/alerts';
import { IpcFailure } from './failure';
import type { MainHandlers } from './register';

/** Everything the handlers reach; Electron objects are wrapped before they get here. */
export type MainHandlerDeps = {
  appInfo: { version: string; platform: string };
  language: Pick<LanguageSetting, 'get' | 'set'>;
  slaTimers: Pick<SlaTimerService, 'setWatchList'>;
  notifications: Pick<NotificationService, 'getSettings' | 'setSettings'>;
  tray: { setCounts(counts: TrayCounts): void };
  handoff: Pick<HandoffService, 'write' | 'open'>;
  attachments: AttachmentOpener;
  /** shell.openExternal; only reached after the allowlist said yes. */
  openExternal: (url: string) => Promise<void>;
  clipboard: { writeText(text: string): void };
  secrets: SecretStore;
};

/** The main-process implementation of every contract call (input already parsed). */
export function createMainHandlers(deps: MainHandlerDeps): MainHandlers {
  return {
    'app.info': () => Promise.resolve({ version: deps.appInfo.version, platform: deps.appInfo.platform, host: 'electron' as const, language: deps.language.get() }),
    'app.setLanguage': async ({ language }) => ({ language: await deps.language.set(language) }),
    'sla.setWatchList': ({ entries }) => Promise.resolve(deps.slaTimers.setWatchList(entries)),
    'notifications.getSettings': () => Promise.resolve(deps.notifications.getSettings()),
    'notifications.setSettings': (settings) => deps.notifications.setSettings(settings),
    'tray.setCounts': (counts) => {
      deps.tray.setCounts(counts);
      return Promise.resolve({});
    },
    'draft.openEml': async ({ fileName, eml }) => {
      const path = await deps.handoff.write(fileName, eml, '.eml');
      await deps.handoff.open(path);
      return { path };
    },
    'calendar.openIcs': async ({ fileName, ics }) => {
      const path = await deps.handoff.write(fileName, ics, '.ics');
      await deps.handoff.open(path);
      return { path };
    },
    'external.open': async ({ url }) => {
      const opened = await openExternalUrl(url, deps.openExternal);
      if (!opened) throw new IpcFailure('forbidden', 'only https:, mailto: and tel: links can be opened outside the app');
      return {};
    },
    'attachment.open': ({ name, bytes }) => deps.attachments.open(name, bytes),
    'clipboard.writeText': ({ text }) => {
      deps.clipboard.writeText(text);
      return Promise.resolve({});
    },
    'secrets.setToken': async ({ serverUrl, token }) => {
      await deps.secrets.setToken(serverUrl, token);
      return {};
    },
    'secrets.getToken': async ({ serverUrl }) => ({ token: await deps.secrets.getToken(serverUrl) }),
  };
}
