/**
 * Nearest-rank percentile of ascending-sorted values: the value at rank ceil(p/100 * n) (1-based).
 * Always one of the observed values, so a report's p90 is a time someone actually waited. For
 * 10, 20, ... 100 the median (p50) is 50 and p90 is 90. Null for no values.
 */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile must be in (0, 100], got ${p}`);
  const n = sorted.length;
  if (n === 0) return null;
  return sorted[Math.max(1, Math.ceil((p / 100) * n)) - 1] ?? null;
}

/** Sorts numbers ascending in place (typed array sort: no comparator calls) and returns them. */
export function sortNumbers(values: number[]): number[] {
  const a = Float64Array.from(values).sort();
  for (let i = 0; i < a.length; i++) values[i] = a[i] ?? 0;
  return values;
}
