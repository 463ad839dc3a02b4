import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { createPgliteDb } from './db/pglite';

const run = promisify(execFile);
const dataDir = mkdtempSync(join(tmpdir(), 'sd-create-user-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs `tsx server/main.ts create-user ...` as an admin would, on a throwaway embedded database. */
async function createUserCli(args: string[]): Promise<{ code: number; out: string }> {
  try {
    const r = await run(process.execPath, ['--import', 'tsx', 'server/main.ts', 'create-user', ...args], { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' } });
    return { code: 0, out: r.stdout + r.stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: err.code ?? 1, out: `${err.stdout ?? ''}${err.stderr ?? ''}` };
  }
}

describe('create-user', () => {
  it('publishes a new engineer with a calendar every device knows and the skills given, so dispatchers can book them at once', async () => {
    const ok = await createUserCli(['--tenant', 'acme', '--email', 'Fay@Example.com', '--role', 'field_engineer', '--region', 'emea', '--password', 'pw-123456', '--skills', 'edge-routers, data-vault']);
    expect(ok.out).toMatch(/created field_engineer fay@example.com in tenant acme/);
    const refused = await createUserCli(['--tenant', 'acme', '--email', 'gil@example.com', '--role', 'agent', '--password', 'pw-123456', '--calendar', 'mars-holidays']);
    expect(refused.code).toBe(2);
    expect(refused.out).toMatch(/unknown calendar "mars-holidays": use one of .*weekdays-0830-1700/);

    const db = await createPgliteDb(dataDir);
    try {
      const engineers = await db.query<{ data: { email: string; calendarId: string; skills: string[] } }>(`SELECT data FROM entities WHERE tenant_id = 'acme' AND tbl = 'engineers'`);
      expect(engineers.map((r) => r.data)).toEqual([expect.objectContaining({ email: 'fay@example.com', calendarId: 'weekdays-0830-1700', skills: ['edge-routers', 'data-vault'] })]);
    } finally {
      await db.close();
    }
  }, 120_000);
});
