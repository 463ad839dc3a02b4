import { utf8Bytes } from './utf8';

const MAX_LINE = 76; // RFC 2045 section 6.7, rule 5

function hex(byte: number): string {
  return `=${byte.toString(16).toUpperCase().padStart(2, '0')}`;
}

function encodeLine(line: string): string {
  const bytes = utf8Bytes(line);
  const tokens = bytes.map((b, i) => {
    const literal = (b >= 33 && b <= 126 && b !== 61) || ((b === 32 || b === 9) && i < bytes.length - 1);
    return literal ? String.fromCharCode(b) : hex(b);
  });
  const out: string[] = [];
  let current = '';
  for (const token of tokens) {
    // Leave room for the '=' soft line break; tokens ('=XX') are never split.
    if (current.length + token.length > MAX_LINE - 1) {
      out.push(`${current}=`);
      current = '';
    }
    current += token;
  }
  out.push(current);
  return out.join('\r\n');
}

/** Quoted-printable (RFC 2045) of UTF-8 text; any line break becomes CRLF and no output line exceeds 76 octets. */
export function quotedPrintable(text: string): string {
  return text.split(/\r\n|\r|\n/).map(encodeLine).join('\r\n');
}
