// The brief transaction sends BEGIN with its first statement and COMMIT with its last, parameters
// written into the text as literals: proven on a real PostgreSQL that every value arrives exactly as
// the driver's own parameters would carry it, and that a failure anywhere commits nothing.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasPostgres, startPostgres } from '../../tests/sync/harness';
import { createPostgresDb } from './postgres';
import { prepared } from './prepared';
import type { Db } from './types';

const PUT = prepared(`INSERT INTO brief_rows (id, label, tags) VALUES ($1, $2, $3) RETURNING id`);

describe.skipIf(!hasPostgres)('brief transactions on PostgreSQL', () => {
  let pg: Awaited<ReturnType<typeof startPostgres>>;
  let db: Db;
  beforeAll(async () => {
    pg = await startPostgres();
    db = createPostgresDb(pg.url, 2);
    await db.query('CREATE TABLE brief_rows (id int PRIMARY KEY, label text NOT NULL, tags text[] NOT NULL)');
  }, 60_000);
  afterAll(async () => {
    await db?.close();
    pg?.stop();
  });

  it('property: any text, list or number written into the statement arrives exactly as a driver parameter would', async () => {
    // U+0000 is left out: PostgreSQL text cannot hold it either way (the sync boundary removes it).
    const text = fc.string({ unit: 'grapheme', maxLength: 40 }).filter((s) => !s.includes('\u0000'));
    const tricky = fc.constantFrom("'", "''", '\\', "\\'", '$1', '$$', 'E\'x\'', '"', '{a,b}', 'NULL', ';COMMIT;', '--', '/*');
    const value = fc.oneof(text, tricky, fc.integer({ min: -1e9, max: 1e9 }), fc.array(fc.oneof(text, tricky), { maxLength: 4 }));
    await fc.assert(
      fc.asyncProperty(value, async (v) => {
        const cast = Array.isArray(v) ? 'text[]' : typeof v === 'number' ? 'bigint' : 'text';
        const viaParam = await db.query<{ v: unknown }>(`SELECT $1::${cast} AS v`, [v]);
        const viaBrief = await db.briefTransaction((tx) => tx.last<{ v: unknown }>(`SELECT $1::${cast} AS v`, [v]));
        expect(viaBrief[0]?.v).toEqual(viaParam[0]?.v);
      }),
      { numRuns: 150 },
    );
  });

  it('commits the first and last statement together; a failing last statement commits neither, and the connection keeps working', async () => {
    await db.briefTransaction(async (tx) => {
      await tx.query(PUT, [1, "it's \\ one", ['a', 'b"c']]);
      await tx.last(PUT, [2, 'two', []]);
    });
    await expect(
      db.briefTransaction(async (tx) => {
        await tx.query(PUT, [3, 'three', ['x']]);
        await tx.last(PUT, [1, 'duplicate id', []]);
      }),
    ).rejects.toThrow(/duplicate key/);
    await expect(
      db.briefTransaction(async (tx) => {
        await tx.query(PUT, [4, 'four', []]);
        throw new Error('the caller gave up');
      }),
    ).rejects.toThrow('the caller gave up');
    // Every pooled connection still runs the prepared statement after those rollbacks.
    for (const id of [5, 6, 7]) await db.briefTransaction((tx) => tx.last(PUT, [id, `row ${id}`, ['ok']]));
    const rows = await db.query<{ id: number; label: string; tags: string[] }>('SELECT id, label, tags FROM brief_rows ORDER BY id');
    expect(rows.map((r) => r.id)).toEqual([1, 2, 5, 6, 7]);
    expect(rows[0]).toEqual({ id: 1, label: "it's \\ one", tags: ['a', 'b"c'] });
    await expect(db.briefTransaction((tx) => tx.last('SELECT 1 AS one').then(() => tx.query('SELECT 2')))).rejects.toThrow(/already run its last statement/);
  });
});
