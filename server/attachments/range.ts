/** The bytes a download asks for: `start` to `end`, both included. */
export type ByteRange = { start: number; end: number };

/**
 * Reads a `Range: bytes=…` header (RFC 9110 §14) against a file of `size` bytes: one range, given as
 * `a-b`, `a-` or the last `n` bytes (`-n`), `end` clipped to the file. Undefined means "send the
 * whole file" (no header, another unit, several ranges, or nonsense, which the RFC lets a server
 * ignore); 'unsatisfiable' means the range starts past the end (answered with 416).
 */
export function parseByteRange(header: string | undefined, size: number): ByteRange | 'unsatisfiable' | undefined {
  const m = /^bytes=(\d*)-(\d*)$/.exec((header ?? '').trim());
  if (!m || (m[1] === '' && m[2] === '')) return undefined;
  const [a, b] = [m[1] === '' ? undefined : Number(m[1]), m[2] === '' ? undefined : Number(m[2])];
  if ((a !== undefined && !Number.isSafeInteger(a)) || (b !== undefined && !Number.isSafeInteger(b))) return undefined;
  if (a === undefined) {
    // The last b bytes; a zero-length suffix selects nothing.
    if (b === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - (b ?? 0)), end: size - 1 };
  }
  if (b !== undefined && b < a) return undefined;
  if (a >= size) return 'unsatisfiable';
  return { start: a, end: Math.min(size - 1, b ?? size - 1) };
}
