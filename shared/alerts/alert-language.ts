// The languages the host's own texts (OS notifications, tray, dock) come in: the same four as the
// UI. A leaf module, so the IPC contract can name them without importing the alert services.

export const alertLanguages = ['en', 'zh-CN', 'zh-TW', 'bg'] as const;
export type AlertLanguage = (typeof alertLanguages)[number];

/**
 * A language tag as the renderer may send it (BCP 47 shape: "bg", "zh-CN", "zh-Hant-TW"); anything
 * else (paths, markup, empty or overlong strings) is refused rather than guessed at.
 */
export const languageTagPattern = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/;

/** The catalog language for a tag: exact match, then Chinese script/region, then the base language; English otherwise. */
export function resolveAlertLanguage(tag: string): AlertLanguage {
  const exact = alertLanguages.find((l) => l.toLowerCase() === tag.toLowerCase());
  if (exact) return exact;
  const lower = tag.toLowerCase();
  if (lower === 'zh-hk' || lower === 'zh-mo' || lower.startsWith('zh-hant')) return 'zh-TW';
  if (lower === 'zh' || lower.startsWith('zh-')) return 'zh-CN';
  if (lower === 'bg' || lower.startsWith('bg-')) return 'bg';
  return 'en';
}
