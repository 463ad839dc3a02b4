// What the background jobs (SLA watch, automatic escalation, automatic fault visits) know about
// the tickets they watch, kept up to date from the writes instead of re-read. At 100k tickets
// those jobs re-read thousands of full rows on every write and every minute; IndexedDB serves one
// request after another, so opening a ticket waited behind them for a second or more.
import Dexie, { RangeSet, type ObservabilitySet } from 'dexie';
import { backgroundTurn } from './foreground';
import type { Ticket } from '../../../shared/ticket';
import type { ServiceDeskDb } from './db';
import { ticketIndex, type QueueKeys } from './queue-keys';

/** A stored ticket row with its derived queue keys. */
export type TicketRow = Ticket & Partial<QueueKeys>;

/** Rows per read: one small transaction each, so a read the user waits for waits for one page at most. */
export const PAGE_ROWS = 100;
/**
 * Between two pages of a long read the store is left to others for this long: the browser serves
 * a store's requests one after another, and without a pause a ticket opened meanwhile waited
 * behind the whole read (seconds at 100k tickets on a busy machine).
 */
const PAGE_PAUSE_MS = 25;
/** More changed tickets than this are re-read as a whole range. */
const MAX_CHANGED = 2_000;

/**
 * Before a page of a long read: the user's reads go first (data/foreground.ts), and between two
 * pages queued IndexedDB requests and UI work get their turn.
 */
async function yieldToOthers(first: boolean): Promise<void> {
  await backgroundTurn();
  if (!first) await new Promise((r) => setTimeout(r, PAGE_PAUSE_MS));
}

/** Ticket ids written since the last take (this window and others), or `all` after bulk writes and clears. */
export type TicketChanges = { all: boolean; ids: Set<string> };

/** Adds one committed transaction's ticket writes (Dexie storagemutated parts) to `into`; true when it touched tickets. */
export function collectTicketChanges(into: TicketChanges, dbName: string, parts: ObservabilitySet): boolean {
  const tree = parts[`idb://${dbName}/tickets/`];
  if (!tree) return false;
  if (into.all) return true;
  // Single writes arrive as single keys; bulk writes (a sync page, demo data) and clears as ranges.
  for (const node of new RangeSet().add(tree)) {
    if (typeof node.from === 'string' && node.from === node.to) into.ids.add(node.from);
    else into.all = true;
  }
  if (into.ids.size > MAX_CHANGED) into.all = true;
  if (into.all) into.ids.clear();
  return true;
}

/** Reads rows by id in pages, each after the user's reads (yielding before every page). */
export async function readTicketsPaged(db: ServiceDeskDb, ids: readonly string[], each: (id: string, row: TicketRow | undefined) => void): Promise<void> {
  for (let i = 0; i < ids.length; i += PAGE_ROWS) {
    await yieldToOthers(i === 0);
    const slice = ids.slice(i, i + PAGE_ROWS);
    const rows = (await db.tickets.bulkGet(slice)) as (TicketRow | undefined)[];
    slice.forEach((id, j) => each(id, rows[j]));
  }
}

/**
 * Every ticket whose nearest SLA target (dueAt) lies below `upper`, in pages of the [dueAt+id]
 * index: one request per page (a getAll of a key range), where reading by id took one request
 * per row, and the next page starts right after the last row read, ties on dueAt included.
 */
export async function readDueRangePaged(db: ServiceDeskDb, upper: number, each: (row: TicketRow) => void): Promise<void> {
  const index = db.tickets.where(ticketIndex.dueAtId);
  // [d, id] < [upper, minKey] exactly when d < upper: ids are strings, above every number.
  const end: [number, number] = [upper, -Infinity];
  let after: [number, string] | undefined;
  for (;;) {
    await yieldToOthers(after === undefined);
    const range = after === undefined ? index.below(end) : index.between(after, end, false, false);
    const rows = (await range.limit(PAGE_ROWS).toArray()) as TicketRow[];
    rows.forEach(each);
    const last = rows[rows.length - 1];
    if (rows.length < PAGE_ROWS || last?.dueAt === undefined) return;
    after = [last.dueAt, last.id];
  }
}

/**
 * One value per ticket whose nearest SLA target (the `dueAt` index) lies below an upper bound,
 * derived from the row by `project` (undefined: not kept). The first `refresh` reads the range
 * in small pages (readDueRangePaged); later ones re-read only the tickets written
 * since, so a job that runs every minute or after every write reads nothing when nothing changed.
 * A new bound or `version` (the configuration the projection used) reads the range again.
 */
export class DueRangeCache<V> {
  private values = new Map<string, V>();
  private changes: TicketChanges = { all: true, ids: new Set() };
  private upper: number | undefined;
  private version: unknown;
  private readonly listeners = new Set<() => void>();
  private readonly onMutated = (parts: ObservabilitySet): void => {
    if (collectTicketChanges(this.changes, this.db.name, parts)) this.listeners.forEach((l) => l());
  };

  constructor(
    private readonly db: ServiceDeskDb,
    private readonly project: (row: TicketRow) => V | undefined,
  ) {
    Dexie.on('storagemutated', this.onMutated);
  }

  /** Called after every committed write to the tickets table (to refresh when it matters). */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Brings the values up to date for tickets with dueAt below `upper`, projected under `version`. */
  async refresh(upper: number, version: unknown): Promise<ReadonlyMap<string, V>> {
    const changes = this.changes;
    // Writes that land while this refresh reads are collected for the next one.
    this.changes = { all: false, ids: new Set() };
    try {
      if (changes.all || upper !== this.upper || version !== this.version) {
        // Forget first: a failed read must not leave values of another bound or version behind.
        this.upper = undefined;
        const values = new Map<string, V>();
        await readDueRangePaged(this.db, upper, (row) => {
          const v = this.project(row);
          if (v !== undefined) values.set(row.id, v);
        });
        this.values = values;
        this.upper = upper;
        this.version = version;
      } else if (changes.ids.size > 0) {
        await readTicketsPaged(this.db, [...changes.ids], (id, row) => {
          const v = row && (row.dueAt ?? Infinity) < upper ? this.project(row) : undefined;
          if (v === undefined) this.values.delete(id);
          else this.values.set(id, v);
        });
      }
    } catch (e) {
      // Read everything again next time rather than miss a write.
      this.changes = { all: true, ids: new Set() };
      throw e;
    }
    return this.values;
  }

  stop(): void {
    Dexie.on('storagemutated').unsubscribe(this.onMutated);
    this.listeners.clear();
  }
}
