// Test oracle, not for production: a brute-force model of the calendar contract that shares no
// code with calendar.ts. It asks Intl for the local wall time of every minute and marks a minute
// open when it lies between the earliest minute whose wall time reaches a range's start and the
// earliest whose wall time reaches its end (the contract's gap/ambiguity rule, read literally).
// Exact for zones whose transitions fall on whole minutes (all current IANA zones).
import type { BusinessCalendar } from './calendar-types';

const MIN = 60_000;
const DAY_MIN = 1440;
const names = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

const formatters = new Map<string, Intl.DateTimeFormat>();
const chunks = new Map<string, Float64Array>();

/** Local wall time of every minute of one UTC day, as YYYYMMDDHHMM numbers (cached). */
function wallChunk(zone: string, utcDay: number): Float64Array {
  const key = `${zone}|${utcDay}`;
  const hit = chunks.get(key);
  if (hit) return hit;
  let fmt = formatters.get(zone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', {
      timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    });
    formatters.set(zone, fmt);
  }
  const out = new Float64Array(DAY_MIN);
  for (let i = 0; i < DAY_MIN; i++) {
    const s = fmt.format((utcDay * DAY_MIN + i) * MIN); // "MM/DD/YYYY, HH:MM"
    out[i] = Number(s.slice(6, 10) + s.slice(0, 2) + s.slice(3, 5) + s.slice(12, 14) + s.slice(15, 17));
  }
  chunks.set(key, out);
  return out;
}

type Window = { first: number; walls: Float64Array; open: Uint8Array; dates: Map<number, [number, number][]> };

function dateKey(y: number, m: number, d: number): number {
  return (y * 100 + m) * 100 + d;
}

/** Open minutes (epoch-minute indices) from `firstMin` for `count` minutes, with a 2-day margin each side. */
function buildWindow(cal: BusinessCalendar, firstMin: number, count: number): Window {
  const margin = 2 * DAY_MIN;
  const lo = Math.floor((firstMin - margin) / DAY_MIN);
  const hi = Math.floor((firstMin + count + margin) / DAY_MIN);
  const first = lo * DAY_MIN;
  const walls = new Float64Array((hi - lo + 1) * DAY_MIN);
  for (let d = lo; d <= hi; d++) walls.set(wallChunk(cal.timeZone, d), (d - lo) * DAY_MIN);
  const open = new Uint8Array(walls.length);
  // Wall time never runs more than 14h ahead of UTC, so every minute earlier than 15h before the
  // date's midnight-as-UTC has a smaller wall time: the scan may start there.
  const firstAtOrAfter = (x: number, dateStartMs: number): number => {
    const from = Math.max(0, Math.floor(dateStartMs / MIN) - 15 * 60 - first);
    for (let i = from; i < walls.length; i++) if ((walls[i] ?? 0) >= x) return i;
    return walls.length;
  };
  const dates = new Map<number, [number, number][]>();
  const firstDate = Math.floor((walls[0] ?? 0) / 10_000);
  for (let ms = dateMs(firstDate); ; ms += 86_400_000) {
    const d = new Date(ms);
    const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
    const key = dateKey(y, m, day);
    if (key * 10_000 > (walls[walls.length - 1] ?? 0)) break;
    const iso = `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
    const ranges = cal.overrides?.[iso] ?? cal.week[names[d.getUTCDay()] ?? 'sun'];
    const next = new Date(ms + 86_400_000);
    const nextKey = dateKey(next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate());
    const spans: [number, number][] = [];
    for (const [s, e] of ranges) {
      const si = firstAtOrAfter(key * 10_000 + Number(s.replace(':', '')), ms);
      const ei = firstAtOrAfter(e === '24:00' ? nextKey * 10_000 : key * 10_000 + Number(e.replace(':', '')), ms);
      for (let i = si; i < ei; i++) open[i] = 1;
      if (ei > si) spans.push([(first + si) * MIN, (first + ei) * MIN]);
    }
    dates.set(key, spans);
  }
  return { first, walls, open, dates };
}

function dateMs(key: number): number {
  return Date.UTC(Math.floor(key / 10_000), (Math.floor(key / 100) % 100) - 1, key % 100);
}

/** Brute-force businessMinutesBetween. */
export function referenceMinutesBetween(from: Date, to: Date, cal: BusinessCalendar): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b <= a) return 0;
  const firstMin = Math.floor(a / MIN);
  const w = buildWindow(cal, firstMin, Math.ceil(b / MIN) - firstMin + 1);
  let ms = 0;
  for (let m = firstMin; m * MIN < b; m++) {
    if (w.open[m - w.first] !== 1) continue;
    ms += Math.min(b, (m + 1) * MIN) - Math.max(a, m * MIN);
  }
  return ms / MIN;
}

/** Brute-force addBusinessMinutes: steps one minute at a time; gives up after `maxDays`. */
export function referenceAddMinutes(start: Date, minutes: number, cal: BusinessCalendar, maxDays = 60): Date {
  const s = start.getTime();
  if (Math.round(minutes * MIN) === 0) return new Date(s);
  // Widen the window step by step: formatting every minute of 60 days for a short add is wasteful.
  for (const span of growingSpans(maxDays)) {
    let remaining = Math.round(minutes * MIN);
    const firstMin = Math.floor(s / MIN);
    const w = buildWindow(cal, firstMin, span * DAY_MIN);
    for (let m = firstMin; m < firstMin + span * DAY_MIN; m++) {
      if (w.open[m - w.first] !== 1) continue;
      const begin = Math.max(s, m * MIN);
      const available = (m + 1) * MIN - begin;
      if (remaining <= available) return new Date(begin + remaining);
      remaining -= available;
    }
  }
  throw new RangeError(`reference: no result within ${maxDays} days`);
}

/** Brute-force addBusinessDays over local dates read from Intl. */
export function referenceAddDays(start: Date, days: number, cal: BusinessCalendar, maxDays = 60): Date {
  for (const span of growingSpans(maxDays)) {
    const firstMin = Math.floor(start.getTime() / MIN);
    const w = buildWindow(cal, firstMin, span * DAY_MIN);
    const startDate = Math.floor((w.walls[firstMin - w.first] ?? 0) / 10_000);
    const lastSafe = Math.floor((w.walls[firstMin - w.first + span * DAY_MIN] ?? 0) / 10_000);
    let left = days;
    for (const [date, spans] of [...w.dates.entries()].sort((x, y) => x[0] - y[0])) {
      if (date > lastSafe) break;
      if (date <= startDate || spans.length === 0) continue;
      if (--left === 0) return new Date(spans[spans.length - 1]?.[1] ?? 0);
    }
  }
  throw new RangeError(`reference: no result within ${maxDays} days`);
}

function growingSpans(maxDays: number): number[] {
  const spans = [4, 16].filter((d) => d < maxDays);
  return [...spans, maxDays];
}
