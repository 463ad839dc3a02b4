import type { ServiceDeskDb } from '../data/db';
import { CLOSED as CLOSED_DUE, ticketIndex } from '../data/queue-keys'; // closed tickets sort at CLOSED; everything below is open


export type RecomputeOptions = {
  chunkSize?: number;
  /** Lets the UI breathe between chunks (a macrotask by default). */
  pause?: () => Promise<void>;
  /** Checked between chunks; a newer config change stops this run and starts its own. */
  cancelled?: () => boolean;
};

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

/** Ids of the open tickets (dueAt index) that follow one of the policies. */
export async function openTicketIdsOf(db: ServiceDeskDb, policyIds: ReadonlySet<string>): Promise<string[]> {
  if (policyIds.size === 0) return [];
  const ids: string[] = [];
  await db.tickets
    .where(ticketIndex.dueAt)
    .below(CLOSED_DUE)
    .each((t) => {
      if (policyIds.has(t.policyId)) ids.push(t.id);
    });
  return ids;
}

/**
 * Re-puts the open tickets of the given policies, chunk by chunk, so the queue-keys middleware
 * recomputes their dueAt under the current config. Each chunk reads and writes in one transaction,
 * so a mutation landing meanwhile is never overwritten by a stale copy. Returns how many were rewritten.
 */
export async function recomputeDueAt(db: ServiceDeskDb, policyIds: ReadonlySet<string>, options: RecomputeOptions = {}): Promise<number> {
  const size = options.chunkSize ?? 200;
  const pause = options.pause ?? nextTask;
  const ids = await openTicketIdsOf(db, policyIds);
  let done = 0;
  for (let i = 0; i < ids.length; i += size) {
    if (options.cancelled?.()) break;
    const chunk = ids.slice(i, i + size);
    done += await db.transaction('rw', db.tickets, async () => {
      const rows = (await db.tickets.bulkGet(chunk)).filter((t) => t !== undefined && policyIds.has(t.policyId));
      const list = rows.flatMap((t) => (t ? [t] : []));
      if (list.length > 0) await db.tickets.bulkPut(list);
      return list.length;
    });
    if (i + size < ids.length) await pause();
  }
  return done;
}
