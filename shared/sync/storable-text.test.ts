import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isStorableText, storableText, toStorable } from './storable-text';

/** What PostgreSQL's jsonb accepts: no U+0000 and no unpaired surrogate. */
const storable = (s: string) => !s.includes('\u0000') && !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

describe('storable text', () => {
  it('replaces a lone surrogate with U+FFFD and removes U+0000, keeping everything else', () => {
    expect(storableText('cut emoji \uD83D')).toBe('cut emoji \uFFFD');
    expect(storableText('\uDE00 low first')).toBe('\uFFFD low first');
    expect(storableText('a\u0000b')).toBe('ab');
    expect(storableText('whole emoji 😀 stays')).toBe('whole emoji 😀 stays');
    expect(storableText('中文 български')).toBe('中文 български');
  });

  it('any string becomes storable, storable strings are untouched, and the rule is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const out = storableText(s);
        expect(storable(out)).toBe(true);
        expect(storableText(out)).toBe(out);
        if (storable(s)) expect(out).toBe(s);
        expect(isStorableText(s)).toBe(storable(s));
      }),
    );
  });

  it('normalises every string of a JSON value, keys included, and returns the same object when nothing changes', () => {
    const clean = { a: ['x', { b: 1 }], c: null };
    expect(toStorable(clean)).toBe(clean);
    expect(toStorable({ 'k\u0000': ['\uD800', { n: 'a\u0000' }], ok: true })).toEqual({ k: ['\uFFFD', { n: 'a' }], ok: true });
    fc.assert(
      fc.property(fc.jsonValue({ stringUnit: 'binary' }), (v) => {
        // Every string of the result, keys included (JSON.stringify would hide surrogates as \u escapes).
        const strings: string[] = [];
        const walk = (x: unknown): void => {
          if (typeof x === 'string') strings.push(x);
          else if (Array.isArray(x)) x.forEach(walk);
          else if (x && typeof x === 'object') {
            for (const [k, y] of Object.entries(x)) {
              strings.push(k);
              walk(y);
            }
          }
        };
        walk(toStorable(v));
        expect(strings.every(storable)).toBe(true);
      }),
    );
  });
});
