import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { composerAfterFailedSave, draftSchema, isBlankDraft, restoreDraftValues } from './draft';

const empty = { title: '', channel: 'phone', severity: '', confirmed: false };

describe('draft rules', () => {
  it('a refused save never drops a character: the submitted text and what was typed since are both back, in that order', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string(), (submitted, typed) => {
        const back = composerAfterFailedSave(submitted, typed);
        expect(back.startsWith(submitted)).toBe(true);
        expect(back.endsWith(typed)).toBe(true);
        expect(back.length - submitted.length - typed.length).toBeLessThanOrEqual(1);
      }),
    );
    expect(composerAfterFailedSave('typed note 1', '')).toBe('typed note 1');
    expect(composerAfterFailedSave('typed note 1', 'typed note 2')).toBe('typed note 1\ntyped note 2');
  });

  it('restores exactly the fields the form has, with their types, and nothing else', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom('title', 'channel', 'severity', 'confirmed', 'stale'), fc.oneof(fc.string(), fc.boolean())), (stored) => {
        const out = restoreDraftValues(empty, stored);
        expect(Object.keys(out).sort()).toEqual(Object.keys(empty).sort());
        for (const [k, v] of Object.entries(out)) {
          expect(typeof v).toBe(typeof empty[k as keyof typeof empty]);
          if (k in stored && typeof stored[k] === typeof v) expect(v).toBe(stored[k]);
        }
      }),
    );
  });

  it('a form showing only its empty values is no draft; any typed text is one', () => {
    expect(isBlankDraft({ ...empty, title: '   ' }, empty)).toBe(true);
    expect(isBlankDraft({ ...empty, title: 'Printer on fire' }, empty)).toBe(false);
    expect(isBlankDraft({ ...empty, channel: 'email' }, empty)).toBe(false);
    expect(isBlankDraft({ ...empty, confirmed: true }, empty)).toBe(false);
  });

  it('refuses a draft without a key, of an unknown kind, or with a field that is neither text nor a tick', () => {
    const ok = { key: 'note:SD-1', kind: 'note', values: { text: 'x' }, savedAt: 1 };
    expect(draftSchema.safeParse(ok).success).toBe(true);
    expect(draftSchema.safeParse({ ...ok, key: '' }).success).toBe(false);
    expect(draftSchema.safeParse({ ...ok, kind: 'diary' }).success).toBe(false);
    expect(draftSchema.safeParse({ ...ok, values: { text: 3 } }).success).toBe(false);
  });
});
