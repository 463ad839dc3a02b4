import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { IpcEvent } from '../../../shared/ipc';
import { createEventOutbox } from './event-outbox';
import { createJsonFileStore } from './json-file-store';
import { createMemoryFileSystem } from './memory-fs';

describe('event outbox', () => {
  it('queues events until a window attaches, then delivers them in order', () => {
    const outbox = createEventOutbox();
    const got: Array<[IpcEvent, unknown]> = [];
    outbox.emit('ticket.open', { ticketId: 'SD-A-0001' });
    outbox.emit('sync.requested', {});
    expect(outbox.queued()).toBe(2);
    outbox.attach((e, p) => got.push([e, p]));
    outbox.emit('ticket.open', { ticketId: 'SD-A-0002' });
    expect(got).toEqual([
      ['ticket.open', { ticketId: 'SD-A-0001' }],
      ['sync.requested', {}],
      ['ticket.open', { ticketId: 'SD-A-0002' }],
    ]);
    outbox.detach();
    outbox.emit('sync.requested', {});
    expect(outbox.queued()).toBe(1);
  });

  it('bounds the queue by dropping the oldest', () => {
    const outbox = createEventOutbox(2);
    ['A', 'B', 'C'].forEach((ticketId) => outbox.emit('ticket.open', { ticketId }));
    const got: unknown[] = [];
    outbox.attach((_e, p) => got.push(p));
    expect(got).toEqual([{ ticketId: 'B' }, { ticketId: 'C' }]);
  });
});

describe('json file store', () => {
  const schema = z.object({ n: z.number() });

  it('returns null for a missing file and round-trips a value', async () => {
    const fs = createMemoryFileSystem();
    const store = createJsonFileStore('/ud/x.json', schema, fs);
    expect(await store.load()).toBeNull();
    await store.save({ n: 1 });
    expect(await store.load()).toEqual({ n: 1 });
  });

  it('writes through a temp file and a rename so the real file is never half written', async () => {
    const fs = createMemoryFileSystem();
    const store = createJsonFileStore('/ud/x.json', schema, fs);
    await store.save({ n: 1 });
    await store.save({ n: 2 });
    expect(fs.writes.length).toBe(2);
    expect(fs.writes.every((p) => p !== '/ud/x.json' && p.startsWith('/ud/x.json.') && p.endsWith('.tmp'))).toBe(true);
    expect([...fs.files.keys()]).toEqual(['/ud/x.json']);
  });

  it('coalesces a burst of saves and ends with the latest value', async () => {
    const fs = createMemoryFileSystem();
    const store = createJsonFileStore('/ud/x.json', schema, fs);
    await Promise.all([1, 2, 3, 4, 5].map((n) => store.save({ n })));
    expect(await store.load()).toEqual({ n: 5 });
    expect(fs.writes.length).toBeLessThanOrEqual(2);
  });

  it('leaves the previous file intact when a write fails', async () => {
    const fs = createMemoryFileSystem();
    const store = createJsonFileStore('/ud/x.json', schema, fs);
    await store.save({ n: 1 });
    fs.failNextWrite();
    await expect(store.save({ n: 2 })).rejects.toThrow(/ENOSPC/);
    expect(await store.load()).toEqual({ n: 1 });
  });

  it('rejects a file of the wrong shape with a message', async () => {
    const fs = createMemoryFileSystem();
    fs.files.set('/ud/x.json', '{"n":"one"}');
    const errors: string[] = [];
    expect(await createJsonFileStore('/ud/x.json', schema, fs, (m) => errors.push(m)).load()).toBeNull();
    expect(errors[0]).toMatch(/expected shape/);
  });
});
