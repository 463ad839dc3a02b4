import type { StoreFileSystem } from './json-file-store';

/** An in-memory file system for tests; records every write so atomicity can be checked. */
export type MemoryFileSystem = StoreFileSystem & {
  readonly files: Map<string, string>;
  readonly writes: string[];
  /** Makes the next writeFile fail, to simulate a full disk or a crash mid-write. */
  failNextWrite(): void;
};

/** Creates an empty in-memory file system. */
export function createMemoryFileSystem(): MemoryFileSystem {
  const files = new Map<string, string>();
  const writes: string[] = [];
  let failNext = false;
  const missing = (path: string): Error => Object.assign(new Error(`ENOENT: ${path}`), { code: 'ENOENT' });
  return {
    files,
    writes,
    failNextWrite() {
      failNext = true;
    },
    readFile(path) {
      const text = files.get(path);
      return text === undefined ? Promise.reject(missing(path)) : Promise.resolve(text);
    },
    writeFile(path, data) {
      if (failNext) {
        failNext = false;
        return Promise.reject(new Error('ENOSPC: no space left on device'));
      }
      writes.push(path);
      files.set(path, data);
      return Promise.resolve();
    },
    rename(from, to) {
      const text = files.get(from);
      if (text === undefined) return Promise.reject(missing(from));
      files.delete(from);
      files.set(to, text);
      return Promise.resolve();
    },
    mkdir() {
      return Promise.resolve(undefined);
    },
  };
}
