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

/** Sort fields whose values rarely repeat (instants), so a walk can go on from the last value it saw. */
const instantFields = new Set<string>(['dueAt', 'updatedAt', 'createdAt']);

/**
 * Walks the sort field's index in order and returns the `limit` matching rows after the first
 * `offset` matches, reading chunks with one request each (a cursor step per row is slow when the
 * machine is busy). Each chunk starts at the last value seen, skipping the rows already seen with
 * it; a value shared by more rows than a chunk holds falls back to a cursor.
 */
export async function walkSortIndex(table: Tickets, sort: SavedView['sort'], matches: (r: Row) => boolean, offset: number, limit: number, chunk = 400): Promise<Row[]> {
  const desc = sort.direction === 'desc';
  const field = sort.field;
  if (!instantFields.has(field)) {
    const along = table.orderBy(field);
    return (desc ? along.reverse() : along).filter(matches).offset(offset).limit(limit).toArray();
  }
  const out: Row[] = [];
  let skip = offset;
  let bound: unknown;
  const seenAtBound = new Set<string>();
  for (;;) {
    const range = bound === undefined ? table.orderBy(field) : desc ? table.where(field).belowOrEqual(bound) : table.where(field).aboveOrEqual(bound);
    const rows = await (desc ? range.reverse() : range).limit(chunk).toArray();
    let fresh = 0;
    for (const r of rows) {
      const key = r[field];
      if (key === bound && seenAtBound.has(r.id)) continue;
      fresh++;
      if (key !== bound) {
        bound = key;
        seenAtBound.clear();
      }
      seenAtBound.add(r.id);
      if (!matches(r)) continue;
      if (skip > 0) skip--;
      else if (out.push(r) >= limit) return out;
    }
    if (rows.length < chunk) return out;
    if (fresh === 0) {
      // More rows share one value than a chunk holds: go on with a cursor from that value.
      const rest = desc ? table.where(field).belowOrEqual(bound) : table.where(field).aboveOrEqual(bound);
      const tail = await (desc ? rest.reverse() : rest).filter((r) => !(r[field] === bound && seenAtBound.has(r.id)) && matches(r)).offset(skip).limit(limit - out.length).toArray();
      return [...out, ...tail];
    }
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
  // Many matches (more than SORT_IN_MEMORY_MAX): they are dense enough along the sort index.
  if (limit <= 0) return { rows: [], count, strategy: 'walk' };
  return { rows: await walkSortIndex(table, view.sort, matches, offset, limit), count, strategy: 'walk' };
}
