import { useEffect } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useServices } from '../app/services';
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
 * Keeps the in-memory config (useConfig/getConfig) in step with the stored policies and calendars,
 * and re-targets the open tickets a change affects. Mount once, near the root of the app.
 */
export function useConfigSync(): void {
  const { db } = useServices();
  const rows = useLiveQuery(async () => ({ policies: await db.policies.toArray(), calendars: await db.calendars.toArray() }), [db]);
  useEffect(() => {
    if (rows) syncFor(db).apply(rows.policies, rows.calendars);
  }, [db, rows]);
}
