import { describe } from 'vitest';
import { runAccountsSuite } from './accounts-suite';
import { hasPostgres, usePostgresCluster } from './harness';

const suite = hasPostgres ? describe : describe.skip;

suite('accounts and sessions over HTTP (PostgreSQL 15)', () => {
  const pg = usePostgresCluster();
  runAccountsSuite(() => pg.db, 'postgres');
});
