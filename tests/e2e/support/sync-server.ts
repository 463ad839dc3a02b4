// A real sync server for e2e tests: `server/main.ts` in its own Node process on a free loopback
// port, over embedded PGlite in a temporary folder, with the demo tenant (--demo) and the e2e web
// host's origin allowed (CORS).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type RunningSyncServer = {
  /** e.g. http://127.0.0.1:40123 */
  url: string;
  /** Everything the server printed, for failure messages. */
  log: () => string;
  stop: () => Promise<void>;
};

// Generous: the embedded database and the demo users' password hash take long on a busy machine.
const START_TIMEOUT_MS = 120_000;

function exited(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once('exit', () => resolve());
  });
}

/** Starts `server/main.ts` (PORT=0: the OS picks a free port) and resolves once it listens. */
export async function startSyncServer(extraEnv: Record<string, string> = {}): Promise<RunningSyncServer> {
  const dataDir = await mkdtemp(join(tmpdir(), 'sd-e2e-sync-'));
  // `node --import tsx` keeps the server in this one child process, so stopping it stops the server.
  const webOrigin = `http://127.0.0.1:${process.env.E2E_PORT ?? 4317}`;
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts', '--demo'], {
    cwd: process.cwd(),
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', CORS_ORIGINS: webOrigin, ...extraEnv },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const log = () => output;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const killed = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited(child);
      clearTimeout(killed);
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the sync server did not start within ${START_TIMEOUT_MS} ms:\n${output}`)), START_TIMEOUT_MS);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        const m = /sync server on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (m?.[1]) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`the sync server exited with code ${String(code)} before listening:\n${output}`));
      });
    });
    return { url, log, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}
