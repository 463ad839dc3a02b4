import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseByteRange } from './range';

describe('download ranges', () => {
  it('reads the forms a browser or a resuming download sends', () => {
    expect(parseByteRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 });
    expect(parseByteRange('bytes=500-', 1000)).toEqual({ start: 500, end: 999 });
    expect(parseByteRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseByteRange('bytes=900-5000', 1000)).toEqual({ start: 900, end: 999 });
    expect(parseByteRange('bytes=-5000', 1000)).toEqual({ start: 0, end: 999 });
  });

  it('sends the whole file for no range, other units, several ranges or nonsense, and refuses a start past the end', () => {
    for (const h of [undefined, '', 'items=0-1', 'bytes=0-1,5-9', 'bytes=9-1', 'bytes=-', 'bytes=a-b', `bytes=0-${'9'.repeat(30)}`]) expect(parseByteRange(h, 1000)).toBeUndefined();
    expect(parseByteRange('bytes=1000-', 1000)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=-0', 1000)).toBe('unsatisfiable');
    expect(parseByteRange('bytes=0-', 0)).toBe('unsatisfiable');
  });

  it('always answers a range inside the file, starting where asked', () => {
    fc.assert(
      fc.property(fc.nat(1_000_000), fc.nat(2_000_000), fc.option(fc.nat(2_000_000), { nil: undefined }), (size, a, b) => {
        const r = parseByteRange(`bytes=${a}-${b ?? ''}`, size);
        if (r === undefined) return b !== undefined && b < a;
        if (r === 'unsatisfiable') return a >= size;
        return r.start === a && r.end >= r.start && r.end < size && (b === undefined || r.end <= b);
      }),
    );
  });
});
