/** Schemes the app may hand to the OS: mail drafts and web pages, nothing that runs or reads files. */
export const allowedExternalSchemes = ['mailto:', 'https:'] as const;

/** True only for a well-formed mailto: or https: URL (never javascript:, file:, data:, custom schemes). */
export function isAllowedExternalUrl(value: string): boolean {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return false;
  }
  if (!(allowedExternalSchemes as readonly string[]).includes(url.protocol)) return false;
  if (url.protocol === 'https:') return url.hostname.length > 0 && url.username === '' && url.password === '';
  return url.pathname.length > 0 || url.search.length > 0;
}
