import { useSyncExternalStore } from 'react';
import i18next from 'i18next';

/** A translation function; answers for plain keys (no values to interpolate) are remembered per language. */
export type RowText = (key: string, values?: Record<string, unknown>) => string;

const byLanguage = new Map<string, RowText>();
const subscribe = (onChange: () => void) => {
  i18next.on('languageChanged', onChange);
  return () => i18next.off('languageChanged', onChange);
};

function rowTextFor(language: string): RowText {
  let text = byLanguage.get(language);
  if (!text) {
    const t = i18next.getFixedT(language);
    const known = new Map<string, string>();
    text = (key, values) => {
      if (values) return t(key, values);
      let s = known.get(key);
      if (s === undefined) known.set(key, (s = t(key)));
      return s;
    };
    byLanguage.set(language, text);
  }
  return text;
}

/**
 * The current language and its labels (status, impact, clock names) for components rendered by
 * the hundred: queue rows and clock chips. useTranslation builds a wrapper of the i18n instance
 * on every call and each t() resolves the key again; at 30 rows x 10 labels per view switch that
 * was a measurable part of it. Re-renders when the language changes, like useTranslation.
 */
export function useRowText(): { text: RowText; language: string } {
  const language = useSyncExternalStore(subscribe, () => i18next.language);
  return { text: rowTextFor(language), language };
}
