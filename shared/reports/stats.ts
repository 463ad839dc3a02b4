import type { ClockUnit } from '../policy/schema';
import { nearestRank, sortNumbers } from './percentile';
import type { ClockStats } from './types';

/** Running totals for one cell of the report (a clock kind x group, or x week). */
export type Tally = { met: number; breached: number; minutes: number[]; units: Set<ClockUnit> };

export function newTally(): Tally {
  return { met: 0, breached: 0, minutes: [], units: new Set() };
}

/** Adds one counted clock; `minutes` is its elapsed time at completion, undefined while it still runs. */
export function addToTally(t: Tally, met: boolean, unit: ClockUnit, minutes: number | undefined): void {
  if (met) t.met++;
  else t.breached++;
  t.units.add(unit);
  if (minutes !== undefined) t.minutes.push(minutes);
}

/** The stats of a tally (sorts its minutes). */
export function statsOf(t: Tally): ClockStats {
  const n = t.met + t.breached;
  const sorted = sortNumbers(t.minutes);
  return {
    met: t.met,
    breached: t.breached,
    metPercent: n === 0 ? null : (t.met / n) * 100,
    medianMinutes: nearestRank(sorted, 50),
    p90Minutes: nearestRank(sorted, 90),
    timed: sorted.length,
    units: [...t.units].sort(),
  };
}
