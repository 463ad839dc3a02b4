import { describe, expect, it, afterAll } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from '../../server/app';
import { createPgliteDb } from '../../server/db/pglite';
import { migrate } from '../../server/db/migrate';

const dir = mkdtempSync(join(tmpdir(), 'sd-cors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the sync server from a browser', () => {
  it('answers the web host’s preflight and its requests from another origin', async () => {
    const db = await createPgliteDb(dir);
    await migrate(db);
    const server = createServer({ db });
    try {
      const pre = await server.fetch(new Request('http://127.0.0.1/auth/login', { method: 'OPTIONS', headers: { origin: 'http://127.0.0.1:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' } }));
      expect(pre.status).toBeLessThan(300);
      expect(pre.headers.get('access-control-allow-origin')).toBe('*');
      expect(pre.headers.get('access-control-allow-headers')).toMatch(/content-type/i);
      const health = await server.fetch(new Request('http://127.0.0.1/health', { headers: { origin: 'null' } }));
      expect(health.headers.get('access-control-allow-origin')).toBe('*');
    } finally {
      await server.close();
      await db.close();
    }
  });
});
