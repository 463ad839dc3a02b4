import type { Db } from './db/types';
import { POKE_CHANNEL } from './push';

/**
 * Fans database notifications out to SSE streams by tenant. The NOTIFY travels through
 * PostgreSQL, so a write on any instance pokes clients connected to every instance.
 */
export function createPokeHub(db: Db) {
  const subscribers = new Map<string, Set<() => void>>();
  let unlisten: Promise<() => Promise<void>> | undefined;
  const onPayload = (tenantId: string) => {
    for (const fn of subscribers.get(tenantId) ?? []) fn();
  };
  return {
    async subscribe(tenantId: string, fn: () => void): Promise<() => void> {
      unlisten ??= db.listen(POKE_CHANNEL, onPayload);
      await unlisten;
      const set = subscribers.get(tenantId) ?? new Set();
      set.add(fn);
      subscribers.set(tenantId, set);
      return () => {
        set.delete(fn);
      };
    },
    async close(): Promise<void> {
      if (unlisten) await (await unlisten)();
      subscribers.clear();
    },
  };
}
export type PokeHub = ReturnType<typeof createPokeHub>;
