import { z } from 'zod';
import { alertLanguages, languageTagPattern, resolveAlertLanguage, type AlertLanguage } from './alert-language';
import type { JsonStore } from './json-store';

export const languageSettingSchema = z.object({ language: z.enum(alertLanguages) });
export type StoredLanguage = z.infer<typeof languageSettingSchema>;

/** The UI language the host writes its own texts in; remembered so that alerts fired before any window loads use it too. */
export type LanguageSetting = {
  load(): Promise<void>;
  get(): AlertLanguage;
  /** Resolves a tag to a catalog language (English when unknown), stores it and returns it; a malformed tag is refused. */
  set(tag: string): Promise<AlertLanguage>;
};

/** The host's language choice over a JsonStore (a file in userData, a localStorage key on the web). */
export function createLanguageSetting(store: JsonStore<StoredLanguage>, onChanged?: (language: AlertLanguage) => void): LanguageSetting {
  let language: AlertLanguage = 'en';
  return {
    async load() {
      language = (await store.load())?.language ?? 'en';
    },
    get: () => language,
    async set(tag) {
      if (!languageTagPattern.test(tag)) throw new RangeError(`"${tag.slice(0, 40)}" is not a language tag such as "en", "bg" or "zh-CN"`);
      const next = resolveAlertLanguage(tag);
      // Persist first: the language the renderer saw accepted must survive a restart.
      await store.save({ language: next });
      const changed = next !== language;
      language = next;
      if (changed) onChanged?.(next);
      return next;
    },
  };
}
