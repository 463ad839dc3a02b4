import { afterAll, beforeAll, describe } from 'vitest';
import type { Db } from '../../server/db/types';
import { createServer, memoryDb } from './harness';
import { runTrustSuite } from './trust-suite';

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

describe('trust at the seams over HTTP (PGlite)', () => {
  runTrustSuite(() => ({ db, server }), 'pglite');
});
