import { syncScope, type ServiceDeskDb } from './db';
import { getClientId, randomClientId } from './mutate';
import { rebase } from './rebase';
import { PUSHED_THROUGH_KEY } from './withdraw';

/** Whether this store has ever synced with a server (a recorded identity, or a cursor past 0). */
export async function hasEverSynced(db: ServiceDeskDb): Promise<boolean> {
  const [identity, cursor] = await db.meta.bulkGet(['syncIdentity', 'cursor']);
  return identity !== undefined || (typeof cursor?.value === 'number' && cursor.value > 0);
}

/**
 * Numbers the pending changes 1..n for a server that has never seen this device's client id: the
 * server applies a client's mutations strictly in order from 1 and stops at a gap, so dropped
 * entries (demo data) or a counter that ran on with another server would hold the queue forever.
 * With `newClientId` (another server, tenant or user) the device also starts over as a new client.
 * The queue is then replayed so locally minted ids (events) are the ones the server will mint.
 * Returns how many changes are queued.
 */
export async function restartOutbox(db: ServiceDeskDb, opts: { newClientId: boolean }): Promise<number> {
  return db.transaction('rw', syncScope(db), async () => {
    const clientId = opts.newClientId ? randomClientId() : await getClientId(db);
    const pending = await db.outbox.orderBy('id').toArray();
    await db.outbox.clear();
    await db.outbox.bulkAdd(pending.map((e, i) => ({ ...e, clientId, id: i + 1 })));
    await db.meta.bulkPut([
      { key: 'clientId', value: clientId },
      { key: 'mutationCounter', value: pending.length },
      // Renumbered for a server that has seen none of them: none has been sent under these ids.
      { key: PUSHED_THROUGH_KEY, value: 0 },
    ]);
    if (pending.length > 0) await rebase(db);
    return pending.length;
  });
}
