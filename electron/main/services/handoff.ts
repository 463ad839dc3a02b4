import { isAbsolute, join, relative, resolve } from 'node:path';
import { checkHandoffFileName } from '../../../shared/alerts';
import type { HandoffExtension } from '../../../shared/alerts';
import { IpcFailure } from '../ipc/failure';

/** What the hand-off needs from the disk; the real one is private-files.ts. */
export type HandoffFileSystem = {
  /** Creates the folder only this user can enter, or refuses one that is a link or not theirs. */
  ensurePrivateDir(dir: string): Promise<void>;
  /** A new, unpredictably named folder inside `dir`; returns its path. */
  makeUniqueDir(dir: string): Promise<string>;
  /** Creates the file (owner-only) and writes it; fails when anything is already at that path. */
  writeExclusive(path: string, data: string): Promise<void>;
};

/** Asks the OS to open a file with its default handler; resolves to an error text or ''. */
export type OpenPath = (path: string) => Promise<string>;

/**
 * The path a hand-off file gets inside `dir`, or an error. The name rule is the one both hosts
 * share (shared/alerts checkHandoffFileName); the folder check is belt and braces.
 */
export function resolveHandoffPath(dir: string, fileName: string, extension: HandoffExtension): { ok: true; path: string } | { ok: false; message: string } {
  const checked = checkHandoffFileName(fileName, extension);
  if (!checked.ok) return checked;
  const path = join(dir, checked.name);
  if (!isInsideDir(dir, path)) return { ok: false, message: 'file name leaves the hand-off folder' };
  return { ok: true, path };
}

/** True when `path` lies strictly inside `dir` after resolving '.', '..' and relative parts. */
export function isInsideDir(dir: string, path: string): boolean {
  const rel = relative(resolve(dir), resolve(path));
  return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
}

export type HandoffService = {
  /** Writes a draft (.eml) or calendar (.ics) file into the app's private folder and returns its path. */
  write(fileName: string, content: string, extension: HandoffExtension): Promise<string>;
  /** Opens a file with the default app, but only one this service wrote into its folder. */
  open(path: string): Promise<void>;
  wasWrittenByApp(path: string): boolean;
};

/**
 * Hand-off of mail drafts and calendar files to the desktop's default applications. Each file
 * gets its own fresh sub-folder, so the name the user chose is kept (the mail client shows it)
 * while the full path stays unpredictable.
 */
export function createHandoffService(dir: string, fs: HandoffFileSystem, openPath: OpenPath): HandoffService {
  const written = new Set<string>();
  const wasWrittenByApp = (path: string): boolean => isInsideDir(dir, path) && written.has(resolve(path));
  return {
    async write(fileName, content, extension) {
      // Checked before anything touches the disk, so a bad name leaves no folder behind.
      const named = resolveHandoffPath(dir, fileName, extension);
      if (!named.ok) throw new IpcFailure('invalid_input', named.message);
      await fs.ensurePrivateDir(dir);
      const target = resolveHandoffPath(await fs.makeUniqueDir(dir), fileName, extension);
      if (!target.ok) throw new IpcFailure('invalid_input', target.message);
      await fs.writeExclusive(target.path, content);
      written.add(resolve(target.path));
      return target.path;
    },
    async open(path) {
      if (!wasWrittenByApp(path)) throw new IpcFailure('forbidden', 'only files the app wrote into its own hand-off folder can be opened');
      const error = await openPath(path);
      if (error) throw new IpcFailure('failed', `the system could not open the file: ${error}`);
    },
    wasWrittenByApp,
  };
}
