import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import zhCN from './locales/zh-CN.json';
import zhTW from './locales/zh-TW.json';
import bg from './locales/bg.json';

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
    resources: { en: { translation: en }, 'zh-CN': { translation: zhCN }, 'zh-TW': { translation: zhTW }, bg: { translation: bg } },
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
