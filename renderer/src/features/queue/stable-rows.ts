/** Deep equality for stored (structured-clone) data: plain objects, arrays and primitives. */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && sameData(ra[k], rb[k]));
}

/**
 * A re-run live query returns fresh objects for unchanged rows; keeping the previous object for
 * a row that did not change lets memoised rows skip rendering (a write to one ticket re-renders
 * one row, not the window). Returns `prev` itself when nothing changed.
 */
export function reuseRows<T extends { id: string }>(prev: readonly T[] | undefined, next: T[]): T[] {
  if (!prev || prev.length === 0) return next;
  const byId = new Map(prev.map((r) => [r.id, r]));
  let changed = prev.length !== next.length;
  const out = next.map((row, i) => {
    const old = byId.get(row.id);
    if (old !== undefined && sameData(old, row)) {
      if (prev[i] !== old) changed = true;
      return old;
    }
    changed = true;
    return row;
  });
  return changed ? out : (prev as T[]);
}
