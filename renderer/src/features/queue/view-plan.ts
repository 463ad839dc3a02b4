import type { SavedView, ViewFilters } from '../../../../shared/views';
import { ticketIndex } from '../../data/queue-keys';

/** One IndexedDB key range of an index; the lower bound is inclusive. */
export type IndexRange = { lower: unknown; upper: unknown; upperOpen: boolean };
/** The tickets one filter admits: the union of some ranges of one index (one range per chosen value). */
export type FilterPart = { field: keyof ViewFilters; index: string; ranges: IndexRange[] };

type ListField = Exclude<keyof ViewFilters, 'breachedOnly'>;

/** Each list filter's index: a [key+dueAt] compound where the queues have one, so "breached only" narrows the same range. */
const indexOf: Record<ListField, { index: string; compound: boolean }> = {
  statuses: { index: ticketIndex.statusDue, compound: true },
  productLines: { index: ticketIndex.productLineDue, compound: true },
  regions: { index: ticketIndex.regionDue, compound: true },
  customerIds: { index: ticketIndex.customerDue, compound: true },
  ownerIds: { index: ticketIndex.ownerDue, compound: true },
  severities: { index: ticketIndex.severity, compound: false },
};

/**
 * The index ranges that together hold exactly a saved view's tickets: one part per active filter
 * (a ticket matches when it is in every part). "Breached only" (dueAt < now) is folded into the
 * compound indexes' dueAt half when there is one, else it is a part of its own on the dueAt index.
 */
export function planViewFilters(f: ViewFilters, now: number): FilterPart[] {
  const parts: FilterPart[] = [];
  const dueUpper = f.breachedOnly ? now : Infinity;
  let folded = false;
  for (const field of Object.keys(indexOf) as ListField[]) {
    const values = [...new Set<string>(f[field])].sort();
    if (values.length === 0) continue;
    const { index, compound } = indexOf[field];
    folded ||= compound;
    parts.push({
      field,
      index,
      ranges: values.map((v) => (compound ? { lower: [v, -Infinity], upper: [v, dueUpper], upperOpen: f.breachedOnly } : { lower: v, upper: v, upperOpen: false })),
    });
  }
  if (f.breachedOnly && !folded) parts.push({ field: 'breachedOnly', index: ticketIndex.dueAt, ranges: [{ lower: -Infinity, upper: now, upperOpen: true }] });
  return parts;
}

/** Saved views with more matching tickets than this are paged along the sort index instead of sorted in memory. */
export const SORT_IN_MEMORY_MAX = 1000;

/**
 * How a page of a saved view is read:
 * - `index`: the rows come in sort order from one index (range): offset + limit, nothing else read;
 * - `memory`: the matches are few (at most SORT_IN_MEMORY_MAX): read them, sort them;
 * - `walk`: many matches: walk the sort field's index in order and keep matching rows until the
 *   page is full (at least SORT_IN_MEMORY_MAX of the table's rows match, so the walk is short).
 */
export type PageStrategy = { kind: 'index'; index: string; range?: IndexRange } | { kind: 'memory' } | { kind: 'walk' };

/** Picks the page strategy from the plan, the sort and the number of matches (or an upper bound of it). */
export function pageStrategy(parts: readonly FilterPart[], sort: SavedView['sort'], matches: number): PageStrategy {
  const [only, ...more] = parts;
  if (!only) return { kind: 'index', index: sort.field };
  const [range, ...moreRanges] = only.ranges;
  const sortedBySortField = only.index === sort.field || (sort.field === 'dueAt' && only.index.endsWith('+dueAt]'));
  if (more.length === 0 && range && moreRanges.length === 0 && sortedBySortField) return { kind: 'index', index: only.index, range };
  return matches <= SORT_IN_MEMORY_MAX ? { kind: 'memory' } : { kind: 'walk' };
}

/** The part to start from: the one with the fewest tickets (counts in the parts' order). */
export function driverPart(counts: readonly number[]): number {
  let best = 0;
  counts.forEach((c, i) => {
    if (c < (counts[best] ?? Infinity)) best = i;
  });
  return best;
}

type Sortable = { id: string } & Partial<Record<SavedView['sort']['field'], unknown>>;

/** The order IndexedDB gives along the sort field's index (then by id), reversed for descending. */
export function compareBySort(sort: SavedView['sort']): (a: Sortable, b: Sortable) => number {
  const dir = sort.direction === 'desc' ? -1 : 1;
  const key = (r: Sortable): string | number => {
    const v = r[sort.field];
    return typeof v === 'number' || typeof v === 'string' ? v : -Infinity;
  };
  return (a, b) => {
    const x = key(a);
    const y = key(b);
    // IndexedDB orders numbers before strings.
    const c = typeof x === typeof y ? (x < y ? -1 : x > y ? 1 : 0) : typeof x === 'number' ? -1 : 1;
    return dir * (c !== 0 ? c : a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  };
}
