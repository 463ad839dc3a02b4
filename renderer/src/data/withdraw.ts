import { syncScope, type ServiceDeskDb } from './db';
import { rebase } from './rebase';

/** Meta key: the highest outbox id ever handed to a push; the server may hold every entry up to it. */
export const PUSHED_THROUGH_KEY = 'pushedThrough';

export type WithdrawResult = 'withdrawn' | 'sent' | 'superseded';

/**
 * Takes back a change this device made moments ago, as if it had never happened, while the server
 * has not seen it: its outbox entry goes and the touched rows return to the server's copy with the
 * other pending changes replayed on top. Only the newest entry can go (the server accepts each
 * client's changes strictly in order with no gaps, so the counter steps back with it). Returns
 * 'sent' once a push may have carried it, 'superseded' when a later change was made meanwhile;
 * in both cases nothing changes and the caller must record a correction instead.
 */
export async function withdrawPendingMutation(db: ServiceDeskDb, id: number): Promise<WithdrawResult> {
  return db.transaction('rw', syncScope(db), async () => {
    const [pushed, counter] = await db.meta.bulkGet([PUSHED_THROUGH_KEY, 'mutationCounter']);
    if (typeof pushed?.value === 'number' && pushed.value >= id) return 'sent';
    const entry = await db.outbox.get(id);
    if (!entry) return 'sent';
    if (counter?.value !== id) return 'superseded';
    await db.outbox.delete(id);
    await db.meta.put({ key: 'mutationCounter', value: id - 1 });
    await rebase(db);
    return 'withdrawn';
  });
}
