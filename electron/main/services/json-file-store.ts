import { dirname } from 'node:path';
import type { z } from 'zod';

/** The few file operations a store needs; production passes node:fs/promises. */
export type StoreFileSystem = {
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  writeFile(path: string, data: string, encoding: 'utf8'): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
};

/** Loads and saves one JSON document. */
export type JsonStore<T> = {
  /** The stored value, or null when there is none or it is unreadable (reported via onError). */
  load(): Promise<T | null>;
  /** Resolves once this value (or a newer one) is on disk. */
  save(value: T): Promise<void>;
};

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
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        onError(`${path} is not valid JSON; starting from defaults`);
        return null;
      }
      const parsed = schema.safeParse(json);
      if (!parsed.success) {
        onError(`${path} does not have the expected shape; starting from defaults`);
        return null;
      }
      return parsed.data;
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
