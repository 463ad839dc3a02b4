// shared/ has no DOM or Node lib (no TextEncoder, no btoa), so the few byte-level helpers mail
// needs are written here once.

/** The UTF-8 bytes of one code point; lone surrogates become U+FFFD so the output is always valid UTF-8. */
export function codePointUtf8(cp: number): number[] {
  const c = cp >= 0xd800 && cp <= 0xdfff ? 0xfffd : cp;
  if (c < 0x80) return [c];
  if (c < 0x800) return [0xc0 | (c >> 6), 0x80 | (c & 0x3f)];
  if (c < 0x10000) return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)];
  return [0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)];
}

/** The UTF-8 encoding of a string. */
export function utf8Bytes(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) out.push(...codePointUtf8(ch.codePointAt(0) ?? 0xfffd));
  return out;
}

/** Replaces lone surrogates with U+FFFD (String.prototype.toWellFormed is ES2024). */
export function wellFormed(text: string): string {
  let out = '';
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0xfffd;
    out += cp >= 0xd800 && cp <= 0xdfff ? '\ufffd' : ch;
  }
  return out;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 (RFC 4648, with padding) of a byte array. */
export function base64(bytes: readonly number[]): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const b0 = bytes[i] ?? 0;
    const b1 = bytes[i + 1];
    const b2 = bytes[i + 2];
    const n = (b0 << 16) | ((b1 ?? 0) << 8) | (b2 ?? 0);
    out += BASE64.charAt((n >> 18) & 63) + BASE64.charAt((n >> 12) & 63);
    out += b1 === undefined ? '=' : BASE64.charAt((n >> 6) & 63);
    out += b2 === undefined ? '=' : BASE64.charAt(n & 63);
  }
  return out;
}

/** FNV-1a 32-bit hash as 8 hex digits; used for deterministic Message-IDs, not for security. */
export function fnv1a(text: string): string {
  let h = 0x811c9dc5;
  for (const b of utf8Bytes(text)) {
    h ^= b;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
