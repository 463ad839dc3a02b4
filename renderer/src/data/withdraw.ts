import { syncScope, type ServiceDeskDb } from './db';
import { rebase } from './rebase';

/** Meta key: the highest outbox id ever handed to a push; the server may hold every entry up to it. */
export const PUSHED_THROUGH_KEY = 'pushedThrough';

export type WithdrawResult = 'withdrawn' | 'sent' | 'superseded';

/**
 * A pending change as an undo offer holds it. Taking back an earlier change moves every later
 * pending change down one id, so an offer made before that counts the withdrawals since (`seen`).
 */
export type PendingRef = { id: number; seen: number };

// The ids withdrawn from this page's outbox, in order (an offer shown in this page adjusts by them).
const withdrawals: number[] = [];

/** The offer for the change just queued under `id`. */
export function pendingRef(id: number): PendingRef {
  return { id, seen: withdrawals.length };
}

/** The outbox id the change of `ref` has now; undefined once it was itself withdrawn. */
export function currentPendingId(ref: PendingRef | number): number | undefined {
  if (typeof ref === 'number') return ref;
  let id = ref.id;
  for (const w of withdrawals.slice(ref.seen)) {
    if (w === id) return undefined;
    if (w < id) id--;
  }
  return id;
}

/**
 * Takes back a change this device made moments ago, as if it had never happened, while the server
 * has not seen it: its outbox entry goes and the touched rows return to the server's copy with the
 * other pending changes replayed on top. The server accepts each client's changes strictly in
 * order with no gaps, so the changes queued after it (an SLA alert, an automatic escalation the
 * background recorded meanwhile) move down one id; none of them was sent either, since pushes go
 * in order. Returns 'sent' once a push may have carried it (then nothing changes and the caller
 * records a correction instead); 'superseded' only when the offer's change is gone already.
 */
export async function withdrawPendingMutation(db: ServiceDeskDb, ref: PendingRef | number): Promise<WithdrawResult> {
  const id = currentPendingId(ref);
  if (id === undefined) return 'superseded';
  const result = await db.transaction('rw', syncScope(db), async (): Promise<WithdrawResult> => {
    const [pushed, counter] = await db.meta.bulkGet([PUSHED_THROUGH_KEY, 'mutationCounter']);
    if (typeof pushed?.value === 'number' && pushed.value >= id) return 'sent';
    const entry = await db.outbox.get(id);
    if (!entry) return 'sent';
    const later = await db.outbox.where(':id').above(id).toArray();
    await db.outbox.where(':id').aboveOrEqual(id).delete();
    // Entries keep their order and client; only their numbers close the gap.
    if (later.length > 0) await db.outbox.bulkAdd(later.map((e) => ({ ...e, id: e.id - 1 })));
    const last = typeof counter?.value === 'number' ? counter.value : id;
    await db.meta.put({ key: 'mutationCounter', value: last - 1 });
    // Replayed under their new numbers, the later changes mint the ids the server will mint.
    await rebase(db);
    return 'withdrawn';
  });
  if (result === 'withdrawn') withdrawals.push(id);
  return result;
}
