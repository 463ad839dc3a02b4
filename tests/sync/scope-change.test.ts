import { afterAll, beforeAll, describe } from 'vitest';
import type { Db } from '../../server/db/types';
import { createServer, memoryDb } from './harness';
import { runScopeChangeSuite } from './scope-change-suite';

let db: Db;
let server: ReturnType<typeof createServer>;
beforeAll(async () => {
  db = await memoryDb();
  server = createServer({ db });
});
afterAll(async () => {
  await server.close();
  await db.close();
});

describe('field engineer scope changes (PGlite)', () => {
  runScopeChangeSuite(() => ({ db, server }), 'pglite');
});
