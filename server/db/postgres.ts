import pg from 'pg';
import { preparedName } from './prepared';
import type { Db, Queryable, Row } from './types';

const statement = (sql: string, values: unknown[]) => {
  const name = preparedName(sql);
  return name ? { name, text: sql, values } : { text: sql, values };
};

/** PostgreSQL through a pg Pool; LISTEN uses one dedicated connection per subscription. */
export function createPostgresDb(connectionString: string, poolSize = 10): Db {
  const pool = new pg.Pool({ connectionString, max: poolSize });
  // An idle client losing its connection (server restart) must not crash the process.
  pool.on('error', () => undefined);
  const query = async <T extends Row = Row>(sql: string, params: unknown[] = []): Promise<T[]> => (await pool.query<T>(statement(sql, params))).rows;
  return {
    kind: 'postgres',
    query,
    async transaction(fn) {
      const client = await pool.connect();
      const tx: Queryable = { query: async <T extends Row = Row>(sql: string, params: unknown[] = []) => (await client.query<T>(statement(sql, params))).rows };
      try {
        await client.query('BEGIN');
        const result = await fn(tx);
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    async listen(channel, onPayload) {
      const client = new pg.Client({ connectionString });
      client.on('error', () => undefined);
      await client.connect();
      client.on('notification', (n) => {
        if (n.channel === channel) onPayload(n.payload ?? '');
      });
      await client.query(`LISTEN ${pg.escapeIdentifier(channel)}`);
      return async () => {
        await client.end().catch(() => undefined);
      };
    },
    async close() {
      await pool.end();
    },
  };
}
