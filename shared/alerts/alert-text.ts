import type { ClockKind } from '../sla/watch';
import type { AlertLanguage } from './alert-language';
import { alertMessages, type AlertMessages, type PluralText } from './messages';

/** Formats an instant as a local clock time ("14:30") in a language. */
export type TimeFormatter = (at: number, language: AlertLanguage) => string;

/** Local time of day in the language's convention, in the machine's time zone. */
export const formatLocalTime: TimeFormatter = (at, language) => new Intl.DateTimeFormat(language, { hour: '2-digit', minute: '2-digit' }).format(at);

/** The catalog texts of one language, with Intl formatting of numbers, percentages, plurals and lists. */
export type AlertText = {
  language: AlertLanguage;
  messages: AlertMessages;
  /** Fills {name} placeholders; numbers are formatted for the language. */
  fill(template: string, values: Record<string, string | number>): string;
  /** Picks the plural form for `count` (Intl.PluralRules) and fills {count} and the other values. */
  plural(text: PluralText, count: number, values?: Record<string, string | number>): string;
  number(n: number): string;
  /** A threshold in percent (75 -> "75%", "75 %" in Bulgarian). */
  percent(threshold: number): string;
  time(at: number): string;
  /** "a, b and c" in the language. */
  list(items: readonly string[]): string;
  clock(kind: ClockKind): string;
};

/** The texts and formatters for a catalog language. */
export function alertText(language: AlertLanguage, formatTime: TimeFormatter = formatLocalTime): AlertText {
  const messages = alertMessages[language];
  const numbers = new Intl.NumberFormat(language);
  const percents = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
  const plurals = new Intl.PluralRules(language);
  const lists = new Intl.ListFormat(language, { type: 'conjunction' });
  const fill = (template: string, values: Record<string, string | number>): string =>
    template.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const v = values[name];
      return v === undefined ? whole : typeof v === 'number' ? numbers.format(v) : v;
    });
  return {
    language,
    messages,
    fill,
    plural: (text, count, values = {}) => fill(text[plurals.select(count) as keyof PluralText] ?? text.other, { ...values, count }),
    number: (n) => numbers.format(n),
    percent: (threshold) => percents.format(threshold / 100),
    time: (at) => formatTime(at, language),
    list: (items) => lists.format(items),
    clock: (kind) => messages.clocks[kind],
  };
}
