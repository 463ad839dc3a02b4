import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';
import zhTW from './locales/zh-TW.json';
import bg from './locales/bg.json';

// Each feature folder may carry its own strings in features/<feature>/locales/<lang>.json; they
// live under the feature's name (t('dispatch.title')) so features translate independently.
const featureFiles = import.meta.glob<Record<string, unknown>>('../features/*/locales/*.json', { eager: true, import: 'default' });

/** The app-wide strings of one language plus every feature's, each feature under its folder name. */
export function resourcesFor(lang: string, base: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [path, strings] of Object.entries(featureFiles)) {
    const m = /features\/([^/]+)\/locales\/([^/]+)\.json$/.exec(path);
    if (m && m[2] === lang && m[1]) out[m[1]] = strings;
  }
  return out;
}

export const supportedLanguages = ['en', 'zh-CN', 'zh-TW', 'bg'] as const;
export type Language = (typeof supportedLanguages)[number];
export const languageNames: Record<Language, string> = { en: 'English', 'zh-CN': '简体中文', 'zh-TW': '繁體中文', bg: 'Български' };

const LANGUAGE_KEY = 'service-desk.language';

/** The remembered choice, else the OS/browser language when we have it, else English. */
export function initialLanguage(): Language {
  const saved = localStorage.getItem(LANGUAGE_KEY);
  if (saved && (supportedLanguages as readonly string[]).includes(saved)) return saved as Language;
  for (const lang of navigator.languages) {
    if (lang === 'zh-TW' || lang === 'zh-HK' || lang.startsWith('zh-Hant')) return 'zh-TW';
    if (lang.startsWith('zh')) return 'zh-CN';
    if (lang.startsWith('bg')) return 'bg';
    if (lang.startsWith('en')) return 'en';
  }
  return 'en';
}

export async function initI18n(): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    resources: {
      en: { translation: resourcesFor('en', en) },
      'zh-CN': { translation: resourcesFor('zh-CN', zhCN) },
      'zh-TW': { translation: resourcesFor('zh-TW', zhTW) },
      bg: { translation: resourcesFor('bg', bg) },
    },
    lng: initialLanguage(),
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
  return i18next;
}

/** Switches the UI language at runtime and remembers it. */
export async function changeLanguage(lang: Language): Promise<void> {
  localStorage.setItem(LANGUAGE_KEY, lang);
  await i18next.changeLanguage(lang);
  document.documentElement.lang = lang;
}
