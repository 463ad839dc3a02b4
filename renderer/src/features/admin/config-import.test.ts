import { afterEach, describe, expect, it } from 'vitest';
import { openDb, setActor, type ServiceDeskDb } from '../../data';
import { presetCalendars, presetPolicies } from '../../config/presets';
import { storeConfigAtomically } from './config-import';
import type { ImportStep } from './config-bundle';

describe('config import on real Dexie', () => {
  let db: ServiceDeskDb | undefined;
  afterEach(async () => {
    await db?.delete();
    db = undefined;
  });

  async function adminStore(): Promise<ServiceDeskDb> {
    const d = openDb(`config-import-${Math.random()}`);
    db = d;
    await setActor(d, { userId: 'admin-ada', role: 'admin', region: 'emea-anz' });
    return d;
  }

  const calendar = presetCalendars[0];
  const policy = presetPolicies[0];
  if (!calendar || !policy) throw new Error('presets missing');
  const good: ImportStep[] = [
    { table: 'calendars', row: { ...calendar, id: 'imported-calendar' } },
    { table: 'policies', row: { ...policy, id: 'imported-policy' } },
  ] as ImportStep[];

  it('stores every item and queues one change per item', async () => {
    const d = await adminStore();
    expect(await storeConfigAtomically(d, good)).toEqual({ ok: true, stored: 2 });
    expect(await d.calendars.get('imported-calendar')).toBeDefined();
    expect(await d.policies.get('imported-policy')).toBeDefined();
    expect(await d.outbox.count()).toBe(2);
  });

  it('stores nothing at all when one item is refused, even after earlier ones were written', async () => {
    const d = await adminStore();
    const broken = { table: 'policies', row: { id: 'broken-policy', name: 42 } } as unknown as ImportStep;
    const r = await storeConfigAtomically(d, [...good, broken]);
    expect(r).toMatchObject({ ok: false, step: { table: 'policies', row: { id: 'broken-policy' } } });
    expect(await d.calendars.count()).toBe(0);
    expect(await d.policies.count()).toBe(0);
    expect(await d.outbox.count()).toBe(0);
    expect((await d.meta.get('mutationCounter'))?.value ?? 0).toBe(0);
  });

  it('stores nothing when the user is not an administrator', async () => {
    const d = await adminStore();
    await setActor(d, { userId: 'eng-alex', role: 'agent', region: 'emea-anz' });
    expect((await storeConfigAtomically(d, good)).ok).toBe(false);
    expect(await d.calendars.count()).toBe(0);
    expect(await d.outbox.count()).toBe(0);
  });
});
