import pg from 'pg';
import { preparedName } from './prepared';
import { inlineParams, sqlLiteral } from './inline-params';
import type { BriefTx, Db, Queryable, Row } from './types';

const statement = (sql: string, values: unknown[]) => {
  const name = preparedName(sql);
  return name ? { name, text: sql, values } : { text: sql, values };
};

// Statements prepared with SQL PREPARE on each connection (a namespace apart from the driver's own
// protocol-level names), so a brief transaction can EXECUTE them inside a multi-statement message.
const sqlPrepared = new WeakMap<pg.PoolClient, Set<string>>();

/** `sql` as text to send in a simple-protocol message: EXECUTE of its prepared plan when it is marked, else inlined. */
async function asText(client: pg.PoolClient, sql: string, params: unknown[]): Promise<string> {
  const name = preparedName(sql);
  if (!name) return inlineParams(sql, params);
  const sqlName = `${name}_x`;
  let done = sqlPrepared.get(client);
  if (!done) sqlPrepared.set(client, (done = new Set()));
  if (!done.has(sqlName)) {
    // Once per connection and statement, on its own: PREPARE is not undone by a rollback.
    await client.query(`PREPARE ${sqlName} AS ${sql}`).catch((e: { code?: string }) => {
      if (e.code !== '42P05') throw e; // already prepared on this connection
    });
    done.add(sqlName);
  }
  return params.length === 0 ? `EXECUTE ${sqlName}` : `EXECUTE ${sqlName}(${params.map(sqlLiteral).join(', ')})`;
}

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
    async briefTransaction(fn) {
      const client = await pool.connect();
      let begun = false;
      let done = false;
      // A simple-protocol message with two statements answers with two results; `pick` is the statement's.
      const run = async <T extends Row>(text: string, pick: 0 | 1): Promise<T[]> => {
        const res = (await client.query(text)) as unknown as pg.QueryResult<T> | Array<pg.QueryResult<T>>;
        return Array.isArray(res) ? (res[pick]?.rows ?? []) : res.rows;
      };
      const tx: BriefTx = {
        query: async <T extends Row = Row>(sql: string, params: unknown[] = []) => {
          if (done) throw new Error('this transaction has already run its last statement');
          if (begun) return (await client.query<T>(statement(sql, params))).rows;
          const text = await asText(client, sql, params);
          begun = true;
          return run<T>(`BEGIN; ${text}`, 1);
        },
        last: async <T extends Row = Row>(sql: string, params: unknown[] = []) => {
          if (done) throw new Error('this transaction has already run its last statement');
          const pick = begun ? 0 : 1;
          const text = `${begun ? '' : 'BEGIN; '}${await asText(client, sql, params)}; COMMIT`;
          begun = true;
          const rows = await run<T>(text, pick);
          done = true;
          return rows;
        },
      };
      try {
        const result = await fn(tx);
        if (!done && begun) await client.query('COMMIT');
        done = true;
        return result;
      } catch (e) {
        // A failed statement leaves the block aborted and skips the COMMIT sent with it: roll back.
        if (begun && !done) await client.query('ROLLBACK').catch(() => undefined);
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
