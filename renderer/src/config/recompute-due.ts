import type { ServiceDeskDb } from '../data/db';
import { readDueRangePaged } from '../data/due-range-cache';
import { backgroundTurn } from '../data/foreground';
import { CLOSED as CLOSED_DUE, queueKeys, ticketIndex } from '../data/queue-keys'; // closed tickets sort at CLOSED; everything below is open
import { getConfig } from './config-store';


export type RecomputeOptions = {
  chunkSize?: number;
  /** Lets the UI breathe between chunks (a macrotask by default). */
  pause?: () => Promise<void>;
  /** Checked between chunks; a newer config change stops this run and starts its own. */
  cancelled?: () => boolean;
  /** The instant the keys are derived at (the middleware's clock). */
  now?: () => number;
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

const nextTaskAfterUser = async (): Promise<void> => {
  await backgroundTurn();
  await nextTask();
};

/**
 * Re-puts the open tickets of the given policies whose queue keys (dueAt, E-Down) the current
 * config changes, chunk by chunk, so the queue-keys middleware derives them anew. The open
 * tickets are read in background pages first (readDueRangePaged) and only the changed ones are
 * written: the config is applied at every launch, and rewriting every open ticket then (15k at
 * 100k tickets) re-ran every query of the screen per chunk for a minute. Each write chunk reads
 * and writes in one transaction, so a mutation landing meanwhile is never overwritten by a stale
 * copy. Returns how many were rewritten.
 */
export async function recomputeDueAt(db: ServiceDeskDb, policyIds: ReadonlySet<string>, options: RecomputeOptions = {}): Promise<number> {
  if (policyIds.size === 0) return 0;
  const size = options.chunkSize ?? 200;
  const pause = options.pause ?? nextTaskAfterUser;
  const now = options.now ?? Date.now;
  const config = getConfig();
  const at = now();
  const stale: string[] = [];
  await readDueRangePaged(db, CLOSED_DUE, (row) => {
    if (!policyIds.has(row.policyId)) return;
    const keys = queueKeys(row, config, at);
    if (keys.dueAt !== row.dueAt || keys.qEDown !== row.qEDown) stale.push(row.id);
  });
  let done = 0;
  for (let i = 0; i < stale.length; i += size) {
    if (options.cancelled?.()) break;
    const chunk = stale.slice(i, i + size);
    done += await db.transaction('rw', db.tickets, async () => {
      const rows = (await db.tickets.bulkGet(chunk)).filter((t) => t !== undefined && policyIds.has(t.policyId));
      const list = rows.flatMap((t) => (t ? [t] : []));
      if (list.length > 0) await db.tickets.bulkPut(list);
      return list.length;
    });
    if (i + size < stale.length) await pause();
  }
  return done;
}
