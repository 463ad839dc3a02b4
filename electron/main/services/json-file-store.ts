import { dirname } from 'node:path';
import type { z } from 'zod';
import { parseStoredJson } from '../../../shared/alerts';
import type { JsonStore } from '../../../shared/alerts';

/** The few file operations a store needs; production passes node:fs/promises. */
export type StoreFileSystem = {
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  writeFile(path: string, data: string, encoding: 'utf8'): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
};

export type { JsonStore } from '../../../shared/alerts';

function isMissingFile(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}

/**
 * A JSON file in userData written atomically (temp file + rename) so that a crash mid-write
 * never leaves half a file. Saves are serialised and coalesced: a burst of saves writes at most
 * the one in flight plus the latest value.
 */
export function createJsonFileStore<T>(
  path: string,
  schema: z.ZodType<T>,
  fs: StoreFileSystem,
  onError: (message: string) => void = () => undefined,
): JsonStore<T> {
  let inFlight: Promise<void> | null = null;
  let queued: { value: T; waiters: Array<{ resolve: () => void; reject: (e: unknown) => void }> } | null = null;
  let counter = 0;

  const write = async (value: T): Promise<void> => {
    await fs.mkdir(dirname(path), { recursive: true });
    const temp = `${path}.${process.pid}.${++counter}.tmp`;
    await fs.writeFile(temp, JSON.stringify(value), 'utf8');
    await fs.rename(temp, path);
  };

  const drain = (): void => {
    if (inFlight || !queued) return;
    const job = queued;
    queued = null;
    inFlight = write(job.value).then(
      () => job.waiters.forEach((w) => w.resolve()),
      (e: unknown) => job.waiters.forEach((w) => w.reject(e)),
    ).finally(() => {
      inFlight = null;
      drain();
    });
  };

  return {
    async load() {
      let text: string;
      try {
        text = await fs.readFile(path, 'utf8');
      } catch (error) {
        if (!isMissingFile(error)) onError(`could not read ${path}: ${String(error)}`);
        return null;
      }
      const parsed = parseStoredJson(text, schema, path);
      if (!parsed.ok) onError(parsed.message);
      return parsed.ok ? parsed.value : null;
    },
    save(value) {
      return new Promise<void>((resolve, reject) => {
        if (queued) {
          queued.value = value;
          queued.waiters.push({ resolve, reject });
        } else {
          queued = { value, waiters: [{ resolve, reject }] };
        }
        drain();
      });
    },
  };
}
