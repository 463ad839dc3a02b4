import { createPgliteDb } from './db/pglite';
import { createPostgresDb } from './db/postgres';
import { migrate } from './db/migrate';
import type { Db } from './db/types';

export const DEFAULT_DATA_DIR = '.data/server';

/** PostgreSQL when DATABASE_URL is set, otherwise the embedded PGlite folder; migrated either way. */
export async function openDb(env: { DATABASE_URL?: string; DATA_DIR?: string }): Promise<Db> {
  const db = env.DATABASE_URL ? createPostgresDb(env.DATABASE_URL) : await createPgliteDb(env.DATA_DIR ?? DEFAULT_DATA_DIR);
  await migrate(db);
  return db;
}
