import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type ServiceDeskDb } from '../../data';
import { peekShared, prefetchShared } from './shared-live-query';
import { reuseRows } from './stable-rows';

const until = async (ok: () => boolean) => {
  for (let i = 0; i < 200 && !ok(); i++) await new Promise((r) => setTimeout(r, 5));
  expect(ok()).toBe(true);
};

describe('shared live queries', () => {
  let db: ServiceDeskDb | undefined;
  afterEach(async () => {
    await db?.delete();
    db = undefined;
  });

  it('runs a query once per key, keeps its result live, and keeps unchanged rows as the same objects', async () => {
    const d = openDb(`shared-${Math.random()}`);
    db = d;
    await d.customers.bulkPut([
      { id: 'c1', name: 'Alpha Example' },
      { id: 'c2', name: 'Beta Example' },
    ] as never);
    let runs = 0;
    const query = () => {
      runs++;
      return d.customers.orderBy('name').toArray();
    };
    prefetchShared(d, 'customers', query, reuseRows);
    prefetchShared(d, 'customers', query, reuseRows);
    await until(() => peekShared<{ id: string }[]>(d, 'customers')?.length === 2);
    expect(runs).toBe(1);
    const before = peekShared<{ id: string; name: string }[]>(d, 'customers') ?? [];

    await d.customers.put({ id: 'c3', name: 'Gamma Example' } as never);
    await until(() => peekShared<{ id: string }[]>(d, 'customers')?.length === 3);
    const after = peekShared<{ id: string; name: string }[]>(d, 'customers') ?? [];
    expect(after.map((c) => c.name)).toEqual(['Alpha Example', 'Beta Example', 'Gamma Example']);
    expect(after[0]).toBe(before[0]);
    expect(after[1]).toBe(before[1]);
    expect(peekShared(d, 'other')).toBeUndefined();

    // Re-runs right after a run wait a moment (write bursts), and still observe what they read.
    await d.customers.put({ id: 'c4', name: 'Delta Example' } as never);
    await d.customers.delete('c1');
    await until(() => (peekShared<{ name: string }[]>(d, 'customers') ?? []).map((c) => c.name).join() === 'Beta Example,Delta Example,Gamma Example');
    await d.customers.put({ id: 'c5', name: 'Epsilon Example' } as never);
    await until(() => peekShared<{ id: string }[]>(d, 'customers')?.length === 4);
  });
});
