import { demoCustomerDirectory, demoEngineerDirectory, demoTickets, type DemoRules } from '../../../../shared/demo';
import type { Policy } from '../../../../shared/policy';
import type { Visit } from '../../../../shared/dispatch';
import type { Ticket, TimelineEvent } from '../../../../shared/ticket';
import type { ServiceDeskDb } from '../../data/db';

/** Generated tickets are SD-GEN-0000001...: apart from the first-run set (SD-DEMO-) and real ids, so they can be removed. */
export const GENERATED_PREFIX = 'SD-GEN-';
const ID_WIDTH = 7;
const CUSTOMER_PREFIX = 'cust-gen-';
const ENGINEER_PREFIX = 'eng-gen-';
/** Rows per transaction: big enough to write fast, small enough to keep the UI moving and memory flat. */
export const DEMO_CHUNK = 2000;
/** The same directory on every run, so topping up reuses the customers and engineers already stored. */
const DIRECTORY = { customers: 200, engineersPerRegion: 6 };

export type DemoProgress = { done: number; total: number };
export type DemoRunResult = { done: number; cancelled: boolean; ms: number };

const upTo = (prefix: string) => [prefix, `${prefix}\uffff`] as const;
const yieldToUi = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** How many generated demo tickets the store holds (an index range count). */
export function countGenerated(db: ServiceDeskDb): Promise<number> {
  return db.tickets.where('id').between(...upTo(GENERATED_PREFIX)).count();
}

async function nextNumber(db: ServiceDeskDb): Promise<number> {
  const last = await db.tickets.where('id').between(...upTo(GENERATED_PREFIX)).last();
  const n = last ? Number(last.id.slice(GENERATED_PREFIX.length)) : 0;
  return Number.isInteger(n) ? n + 1 : 1;
}

/**
 * Adds `count` generated tickets with a year of history, numbered after those already stored,
 * in transactions of DEMO_CHUNK tickets (plain table writes, so the queue-keys middleware derives
 * every queue key). Local demo data only: nothing goes to the outbox. Stopping via `signal` keeps
 * the chunks already written.
 */
export async function generateIntoStore(db: ServiceDeskDb, opts: { count: number; now: number; policies: ReadonlyMap<string, Policy>; rules?: DemoRules; signal?: AbortSignal; onProgress?: (p: DemoProgress) => void }): Promise<DemoRunResult> {
  const t0 = performance.now();
  const { count } = opts;
  if (!Number.isInteger(count) || count < 1) throw new RangeError(`demo ticket count must be a whole number >= 1, got ${count}`);
  const customers = demoCustomerDirectory(DIRECTORY.customers);
  const engineers = demoEngineerDirectory(DIRECTORY.engineersPerRegion);
  const missing = customers.map((c) => c.policyId).find((id) => !opts.policies.has(id));
  if (missing) throw new RangeError(`the demo customers need policy "${missing}", which this configuration does not have`);
  const firstNumber = await nextNumber(db);
  if (firstNumber + count - 1 >= 10 ** ID_WIDTH) throw new RangeError(`at most ${10 ** ID_WIDTH - 1} generated demo tickets fit; remove some first`);
  // Stored directory rows win: a user who renamed a demo customer keeps the new name.
  await db.transaction('rw', db.customers, db.engineers, async () => {
    const [hasC, hasE] = await Promise.all([db.customers.bulkGet(customers.map((c) => c.id)), db.engineers.bulkGet(engineers.map((e) => e.id))]);
    await db.customers.bulkAdd(customers.filter((_, i) => !hasC[i]));
    await db.engineers.bulkAdd(engineers.filter((_, i) => !hasE[i]));
  });
  const source = demoTickets({ tickets: count, now: opts.now, policies: opts.policies, seed: firstNumber, idPrefix: GENERATED_PREFIX, firstNumber, idWidth: ID_WIDTH, histories: true, customers, engineers, ...(opts.rules ? { rules: opts.rules } : {}) });
  let done = 0;
  opts.onProgress?.({ done, total: count });
  while (done < count) {
    if (opts.signal?.aborted) return { done, cancelled: true, ms: performance.now() - t0 };
    const tickets: Ticket[] = [];
    const events: TimelineEvent[] = [];
    const visits: Visit[] = [];
    for (let next = source.next(); !next.done; next = source.next()) {
      tickets.push(next.value.ticket);
      for (const e of next.value.events) events.push(e);
      if (next.value.visits) visits.push(...next.value.visits);
      if (tickets.length === DEMO_CHUNK) break;
    }
    if (tickets.length === 0) break;
    await db.transaction('rw', db.tickets, db.timeline, db.visits, async () => {
      await db.tickets.bulkPut(tickets);
      await db.timeline.bulkPut(events);
      await db.visits.bulkPut(visits);
    });
    done += tickets.length;
    opts.onProgress?.({ done, total: count });
    await yieldToUi();
  }
  return { done, cancelled: false, ms: performance.now() - t0 };
}

/**
 * Deletes every generated demo ticket with its timeline, chunk by chunk, then the generated
 * customers and engineers that no remaining ticket refers to. Tickets of the first-run set and
 * real tickets are never touched.
 */
export async function removeGenerated(db: ServiceDeskDb, opts: { signal?: AbortSignal; onProgress?: (p: DemoProgress) => void } = {}): Promise<DemoRunResult> {
  const t0 = performance.now();
  const total = await countGenerated(db);
  let done = 0;
  opts.onProgress?.({ done, total });
  for (;;) {
    if (opts.signal?.aborted) return { done, cancelled: true, ms: performance.now() - t0 };
    const removed = await db.transaction('rw', db.tickets, db.timeline, db.visits, async () => {
      const ids = await db.tickets.where('id').between(...upTo(GENERATED_PREFIX)).limit(DEMO_CHUNK).primaryKeys();
      if (ids.length === 0) return 0;
      const last = ids[ids.length - 1] ?? '';
      // Timeline ids start with their ticket's id; one ticketId range covers this chunk's events.
      await db.timeline.where('ticketId').between(ids[0] ?? '', last, true, true).delete();
      await db.visits.where('ticketId').anyOf(ids).delete();
      await db.tickets.bulkDelete(ids);
      return ids.length;
    });
    if (removed === 0) break;
    done += removed;
    opts.onProgress?.({ done, total: Math.max(total, done) });
    await yieldToUi();
  }
  await db.transaction('rw', db.customers, db.engineers, db.tickets, db.visits, async () => {
    const customers = await db.customers.where('id').between(...upTo(CUSTOMER_PREFIX)).primaryKeys();
    for (const id of customers) if ((await db.tickets.where('customerId').equals(id).limit(1).count()) === 0) await db.customers.delete(id);
    const engineers = await db.engineers.where('id').between(...upTo(ENGINEER_PREFIX)).primaryKeys();
    for (const id of engineers) {
      const used = (await db.tickets.where('ownerId').equals(id).limit(1).count()) + (await db.visits.where('engineerId').equals(id).limit(1).count());
      if (used === 0) await db.engineers.delete(id);
    }
  });
  return { done, cancelled: false, ms: performance.now() - t0 };
}
