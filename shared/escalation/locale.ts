import { z } from 'zod';

/** The languages escalation drafts ship in. */
export const escalationLocales = ['en', 'zh-CN', 'zh-TW', 'bg'] as const;
export const escalationLocaleSchema = z.enum(escalationLocales);
export type EscalationLocale = z.infer<typeof escalationLocaleSchema>;

/** The closest supported locale: exact match, then Chinese script/region, then the language, else English. */
export function pickEscalationLocale(locale: string): EscalationLocale {
  const exact = escalationLocales.find((l) => l.toLowerCase() === locale.toLowerCase());
  if (exact) return exact;
  const lower = locale.toLowerCase();
  if (lower.startsWith('zh')) return /hant|tw|hk|mo/.test(lower) ? 'zh-TW' : 'zh-CN';
  if (lower.startsWith('bg')) return 'bg';
  return 'en';
}
