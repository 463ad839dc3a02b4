import { afterAll, beforeAll, describe } from 'vitest';
import type { Db } from '../../server/db/types';
import { runAccountsSuite } from './accounts-suite';
import { memoryDb } from './harness';

let db: Db;
beforeAll(async () => {
  db = await memoryDb();
});
afterAll(async () => {
  await db.close();
});

describe('accounts and sessions over HTTP (PGlite)', () => {
  runAccountsSuite(() => db, 'pglite');
});
