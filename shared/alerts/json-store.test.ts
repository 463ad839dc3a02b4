import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createMemoryJsonStore, createTextJsonStore } from './json-store';

const schema = z.object({ n: z.number() });

describe('text json store', () => {
  it('returns null for an empty slot and round-trips a value', async () => {
    let text: string | null = null;
    const store = createTextJsonStore({ read: () => text, write: (t) => (text = t) }, schema, 'test key');
    expect(await store.load()).toBeNull();
    await store.save({ n: 1 });
    expect(text).toBe('{"n":1}');
    expect(await store.load()).toEqual({ n: 1 });
  });

  it('drops invalid JSON or a wrong shape with a message naming the store', async () => {
    const errors: string[] = [];
    const store = createMemoryJsonStore(schema, (m) => errors.push(m));
    store.text = '{"n":';
    expect(await store.load()).toBeNull();
    store.text = '{"n":"one"}';
    expect(await store.load()).toBeNull();
    expect(errors).toEqual(['memory store is not valid JSON; starting from defaults', 'memory store does not have the expected shape; starting from defaults']);
  });

  it('rejects a save the slot refused and keeps the previous value', async () => {
    const store = createMemoryJsonStore(schema);
    await store.save({ n: 1 });
    store.failNextSave();
    await expect(store.save({ n: 2 })).rejects.toThrow(/no space/);
    expect(await store.load()).toEqual({ n: 1 });
    expect(store.saves).toBe(1);
  });

  it('reports a slot that cannot be read (storage disabled) and loads nothing', async () => {
    const errors: string[] = [];
    const store = createTextJsonStore({ read: () => { throw new Error('SecurityError'); }, write: () => undefined }, schema, 'settings', (m) => errors.push(m));
    expect(await store.load()).toBeNull();
    expect(errors[0]).toMatch(/could not read settings: .*SecurityError/);
  });
});
