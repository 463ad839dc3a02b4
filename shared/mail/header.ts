import { base64, codePointUtf8, wellFormed } from './utf8';

/**
 * Makes a header value single-line: every CR, LF and other control character becomes a space,
 * so no value can end the header and start a new one (header injection).
 */
export function singleLine(value: string): string {
  return wellFormed(value).replace(/\r\n|[\u0000-\u001f\u007f\u2028\u2029]/g, ' ');
}

const MAX_ENCODED_WORD = 75; // RFC 2047 section 2
const WORD_OVERHEAD = '=?UTF-8?B??='.length;
// Base64 turns every 3 bytes into 4 characters; the largest whole-group payload that fits.
const MAX_WORD_BYTES = Math.floor((MAX_ENCODED_WORD - WORD_OVERHEAD) / 4) * 3;

/** Splits text into RFC 2047 B encoded-words of at most 75 characters, never inside a UTF-8 sequence. */
export function encodedWords(text: string): string[] {
  const words: string[] = [];
  let chunk: number[] = [];
  for (const ch of text) {
    const bytes = codePointUtf8(ch.codePointAt(0) ?? 0xfffd);
    if (chunk.length + bytes.length > MAX_WORD_BYTES) {
      words.push(`=?UTF-8?B?${base64(chunk)}?=`);
      chunk = [];
    }
    chunk.push(...bytes);
  }
  if (chunk.length > 0 || words.length === 0) words.push(`=?UTF-8?B?${base64(chunk)}?=`);
  return words;
}

/**
 * Renders `Name: value` for an unstructured header (Subject). Short printable ASCII stays readable;
 * anything else is encoded-words folded onto continuation lines so every line stays under 78.
 */
export function unstructuredHeader(name: string, value: string): string {
  const clean = singleLine(value);
  const plain = /^[\x20-\x7e]*$/.test(clean) && !clean.includes('=?') && name.length + 2 + clean.length <= 78;
  if (plain) return `${name}: ${clean}`;
  return `${name}: ${encodedWords(clean).join('\r\n ')}`;
}

/** Renders an address-list header, folding after commas so long lists never make an over-long line. */
export function addressListHeader(name: string, addresses: readonly string[]): string {
  const lines: string[] = [];
  let line = `${name}:`;
  addresses.forEach((address, i) => {
    const piece = ` ${address}${i < addresses.length - 1 ? ',' : ''}`;
    if (line.length + piece.length > 78 && i > 0) {
      lines.push(line);
      line = '';
    }
    line += piece;
  });
  lines.push(line);
  return lines.join('\r\n');
}
