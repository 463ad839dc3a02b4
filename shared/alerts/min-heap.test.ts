import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MinHeap } from './min-heap';

describe('min-heap', () => {
  it('pops any sequence of numbers in ascending order', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), (values) => {
        const heap = new MinHeap<number>((a, b) => a < b);
        values.forEach((v) => heap.push(v));
        const out: number[] = [];
        for (let v = heap.pop(); v !== undefined; v = heap.pop()) out.push(v);
        expect(out).toEqual([...values].sort((a, b) => a - b));
      }),
    );
  });

  it('peeks the smallest without removing it and is empty after clear', () => {
    const heap = new MinHeap<number>((a, b) => a < b);
    [5, 1, 3].forEach((v) => heap.push(v));
    expect(heap.peek()).toBe(1);
    expect(heap.size).toBe(3);
    heap.clear();
    expect(heap.pop()).toBeUndefined();
  });
});
