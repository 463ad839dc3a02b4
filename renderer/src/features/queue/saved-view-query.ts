import type { Collection, Table } from 'dexie';
import { matchesViewFilters, type SavedView } from '../../../../shared/views';
import type { Ticket } from '../../../../shared/ticket';
import { compareBySort, driverPart, pageStrategy, planViewFilters, SORT_IN_MEMORY_MAX, type FilterPart, type IndexRange, type PageStrategy } from './view-plan';

type Row = Ticket & { dueAt?: number };
type Tickets = Table<Row, string>;

/** One page of a saved view, the number of tickets it holds, and how they were read (for the UI and the bench). */
export type SavedViewPage = { rows: Row[]; count: number; strategy: PageStrategy['kind'] };

const inRange = (t: Tickets, index: string, r: IndexRange): Collection<Row, string> => t.where(index).between(r.lower, r.upper, true, !r.upperOpen);

async function countPart(t: Tickets, part: FilterPart): Promise<number> {
  const counts = await Promise.all(part.ranges.map((r) => inRange(t, part.index, r).count()));
  return counts.reduce((a, b) => a + b, 0);
}

async function keysOf(t: Tickets, part: FilterPart): Promise<string[]> {
  return (await Promise.all(part.ranges.map((r) => inRange(t, part.index, r).primaryKeys()))).flat();
}

async function rowsOf(t: Tickets, part: FilterPart): Promise<Row[]> {
  return (await Promise.all(part.ranges.map((r) => inRange(t, part.index, r).toArray()))).flat();
}

/**
 * The ids of the view's tickets (`ids`) from the `offset`-th to the `offset + limit`-th in the sort
 * index's order, from keys alone: reads the index's primary keys in order, a growing prefix at a
 * time (8x each round, or all of it when a stretch held none), until enough of them are in
 * `ids`. No row is read, so matches at the far end of the order (the oldest open tickets: first
 * come thousands of closed ones) cost key reads, not a row read per skipped ticket.
 */
export async function walkSortKeys(table: Tickets, sort: SavedView['sort'], ids: ReadonlySet<string>, offset: number, limit: number, first?: number): Promise<string[]> {
  const need = offset + limit;
  // First guess: as many keys as would hold the page four times over if the matches were spread
  // evenly (they often are not: open tickets are the newest), then eight times more each round.
  const start = first ?? Math.max(4096, Math.ceil(((need * (await table.count())) / Math.max(1, ids.size)) * 4));
  for (let n = start; ; ) {
    const along = table.orderBy(sort.field);
    const keys = await (sort.direction === 'desc' ? along.reverse() : along).limit(n).primaryKeys();
    const hits: string[] = [];
    for (const k of keys) if (ids.has(k) && hits.push(k) >= need) break;
    if (hits.length >= need || keys.length < n) return hits.slice(offset, need);
    // None at all in the first stretch: the matches sit far along the order; read to the end at once.
    n = hits.length === 0 ? Infinity : n * 8;
  }
}

/** Tickets in every part, from keys alone (no row is read): smallest part first, stopping when nothing is left. */
async function intersectKeys(t: Tickets, parts: readonly FilterPart[]): Promise<string[]> {
  let ids: Set<string> | undefined;
  for (const part of parts) {
    const keys = await keysOf(t, part);
    ids = ids ? new Set(keys.filter((k) => ids?.has(k))) : new Set(keys);
    if (ids.size === 0) break;
  }
  return [...(ids ?? [])];
}

/**
 * A page of a saved view with its count, reading only what the plan needs: index counts, then
 * either one index range in sort order, the few matching rows (sorted here), or a walk along the
 * sort index that stops when the page is full. Never a read of every row. `limit` 0 asks for the count alone.
 */
export async function readSavedViewPage(table: Tickets, view: SavedView, now: number, offset: number, limit: number): Promise<SavedViewPage> {
  const parts = planViewFilters(view.filters, now);
  const counts = await Promise.all(parts.map((p) => countPart(table, p)));
  const driver = driverPart(counts);
  const ordered = [...parts].sort((a, b) => (counts[parts.indexOf(a)] ?? 0) - (counts[parts.indexOf(b)] ?? 0));
  const upperBound = parts.length === 0 ? Infinity : (counts[driver] ?? 0);
  const desc = view.sort.direction === 'desc';
  const direct = pageStrategy(parts, view.sort, upperBound);
  if (direct.kind === 'index') {
    const base = direct.range ? inRange(table, direct.index, direct.range) : table.orderBy(direct.index);
    const [rows, count] = await Promise.all([limit > 0 ? (desc ? base.reverse() : base).offset(offset).limit(limit).toArray() : [], parts.length === 0 ? table.count() : Promise.resolve(upperBound)]);
    return { rows, count, strategy: 'index' };
  }
  // One filter: its index ranges hold exactly the view's tickets, so their count is the count.
  if (parts.length === 1 && limit <= 0) return { rows: [], count: upperBound, strategy: direct.kind };
  const sortRows = (rows: Row[]) => rows.sort(compareBySort(view.sort)).slice(offset, offset + limit);
  const matches = (r: Row) => matchesViewFilters(r, view.filters, now);
  const smallest = ordered[0];
  if (smallest && upperBound <= SORT_IN_MEMORY_MAX) {
    // Few candidates: read them and check the other filters on the rows.
    const found = (await rowsOf(table, smallest)).filter(matches);
    return { rows: sortRows(found), count: found.length, strategy: 'memory' };
  }
  const ids = parts.length === 1 ? undefined : await intersectKeys(table, ordered);
  const count = ids ? ids.length : upperBound;
  if (ids && pageStrategy(parts, view.sort, count).kind === 'memory') {
    const found = (await table.bulkGet(ids)).filter((r): r is Row => r !== undefined && matches(r));
    return { rows: sortRows(found), count: found.length, strategy: 'memory' };
  }
  // Many matches (more than SORT_IN_MEMORY_MAX): their ids in the sort index's order, then only the page's rows.
  if (limit <= 0) return { rows: [], count, strategy: 'walk' };
  const pageIds = await walkSortKeys(table, view.sort, new Set(ids ?? (smallest ? await keysOf(table, smallest) : [])), offset, limit);
  const rows = (await table.bulkGet(pageIds)).filter((r): r is Row => r !== undefined && matches(r));
  return { rows, count, strategy: 'walk' };
}
