import { constants, promises as fsp } from 'node:fs';
import { join } from 'node:path';
import type { AttachmentCacheFileSystem } from './attachment-opener';
import type { HandoffFileSystem } from './handoff';

// Files handed to other applications (mail drafts, calendar files) may hold customer data, and
// a folder other local users can write to lets them plant a symlink that the app would then
// overwrite. So: a folder only this user can enter, a fresh random sub-folder per file, and a
// create-only open that never follows a link.

const ownerOnly = 0o077;

/** Creates `dir` (0700) when missing; refuses a link, a non-folder or someone else's folder, and tightens loose modes. */
export async function ensurePrivateDir(dir: string): Promise<void> {
  await fsp.mkdir(dir, { recursive: true, mode: 0o700 });
  const st = await fsp.lstat(dir);
  if (st.isSymbolicLink() || !st.isDirectory()) throw new Error(`${dir} is not a private folder (it is a link or a file)`);
  // Windows has no POSIX modes; the folder lies in the user's own profile there.
  if (process.platform === 'win32') return;
  if (typeof process.getuid === 'function' && st.uid !== process.getuid()) throw new Error(`${dir} belongs to another user`);
  if ((st.mode & ownerOnly) !== 0) await fsp.chmod(dir, 0o700);
}

/** A new folder inside `dir` with an unpredictable name (mkdtemp: random suffix, 0700, never an existing path). */
export function makeUniqueDir(dir: string): Promise<string> {
  return fsp.mkdtemp(join(dir, 'h-'));
}

/** Creates `path` with mode 0600 and writes `data`; fails when anything (a planted link included) is already there. */
export async function writeExclusive(path: string, data: string | Uint8Array): Promise<void> {
  // O_NOFOLLOW does not exist on Windows; O_EXCL alone already refuses an existing link there.
  const flags = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0);
  const handle = await fsp.open(path, flags, 0o600);
  try {
    await (typeof data === 'string' ? handle.writeFile(data, 'utf8') : handle.writeFile(data));
  } finally {
    await handle.close();
  }
}

/** The bytes of the regular file at `path`; null when nothing is there, or a link or a folder is (never followed). */
export async function readRegularFile(path: string): Promise<Uint8Array | null> {
  let handle;
  try {
    handle = await fsp.open(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  } catch {
    return null;
  }
  try {
    if (!(await handle.stat()).isFile()) return null;
    return new Uint8Array(await handle.readFile());
  } finally {
    await handle.close();
  }
}

/** The real file system behind the hand-off service. */
export const nodeHandoffFileSystem: HandoffFileSystem = { ensurePrivateDir, makeUniqueDir, writeExclusive };

/** The real file system behind opening attachments (the same private-folder rules as hand-offs). */
export const nodeAttachmentCacheFileSystem: AttachmentCacheFileSystem = { ensurePrivateDir, makeUniqueDir, writeExclusive, readRegularFile };
