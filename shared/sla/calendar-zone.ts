// Wall clock <-> instant conversion for one IANA zone using only Intl (no tz database of our own).
// Intl calls cost microseconds, so results are cached per zone and local date.
import { BoundedCache } from './calendar-cache';

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

type DayInfo = {
  /** Instant of local 00:00 (or of the first instant after it when midnight is in a DST gap). */
  midnight: number;
  /** True when the offset is the same all day, so wall minute m is simply midnight + m minutes. */
  uniform: boolean;
};

/** Conversion helpers for one zone; get one with `zoneClock(name)`. */
export type ZoneClock = {
  readonly name: string;
  /** UTC offset in ms at an instant (whole seconds). */
  offsetAt(instant: number): number;
  /** Days since 1970-01-01 of the local calendar date of an instant. */
  localDay(instant: number): number;
  /** The instant of wall time `minute` (0..1440) on local date `day`: gaps map forward, ambiguity takes the earlier. */
  wallToInstant(day: number, minute: number): number;
};

const zones = new Map<string, ZoneClock>();

/** The cached converter for a zone; throws RangeError for a zone Intl does not know. */
export function zoneClock(name: string): ZoneClock {
  const known = zones.get(name);
  if (known) return known;
  let fmt: Intl.DateTimeFormat;
  try {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: name, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric',
      hour: 'numeric', minute: 'numeric', second: 'numeric', era: 'short',
    });
  } catch {
    throw new RangeError(`Invalid time zone "${name}": expected an IANA name such as "Asia/Shanghai"`);
  }
  const clock = makeZoneClock(name, fmt);
  zones.set(name, clock);
  return clock;
}

function makeZoneClock(name: string, fmt: Intl.DateTimeFormat): ZoneClock {
  const days = new BoundedCache<number, DayInfo>(20_000);

  function offsetAt(instant: number): number {
    const whole = Math.floor(instant / 1000) * 1000;
    let y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0, bc = false;
    for (const p of fmt.formatToParts(whole)) {
      switch (p.type) {
        case 'year': y = Number(p.value); break;
        case 'month': mo = Number(p.value); break;
        case 'day': d = Number(p.value); break;
        case 'hour': h = Number(p.value) % 24; break;
        case 'minute': mi = Number(p.value); break;
        case 'second': s = Number(p.value); break;
        case 'era': bc = p.value.startsWith('B'); break;
        default: break;
      }
    }
    const wall = new Date(0);
    wall.setUTCFullYear(bc ? 1 - y : y, mo - 1, d);
    wall.setUTCHours(h, mi, s, 0);
    return wall.getTime() - whole;
  }

  function localDay(instant: number): number {
    return Math.floor((instant + offsetAt(instant)) / DAY_MS);
  }

  // The earliest instant whose wall time is >= the given one: exact for normal times, the earlier
  // of two for ambiguous ones, and the end of the gap for times skipped by a DST jump.
  function resolveWall(wall: number): number {
    const before = offsetAt(wall - DAY_MS);
    const after = offsetAt(wall + DAY_MS);
    let best = Number.POSITIVE_INFINITY;
    for (const o of before === after ? [before] : [before, after]) {
      if (offsetAt(wall - o) === o) best = Math.min(best, wall - o);
    }
    if (best !== Number.POSITIVE_INFINITY) return best;
    // Gap: the transition lies between the two candidates; find it to the second.
    let lo = Math.floor(Math.min(wall - before, wall - after) / 1000);
    let hi = Math.ceil(Math.max(wall - before, wall - after) / 1000);
    const startOffset = offsetAt(lo * 1000);
    while (hi - lo > 1) {
      const mid = Math.floor((lo + hi) / 2);
      if (offsetAt(mid * 1000) === startOffset) lo = mid;
      else hi = mid;
    }
    return hi * 1000;
  }

  function dayInfo(day: number): DayInfo {
    const cached = days.get(day);
    if (cached) return cached;
    const midnight = resolveWall(day * DAY_MS);
    const next = resolveWall((day + 1) * DAY_MS);
    const uniform = next - midnight === DAY_MS && offsetAt(midnight) === offsetAt(next - 1000);
    const info = { midnight, uniform };
    days.set(day, info);
    return info;
  }

  function wallToInstant(day: number, minute: number): number {
    const info = dayInfo(day);
    if (minute === 0) return info.midnight;
    if (minute === 1440) return dayInfo(day + 1).midnight;
    return info.uniform ? info.midnight + minute * MINUTE_MS : resolveWall(day * DAY_MS + minute * MINUTE_MS);
  }

  return { name, offsetAt, localDay, wallToInstant };
}
