import { describe, expect, it } from 'vitest';
import { reuseRows, sameData } from './stable-rows';

const row = (id: string, updatedAt: number, extra: Record<string, unknown> = {}) => ({ id, updatedAt, intake: { serviceId: 'svc-1' }, tags: ['a'], ...extra });

describe('stable rows across live-query re-runs', () => {
  it('compares stored data deeply', () => {
    expect(sameData(row('a', 1), row('a', 1))).toBe(true);
    expect(sameData(row('a', 1), row('a', 2))).toBe(false);
    expect(sameData(row('a', 1, { intake: { serviceId: 'svc-2' } }), row('a', 1))).toBe(false);
    expect(sameData(row('a', 1, { ownerId: undefined }), row('a', 1))).toBe(false);
    expect(sameData([1, 2], { 0: 1, 1: 2 })).toBe(false);
  });

  it('keeps the previous array when nothing changed, and the previous objects of unchanged rows', () => {
    const prev = [row('a', 1), row('b', 1), row('c', 1)];
    expect(reuseRows(prev, [row('a', 1), row('b', 1), row('c', 1)])).toBe(prev);
    const next = reuseRows(prev, [row('a', 1), row('b', 2), row('c', 1)]);
    expect(next).not.toBe(prev);
    expect(next[0]).toBe(prev[0]);
    expect(next[1]).not.toBe(prev[1]);
    expect(next[1]?.updatedAt).toBe(2);
    expect(next[2]).toBe(prev[2]);
  });

  it('follows a new order and new or removed rows', () => {
    const prev = [row('a', 1), row('b', 1)];
    const moved = reuseRows(prev, [row('b', 1), row('a', 1)]);
    expect(moved.map((r) => r.id)).toEqual(['b', 'a']);
    expect(moved[0]).toBe(prev[1]);
    expect(reuseRows(prev, [row('a', 1)]).map((r) => r.id)).toEqual(['a']);
    expect(reuseRows(prev, [row('a', 1), row('b', 1), row('z', 1)]).map((r) => r.id)).toEqual(['a', 'b', 'z']);
    expect(reuseRows(undefined, prev)).toBe(prev);
  });
});
