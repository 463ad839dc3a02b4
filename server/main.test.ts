// The server's command line as an admin uses it: create-user (password from stdin, never argv;
// refused while a server holds the embedded database) and the demo tenant only with --demo.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPgliteDb } from './db/pglite';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'sd-server-cli-'));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Runs `tsx server/main.ts ...` on a throwaway embedded database, `stdin` piped in. */
function cli(dataDir: string, args: string[], stdin = '', env: Record<string, string> = {}): Promise<{ code: number; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.stdin.end(stdin);
    child.on('exit', (code) => resolve({ code: code ?? 1, out }));
  });
}

/** Starts the server (PORT=0) and resolves with its URL and a stop function. */
function startServer(dataDir: string, args: string[] = []): Promise<{ url: string; stop: () => Promise<void> }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', ...args], { env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', PORT: '0', HOST: '127.0.0.1' }, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    child.stderr.on('data', (d: Buffer) => (out += d.toString()));
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /sync server on (http:\/\/127\.0\.0\.1:\d+)/.exec(out);
      if (m?.[1]) resolve({ url: m[1], stop: async () => (child.kill('SIGTERM'), await exited) });
    });
    child.once('exit', (code) => reject(new Error(`server exited ${String(code)}: ${out}`)));
  });
}

const login = (url: string, email: string, password: string) => fetch(`${url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });

describe('create-user', () => {
  it('reads the password from stdin, publishes the engineer with a known calendar and skills, and refuses --password and short passwords', async () => {
    const dataDir = tempDir();
    const ok = await cli(dataDir, ['create-user', '--tenant', 'acme', '--email', 'Fay@Example.com', '--role', 'field_engineer', '--region', 'emea', '--skills', 'edge-routers, data-vault'], 'fay-long-password\n');
    expect(ok.out).toMatch(/created field_engineer fay@example.com in tenant acme/);
    const argv = await cli(dataDir, ['create-user', '--tenant', 'acme', '--email', 'gil@example.com', '--role', 'agent', '--password', 'visible-in-ps']);
    expect(argv.code).toBe(2);
    expect(argv.out).toMatch(/--password is not accepted.*pipe it/s);
    const short = await cli(dataDir, ['create-user', '--tenant', 'acme', '--email', 'gil@example.com', '--role', 'agent'], 'short\n');
    expect(short.code).toBe(2);
    expect(short.out).toMatch(/at least 10 characters/);
    const refused = await cli(dataDir, ['create-user', '--tenant', 'acme', '--email', 'gil@example.com', '--role', 'agent', '--calendar', 'mars-holidays'], 'gil-long-password\n');
    expect(refused.code).toBe(2);
    expect(refused.out).toMatch(/unknown calendar "mars-holidays": use one of .*weekdays-0830-1700/);

    const db = await createPgliteDb(dataDir);
    try {
      const engineers = await db.query<{ data: { email: string; calendarId: string; skills: string[] } }>(`SELECT data FROM entities WHERE tenant_id = 'acme' AND tbl = 'engineers'`);
      expect(engineers.map((r) => r.data)).toEqual([expect.objectContaining({ email: 'fay@example.com', calendarId: 'weekdays-0830-1700', skills: ['edge-routers', 'data-vault'] })]);
    } finally {
      await db.close();
    }
  }, 180_000);

  it('refuses while a server runs on the embedded database (the user would be lost), and works once it stops', async () => {
    const dataDir = tempDir();
    const server = await startServer(dataDir);
    let stopped = false;
    try {
      const r = await cli(dataDir, ['create-user', '--tenant', 'acme', '--email', 'hal@example.com', '--role', 'admin'], 'hal-long-password\n');
      expect(r.code).toBe(2);
      expect(r.out).toMatch(/in use by a running sync server.*Settings › People/s);
      expect(r.out).not.toMatch(/created admin/);
      await server.stop();
      stopped = true;
      const again = await cli(dataDir, ['create-user', '--tenant', 'acme', '--email', 'hal@example.com', '--role', 'admin'], 'hal-long-password\n');
      expect(again.out).toMatch(/created admin hal@example.com/);
    } finally {
      if (!stopped) await server.stop();
    }
  }, 180_000);
});

describe('the demo tenant', () => {
  it('is seeded only when asked for with --demo, and only on loopback', async () => {
    const dataDir = tempDir();
    const plain = await startServer(dataDir);
    try {
      expect((await login(plain.url, 'admin@example.com', 'demo-password')).status).toBe(401);
    } finally {
      await plain.stop();
    }
    const exposed = await cli(dataDir, ['--demo'], '', { HOST: '0.0.0.0', PORT: '0' });
    expect(exposed.code).toBe(2);
    expect(exposed.out).toMatch(/--demo is only for a server on loopback/);
    const demo = await startServer(dataDir, ['--demo']);
    try {
      expect((await login(demo.url, 'admin@example.com', 'demo-password')).status).toBe(200);
    } finally {
      await demo.stop();
    }
  }, 240_000);
});
