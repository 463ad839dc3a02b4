import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Ticket } from '../../../shared/ticket';
import { openDb } from './db';
import { PAGE_ROWS, readDueRangePaged } from './due-range-cache';

/** A bare stored row: only the id and the derived dueAt matter to the paging. */
const row = (n: number, dueAt: number): Ticket & { dueAt: number } => ({ id: `SD-${String(n).padStart(4, '0')}`, dueAt }) as unknown as Ticket & { dueAt: number };

describe('reading a dueAt range in [dueAt+id] pages (real Dexie)', () => {
  it('yields every ticket below the bound exactly once, in dueAt then id order, however many tie on dueAt across page ends', async () => {
    await fc.assert(
      fc.asyncProperty(
        // Few distinct instants over up to 3.5 pages: long ties, often across a page end.
        fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 0, maxLength: Math.floor(PAGE_ROWS * 3.5) }),
        fc.integer({ min: 0, max: 7 }),
        async (dues, bound) => {
          const db = openDb(`due-paged-${Math.random()}`);
          try {
            await db.tickets.bulkPut(dues.map((d, n) => row(n, d * 1_000)));
            const seen: string[] = [];
            await readDueRangePaged(db, bound * 1_000, (r) => seen.push(r.id));
            const want = dues
              .map((d, n) => row(n, d * 1_000))
              .filter((r) => r.dueAt < bound * 1_000)
              .sort((a, b) => a.dueAt - b.dueAt || (a.id < b.id ? -1 : 1))
              .map((r) => r.id);
            expect(seen).toEqual(want);
          } finally {
            await db.delete();
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
