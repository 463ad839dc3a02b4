/** Schemes the app may hand to the OS: mail drafts, phone calls and web pages, nothing that runs or reads files. */
export const allowedExternalSchemes = ['mailto:', 'tel:', 'https:'] as const;

// shared/ has no URL class (no DOM, no Node): the two accepted shapes are matched strictly instead.
// https: a host name or IPv4, optional port, then path/query/fragment; no credentials, no spaces,
// no backslashes (which some parsers treat as slashes), no control characters.
const httpsUrl = /^https:\/\/([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*(:\d{1,5})?([/?#][^\s\\]*)?$/i;
// mailto: addresses and/or ?query, percent-encoded per RFC 6068 (no raw spaces or controls).
const mailtoUrl = /^mailto:[^\s\\]+$/i;
// tel: a dialable number only (optional +, digits), as the ticket page writes it from the contact's phone.
const telUrl = /^tel:\+?\d{3,20}$/i;

/** True only for a well-formed mailto:, tel: or https: URL (never javascript:, file:, data:, custom schemes). */
export function isAllowedExternalUrl(value: string): boolean {
  if (value.length > 100_000 || /[\u0000-\u001f\u007f]/.test(value)) return false;
  return httpsUrl.test(value) || mailtoUrl.test(value) || telUrl.test(value);
}
