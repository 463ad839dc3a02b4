import { PGlite } from '@electric-sql/pglite';
import { btree_gist } from '@electric-sql/pglite/contrib/btree_gist';
import type { Db, Queryable, Row } from './types';

/** Embedded PostgreSQL (WASM) in a data folder, or in memory when dataDir is undefined. One connection, so transactions queue. */
export async function createPgliteDb(dataDir?: string): Promise<Db> {
  // btree_gist backs the exclusion constraint on confirmed visits (migration 002), as on PostgreSQL.
  const extensions = { btree_gist };
  const pg = dataDir ? await PGlite.create({ dataDir, extensions }) : await PGlite.create({ extensions });
  const query = async <T extends Row = Row>(sql: string, params: unknown[] = []): Promise<T[]> => (await pg.query<T>(sql, params)).rows;
  return {
    kind: 'pglite',
    query,
    transaction: (fn) =>
      pg.transaction(async (t) => {
        const tx: Queryable = { query: async <T extends Row = Row>(sql: string, params: unknown[] = []) => (await t.query<T>(sql, params)).rows };
        return fn(tx);
      }),
    // In-process: there are no round trips to save.
    briefTransaction: (fn) =>
      pg.transaction(async (t) => {
        const query = async <T extends Row = Row>(sql: string, params: unknown[] = []) => (await t.query<T>(sql, params)).rows;
        return fn({ query, last: query });
      }),
    async listen(channel, onPayload) {
      return pg.listen(channel, onPayload);
    },
    async close() {
      await pg.close();
    },
  };
}
