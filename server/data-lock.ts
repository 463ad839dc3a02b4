import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Embedded PGlite allows one process per data folder, and a second one does not fail: it writes
// to its own copy that the running server never sees (a user "created" and then lost). The
// running server therefore holds a lock file that other commands check first.

const LOCK_FILE = 'service-desk-server.lock';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    // EPERM: the process exists but belongs to someone else.
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The pid of a live server holding the data folder, if any (a stale lock of a crashed server is ignored). */
export function lockHolder(dataDir: string): number | undefined {
  const file = join(dataDir, LOCK_FILE);
  if (!existsSync(file)) return undefined;
  const pid = Number(readFileSync(file, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid) ? pid : undefined;
}

/** Takes the data folder for this process; returns the release function. Throws when a live server holds it. */
export function lockDataDir(dataDir: string): () => void {
  const holder = lockHolder(dataDir);
  if (holder !== undefined) throw new Error(`the embedded database in ${dataDir} is in use by a running server (pid ${holder}); stop it first`);
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, LOCK_FILE);
  writeFileSync(file, String(process.pid));
  return () => rmSync(file, { force: true });
}
