// RFC 5545 section 3.1/3.3.11: content lines, TEXT escaping and folding at 75 octets.
// Lines are counted in UTF-8 octets (a Chinese character is 3) and folded only between code
// points, so a multi-byte character is never split across lines.

/** Escapes a TEXT value: backslash, semicolon, comma and newlines (CRLF, CR, LF -> \n). */
export function escapeText(value: string): string {
  return value
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\r\n|\r|\n/g, '\\n');
}

/** A parameter value: quoted when it holds ":", ";" or ","; DQUOTE and control characters dropped (they cannot be escaped). */
export function paramValue(value: string): string {
  const clean = value.replace(/["\u0000-\u001f\u007f]/g, '');
  return /[:;,]/.test(clean) ? `"${clean}"` : clean;
}

function utf8Length(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

const MAX_OCTETS = 75;

/** Folds one logical line into physical lines of at most 75 octets (continuations start with a space). */
export function foldLine(line: string): string[] {
  const out: string[] = [];
  let current = '';
  let octets = 0;
  for (const ch of line) {
    const size = utf8Length(ch.codePointAt(0) ?? 0);
    if (octets + size > MAX_OCTETS) {
      out.push(current);
      // The leading space of a continuation line counts towards its 75 octets.
      current = ' ';
      octets = 1;
    }
    current += ch;
    octets += size;
  }
  out.push(current);
  return out;
}

/** Joins logical lines into an iCalendar stream: folded, CRLF-terminated. */
export function serializeLines(lines: readonly string[]): string {
  return lines.flatMap(foldLine).map((l) => `${l}\r\n`).join('');
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** "YYYYMMDDTHHMMSS" of the UTC fields of a Date-like instant (used for UTC and shifted wall times). */
export function formatFloating(instantMs: number): string {
  const d = new Date(instantMs);
  return `${pad(d.getUTCFullYear(), 4)}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}T${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}`;
}

/** A UTC DATE-TIME: "YYYYMMDDTHHMMSSZ". */
export function formatUtc(instantMs: number): string {
  return `${formatFloating(instantMs)}Z`;
}

/** A UTC offset as RFC 5545 wants it: "+0200", "-0500", "+053045" with seconds only when needed. */
export function formatOffset(offsetMs: number): string {
  const sign = offsetMs < 0 ? '-' : '+';
  const total = Math.round(Math.abs(offsetMs) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  return `${sign}${pad(h)}${pad(m)}${s ? pad(s) : ''}`;
}
