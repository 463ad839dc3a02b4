import type { z } from 'zod';

/** Loads and saves one JSON document (a file in userData on the desktop, a localStorage key on the web). */
export type JsonStore<T> = {
  /** The stored value, or null when there is none or it is unreadable (reported via onError). */
  load(): Promise<T | null>;
  /** Resolves once this value (or a newer one) is stored; rejects when it could not be. */
  save(value: T): Promise<void>;
};

/** Where a text store keeps its JSON: one synchronous slot (e.g. a localStorage key). */
export type TextSlot = {
  read(): string | null;
  /** May throw (quota exceeded, storage disabled); the save then rejects. */
  write(text: string): void;
};

/** Parses stored JSON text against a schema; the error says why a value was dropped. */
export function parseStoredJson<T>(text: string, schema: z.ZodType<T>, label: string): { ok: true; value: T } | { ok: false; message: string } {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return { ok: false, message: `${label} is not valid JSON; starting from defaults` };
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) return { ok: false, message: `${label} does not have the expected shape; starting from defaults` };
  return { ok: true, value: parsed.data };
}

/** A JsonStore over one synchronous text slot; what it loads is validated against the schema. */
export function createTextJsonStore<T>(slot: TextSlot, schema: z.ZodType<T>, label: string, onError: (message: string) => void = () => undefined): JsonStore<T> {
  return {
    load() {
      let text: string | null;
      try {
        text = slot.read();
      } catch (e) {
        onError(`could not read ${label}: ${String(e)}`);
        return Promise.resolve(null);
      }
      if (text === null) return Promise.resolve(null);
      const parsed = parseStoredJson(text, schema, label);
      if (!parsed.ok) onError(parsed.message);
      return Promise.resolve(parsed.ok ? parsed.value : null);
    },
    save(value) {
      try {
        slot.write(JSON.stringify(value));
        return Promise.resolve();
      } catch (e) {
        return Promise.reject(e instanceof Error ? e : new Error(String(e)));
      }
    },
  };
}

/** An in-memory JsonStore for tests: `text` is what a file would hold; saves can be made to fail. */
export type MemoryJsonStore<T> = JsonStore<T> & {
  text: string | null;
  readonly saves: number;
  /** Makes the next save fail, to simulate a full disk. */
  failNextSave(): void;
};

/** Creates an empty in-memory store that validates what it loads, like the real ones. */
export function createMemoryJsonStore<T>(schema: z.ZodType<T>, onError: (message: string) => void = () => undefined): MemoryJsonStore<T> {
  let failNext = false;
  let saves = 0;
  const self: MemoryJsonStore<T> = {
    text: null,
    get saves() {
      return saves;
    },
    failNextSave() {
      failNext = true;
    },
    ...createTextJsonStore<T>(
      {
        read: () => self.text,
        write: (text) => {
          if (failNext) {
            failNext = false;
            throw new Error('no space left on device');
          }
          saves++;
          self.text = text;
        },
      },
      schema,
      'memory store',
      onError,
    ),
  };
  return self;
}
