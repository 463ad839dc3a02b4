import { describe } from 'vitest';
import { inProcessServer } from './harness';
import { runTrustSuite } from './trust-suite';

const env = inProcessServer();

describe('trust at the seams over HTTP (PGlite)', () => {
  runTrustSuite(() => ({ db: env.db, server: env.server }), 'pglite');
});
