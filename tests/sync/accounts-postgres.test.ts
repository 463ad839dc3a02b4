import { afterAll, beforeAll, describe } from 'vitest';
import type { Db } from '../../server/db/types';
import { runAccountsSuite } from './accounts-suite';
import { hasPostgres, postgresDb, startPostgres } from './harness';

const suite = hasPostgres ? describe : describe.skip;

suite('accounts and sessions over HTTP (PostgreSQL 15)', () => {
  let pg: { url: string; stop: () => void };
  let db: Db;
  beforeAll(async () => {
    pg = await startPostgres();
    db = await postgresDb(pg.url);
  });
  afterAll(async () => {
    await db?.close();
    pg?.stop();
  });
  runAccountsSuite(() => db, 'postgres');
});
