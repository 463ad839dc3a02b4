import { join } from 'node:path';
import { checkAttachmentOpen } from '../../../shared/attachments/open-policy';
import type { AttachmentOpenResult } from '../../../shared/ipc';
import { IpcFailure } from '../ipc/failure';
import { isInsideDir, type OpenPath } from './handoff';

/** What opening attachments needs from the disk; the real one is private-files.ts. */
export type AttachmentCacheFileSystem = {
  ensurePrivateDir(dir: string): Promise<void>;
  makeUniqueDir(dir: string): Promise<string>;
  writeExclusive(path: string, data: Uint8Array): Promise<void>;
  /** The bytes of a regular file at `path`, or null when nothing (or a link, or a folder) is there. */
  readRegularFile(path: string): Promise<Uint8Array | null>;
};

export type AttachmentOpener = { open(name: string, bytes: Uint8Array): Promise<AttachmentOpenResult> };

const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.byteLength === b.byteLength && a.every((v, i) => v === b[i]);

/**
 * Opens attachments with the desktop's default applications. A file is written once into the
 * user's private cache folder under `<sha256>/<sanitised name>` (so opening it again reuses the
 * copy and the viewer shows the real name) and handed to the OS; anything the OS would run —
 * programs, scripts, macro documents, web pages — is refused before a byte touches the disk.
 * If the cached copy was changed in the viewer meanwhile, the original goes into a fresh folder
 * beside it: the desk never opens bytes other than the ticket's.
 */
export function createAttachmentOpener(dir: string, fs: AttachmentCacheFileSystem, openPath: OpenPath, sha256Hex: (bytes: Uint8Array) => string): AttachmentOpener {
  const writeFresh = async (parent: string, name: string, bytes: Uint8Array): Promise<string> => {
    const path = join(await fs.makeUniqueDir(parent), name);
    await fs.writeExclusive(path, bytes);
    return path;
  };
  return {
    async open(rawName, bytes) {
      const check = checkAttachmentOpen(rawName, bytes);
      if (!check.ok) return { outcome: 'refused', reason: check.reason };
      const folder = join(dir, sha256Hex(bytes));
      const path = join(folder, check.name);
      // The name is sanitised (one segment, no separators); this is belt and braces.
      if (!isInsideDir(dir, path)) throw new IpcFailure('invalid_input', 'file name leaves the attachment cache folder');
      await fs.ensurePrivateDir(dir);
      await fs.ensurePrivateDir(folder);
      const existing = await fs.readRegularFile(path);
      let target = path;
      if (existing === null) {
        try {
          await fs.writeExclusive(path, bytes);
        } catch {
          // Something appeared at that path (a link, a folder, a concurrent open): never write through it.
          target = await writeFresh(folder, check.name, bytes);
        }
      } else if (!sameBytes(existing, bytes)) {
        target = await writeFresh(folder, check.name, bytes);
      }
      const error = await openPath(target);
      if (error) throw new IpcFailure('failed', `the system could not open the file: ${error}`);
      return { outcome: 'opened' };
    },
  };
}
