import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HOUR, MON_0900, makeTicket, testCalendars, testPolicy } from '../../../../shared/sla/clocks-fixtures.test-support';
import type { Ticket } from '../../../../shared/ticket';
import { buildWatchList, watchFromHeld } from './watch-input';
import { openDb } from '../../data/db';
import { DueRangeCache, type TicketRow } from '../../data/due-range-cache';
import { NO_DUE, ticketIndex } from '../../data/queue-keys';
import { installQueueKeys } from '../../data/queue-keys-middleware';

const policy = testPolicy();
const config = { policies: new Map([[policy.id, policy]]), calendars: testCalendars };
const NOW = MON_0900 + 3 * HOUR;
const statuses: Ticket['status'][] = ['received', 'in_progress', 'waiting_customer', 'resolved', 'closed'];

/** A write the app could make: one ticket put or deleted, or a bulk put (a sync page). */
const writeArb = fc.oneof(
  fc.record({ kind: fc.constant('put' as const), n: fc.integer({ min: 0, max: 29 }), status: fc.constantFrom(...statuses), severity: fc.constantFrom('1', '2', '3'), ageH: fc.integer({ min: 0, max: 400 }) }),
  fc.record({ kind: fc.constant('delete' as const), n: fc.integer({ min: 0, max: 29 }) }),
  fc.record({ kind: fc.constant('bulk' as const), from: fc.integer({ min: 0, max: 29 }), count: fc.integer({ min: 2, max: 6 }), status: fc.constantFrom(...statuses) }),
);

const ticketOf = (n: number, status: Ticket['status'], severity = '2', ageH = 5): Ticket => {
  const createdAt = NOW - ageH * HOUR;
  return makeTicket({ id: `SD-${String(n).padStart(3, '0')}`, policyId: policy.id, status, severity, createdAt, sla: { severityHistory: [{ at: createdAt, severity }] } } as Partial<Ticket>);
};

describe('tickets due within a bound, held and kept up to date from the writes (real Dexie)', () => {
  it('after any sequence of writes holds exactly what reading the dueAt range again gives, and the watch list built from it equals the one built from a fresh read', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(writeArb, { maxLength: 5 }), { minLength: 1, maxLength: 5 }), fc.integer({ min: 0, max: 400 }), async (batches, boundH) => {
        const db = openDb(`due-range-${Math.random()}`);
        installQueueKeys(db, () => config, () => NOW);
        try {
          await db.tickets.bulkPut(Array.from({ length: 20 }, (_, n) => ticketOf(n, statuses[n % statuses.length] ?? 'received', String((n % 3) + 1), n * 7)));
          const upper = NOW + boundH * HOUR;
          const project = (row: TicketRow) => ({ dueAt: row.dueAt ?? NO_DUE, entries: buildWatchList([row], new Map(), config.policies, config.calendars, NOW) });
          const cache = new DueRangeCache(db, project);
          try {
            for (const batch of batches) {
              for (const w of batch) {
                if (w.kind === 'put') await db.tickets.put(ticketOf(w.n, w.status, w.severity, w.ageH));
                else if (w.kind === 'delete') await db.tickets.delete(ticketOf(w.n, 'received').id);
                else await db.tickets.bulkPut(Array.from({ length: w.count }, (_, i) => ticketOf(w.from + i, w.status)));
              }
              const held = await cache.refresh(upper, config);
              const fresh = (await db.tickets.where(ticketIndex.dueAt).below(upper).toArray()) as TicketRow[];
              expect(new Map([...held].map(([id, v]) => [id, v]))).toEqual(new Map(fresh.map((t) => [t.id, project(t)])));
              const { entries, counts } = watchFromHeld(held.values(), NOW);
              // Ties on the instant may come in another order: compare as sorted sets.
              const key = (e: { ticketId: string; clock: string; threshold: number; at: number }) => `${e.at}|${e.ticketId}|${e.clock}|${e.threshold}`;
              expect(entries.map(key).sort()).toEqual(buildWatchList(fresh, new Map(), config.policies, config.calendars, NOW).map(key).sort());
              expect(entries.map((e) => e.at)).toEqual([...entries.map((e) => e.at)].sort((a, b) => a - b));
              expect(counts.breached).toBe(await db.tickets.where(ticketIndex.dueAt).below(NOW).count());
            }
          } finally {
            cache.stop();
          }
        } finally {
          await db.delete();
        }
      }),
      { numRuns: 25 },
    );
  });

  it('reads nothing again when nothing was written, and only the written ticket after a single write', async () => {
    const db = openDb(`due-range-${Math.random()}`);
    installQueueKeys(db, () => config, () => NOW);
    try {
      await db.tickets.bulkPut(Array.from({ length: 10 }, (_, n) => ticketOf(n, 'in_progress')));
      const projected: string[] = [];
      const cache = new DueRangeCache(db, (row) => (projected.push(row.id), row.id));
      await cache.refresh(NOW + 100 * HOUR, config);
      expect(projected).toHaveLength(10);
      projected.length = 0;
      await cache.refresh(NOW + 100 * HOUR, config);
      expect(projected).toEqual([]);
      await db.tickets.put(ticketOf(3, 'received'));
      const held = await cache.refresh(NOW + 100 * HOUR, config);
      expect(projected).toEqual(['SD-003']);
      expect(held.size).toBe(10);
      // A new bound or configuration reads the range again.
      projected.length = 0;
      await cache.refresh(NOW + 101 * HOUR, config);
      expect(projected).toHaveLength(10);
      cache.stop();
    } finally {
      await db.delete();
    }
  });
});
