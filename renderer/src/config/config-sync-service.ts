import { liveQuery } from 'dexie';
import type { ServiceDeskDb } from '../data/db';
import { createConfigSync, type ConfigSync } from './config-sync';

const syncs = new WeakMap<ServiceDeskDb, ConfigSync>();

function syncFor(db: ServiceDeskDb): ConfigSync {
  let s = syncs.get(db);
  if (!s) {
    s = createConfigSync(db);
    syncs.set(db, s);
  }
  return s;
}

/**
 * Keeps the in-memory config (useConfig/getConfig) in step with the stored policies, calendars,
 * customers, sites, assets and contracts,
 * and re-targets the open tickets a change affects, until the returned function is called. The
 * kernel starts it with the app, so edits synced from another device apply on any screen.
 */
export function startConfigSync(db: ServiceDeskDb): () => void {
  const sub = liveQuery(async () => ({
    policies: await db.policies.toArray(),
    calendars: await db.calendars.toArray(),
    contracts: {
      products: await db.products.toArray(),
      customers: await db.customers.toArray(),
      sites: await db.sites.toArray(),
      assets: await db.assets.toArray(),
      contracts: await db.contracts.toArray(),
    },
  })).subscribe({
    next: (rows) => syncFor(db).apply(rows.policies, rows.calendars, rows.contracts),
    error: (e: unknown) => console.error(`config sync: ${String(e)}`),
  });
  return () => sub.unsubscribe();
}
