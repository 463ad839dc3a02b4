import { describe } from 'vitest';
import { inProcessServer } from './harness';
import { runScopeChangeSuite } from './scope-change-suite';

const env = inProcessServer();

describe('field engineer scope changes (PGlite)', () => {
  runScopeChangeSuite(() => env, 'pglite');
});
