import { isAbsolute, join, relative, resolve } from 'node:path';
import { checkHandoffFileName } from '../../../shared/alerts';
import type { HandoffExtension } from '../../../shared/alerts';
import { IpcFailure } from '../ipc/failure';

export type HandoffFileSystem = {
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  writeFile(path: string, data: string, encoding: 'utf8'): Promise<void>;
};

/** Asks the OS to open a file with its default handler; resolves to an error text or ''. */
export type OpenPath = (path: string) => Promise<string>;

/**
 * The path a hand-off file gets inside the app's own folder, or an error. The name rule is the
 * one both hosts share (shared/alerts checkHandoffFileName); the folder check is belt and braces.
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
  /** Writes a draft (.eml) or calendar (.ics) file into the app's folder and returns its path. */
  write(fileName: string, content: string, extension: HandoffExtension): Promise<string>;
  /** Opens a file with the default app, but only one this service wrote into its folder. */
  open(path: string): Promise<void>;
  wasWrittenByApp(path: string): boolean;
};

/** Hand-off of mail drafts and calendar files to the desktop's default applications. */
export function createHandoffService(dir: string, fs: HandoffFileSystem, openPath: OpenPath): HandoffService {
  const written = new Set<string>();
  const wasWrittenByApp = (path: string): boolean => isInsideDir(dir, path) && written.has(resolve(path));
  return {
    async write(fileName, content, extension) {
      const target = resolveHandoffPath(dir, fileName, extension);
      if (!target.ok) throw new IpcFailure('invalid_input', target.message);
      await fs.mkdir(dir, { recursive: true });
      await fs.writeFile(target.path, content, 'utf8');
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
