import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FieldVersions } from '../../../shared/sync';
import { compactMeta, effectiveSyncState, expandMeta, META_KEY, serverFacts, splitRow, withMeta } from './sync-meta';

const fields = ['title', 'status', 'severity', 'ownerId', 'region', 'description', '_'];
const fvArb = fc.dictionary(fc.constantFrom(...fields), fc.record({ v: fc.integer({ min: 1, max: 6 }), c: fc.constantFrom('client-aaaa', 'client-bbbb') }));
const dataArb = fc.uniqueArray(fc.constantFrom(...fields.slice(0, -1)), { maxLength: 6 }).map((keys) => Object.fromEntries(keys.map((k) => [k, `value of ${k}`])));

describe('inline sync facts', () => {
  it('expanding the compact form gives back every field version the server sent', () => {
    fc.assert(
      fc.property(fvArb, dataArb, (fv: FieldVersions, data) => {
        const expanded = expandMeta(compactMeta(9, fv, data), data);
        for (const [f, x] of Object.entries(fv)) expect(expanded[f]).toEqual(x);
        // Extra entries only for fields the row has (the server ignores base versions it never stamped).
        for (const f of Object.keys(expanded)) expect(f in fv || f in data).toBe(true);
      }),
    );
  });

  it('a row written once by one client stores one pair, not one per field', () => {
    const data = { id: 'SD-1', title: 'Printer down', status: 'received' };
    const fv = { id: { v: 4, c: 'client-aaaa' }, title: { v: 4, c: 'client-aaaa' }, status: { v: 4, c: 'client-aaaa' } };
    expect(compactMeta(4, fv, data)).toEqual({ v: 4, d: { v: 4, c: 'client-aaaa' } });
    const mixed = { ...fv, status: { v: 7, c: 'client-bbbb' } };
    expect(compactMeta(7, mixed, data)).toEqual({ v: 7, d: { v: 4, c: 'client-aaaa' }, fv: { status: { v: 7, c: 'client-bbbb' } } });
  });

  it('mutators and shadows see the row without the facts; a pending change’s sync state wins over the row', () => {
    const stored = withMeta({ id: 'SD-1', title: 'x' }, 3, { title: { v: 3, c: 'client-aaaa' } });
    const { data, meta } = splitRow(stored);
    expect(data).toEqual({ id: 'SD-1', title: 'x' });
    expect(META_KEY in (data ?? {})).toBe(false);
    expect(serverFacts(data, meta, undefined)).toEqual({ version: 3, fv: { id: { v: 3, c: 'client-aaaa' }, title: { v: 3, c: 'client-aaaa' } } });
    const pending = { table: 'tickets' as const, id: 'SD-1', version: 2, fv: { title: { v: 2, c: 'client-bbbb' } }, hasShadow: 1 as const, shadow: null };
    expect(serverFacts(data, meta, pending)).toEqual({ version: 2, fv: pending.fv });
    expect(serverFacts({ id: 'SD-2' }, undefined, undefined)).toEqual({ version: 0, fv: {} });
  });

  it('a row’s effective sync state is the same whether its facts sit on the row or in a sync state row', () => {
    const fv = { id: { v: 5, c: 'client-aaaa' }, title: { v: 8, c: 'client-bbbb' } };
    const stored = withMeta({ id: 'SD-1', title: 'x' }, 8, fv);
    expect(effectiveSyncState(stored, undefined)).toEqual({ version: 8, fv, hasShadow: 0 });
    expect(effectiveSyncState({ id: 'SD-1', title: 'x' }, { table: 'tickets', id: 'SD-1', version: 8, fv, hasShadow: 0 })).toEqual({ version: 8, fv, hasShadow: 0 });
    expect(effectiveSyncState({ id: 'SD-9' }, undefined)).toBeUndefined();
    expect(effectiveSyncState(stored, { table: 'tickets', id: 'SD-1', version: 7, fv: {}, hasShadow: 1, shadow: null })).toEqual({ version: 7, fv: {}, hasShadow: 1, shadow: null });
  });
});
