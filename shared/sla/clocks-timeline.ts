// A calendar's open time as one sorted array of intervals with running totals, so the clocks can
// answer "open time between a and b" and "a plus m open minutes" by binary search instead of a
// day-by-day walk (100k tickets per pass). Built on the calendar module's compiled per-day
// intervals, so zones, DST and overrides mean exactly what they mean there; anything outside the
// covered window, or a calendar with no open time, is handed to the calendar module itself.
import { addBusinessDays, addBusinessMinutes, businessMinutesBetween } from './calendar';
import type { BusinessCalendar } from './calendar';
import { compileCalendar } from './calendar-compile';
import type { CompiledCalendar } from './calendar-compile';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** Days added around a query when the window grows; and the largest window kept. */
const MARGIN_DAYS = 64;
const MAX_DAYS = 4_000;
/** Consecutive closed days after which a forward search gives up and lets the calendar module report it. */
const CLOSED_LIMIT = 400;

export type Timeline = {
  /** Open minutes in [a, b). */
  between(a: number, b: number): number;
  /** Earliest t >= a with between(a, t) === minutes (minutes rounded to the ms, like the calendar module). */
  add(a: number, minutes: number): number;
  /** addBusinessDays of the calendar module. */
  addDays(start: number, days: number): number;
};

type Window = { firstDay: number; lastDay: number; starts: Float64Array; ends: Float64Array; cum: Float64Array; count: number };

const timelines = new WeakMap<BusinessCalendar, Timeline>();

/** The cached timeline of a calendar (throws the calendar module's RangeError for an invalid calendar). */
export function timelineOf(cal: BusinessCalendar): Timeline {
  const known = timelines.get(cal);
  if (known) return known;
  const t = makeTimeline(cal, compileCalendar(cal));
  timelines.set(cal, t);
  return t;
}

function makeTimeline(cal: BusinessCalendar, cc: CompiledCalendar): Timeline {
  let w: Window | undefined;

  function build(firstDay: number, lastDay: number): Window {
    const s: number[] = [];
    const e: number[] = [];
    for (let d = firstDay; d <= lastDay; d++) {
      const iv = cc.openIntervals(d);
      for (let i = 0; i + 1 < iv.length; i += 2) {
        s.push(iv[i] ?? 0);
        e.push(iv[i + 1] ?? 0);
      }
    }
    const n = s.length;
    const starts = Float64Array.from(s);
    const ends = Float64Array.from(e);
    const cum = new Float64Array(n + 1);
    for (let i = 0; i < n; i++) cum[i + 1] = (cum[i] ?? 0) + (ends[i] ?? 0) - (starts[i] ?? 0);
    return { firstDay, lastDay, starts, ends, cum, count: n };
  }

  // Instants whose local date is surely inside [firstDay, lastDay]: UTC offsets are under a day.
  const covers = (x: Window, t: number): boolean => t >= (x.firstDay + 1) * DAY_MS && t < x.lastDay * DAY_MS;

  /** A window covering [a, b], or undefined when that would be too large. */
  function windowFor(a: number, b: number): Window | undefined {
    if (w && covers(w, a) && covers(w, b)) return w;
    const lo = Math.min(Math.floor(a / DAY_MS) - MARGIN_DAYS, w ? w.firstDay : Number.POSITIVE_INFINITY);
    const hi = Math.max(Math.floor(b / DAY_MS) + MARGIN_DAYS, w ? w.lastDay : Number.NEGATIVE_INFINITY);
    if (hi - lo > MAX_DAYS) {
      const fresh = Math.floor(b / DAY_MS) + MARGIN_DAYS - (Math.floor(a / DAY_MS) - MARGIN_DAYS);
      if (fresh > MAX_DAYS) return undefined;
      w = build(Math.floor(a / DAY_MS) - MARGIN_DAYS, Math.floor(b / DAY_MS) + MARGIN_DAYS);
      return w;
    }
    w = build(lo, hi);
    return w;
  }

  /** Open ms in the window before instant t. */
  function cumAt(x: Window, t: number): number {
    let lo = 0;
    let hi = x.count; // first interval with start > t
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((x.starts[mid] ?? 0) <= t) lo = mid + 1;
      else hi = mid;
    }
    const i = lo - 1;
    if (i < 0) return 0;
    const end = x.ends[i] ?? 0;
    return (x.cum[i] ?? 0) + (t < end ? t : end) - (x.starts[i] ?? 0);
  }

  function between(a: number, b: number): number {
    if (b <= a) return 0;
    const x = windowFor(a, b);
    if (!x) return businessMinutesBetween(new Date(a), new Date(b), cal);
    // A window without any open time may be a calendar that is never open: the calendar module reports that.
    if (x.count === 0) return businessMinutesBetween(new Date(a), new Date(b), cal);
    return (cumAt(x, b) - cumAt(x, a)) / MINUTE_MS;
  }

  function add(a: number, minutes: number): number {
    const need = Math.round(minutes * MINUTE_MS);
    if (!(need > 0)) return addBusinessMinutes(new Date(a), minutes, cal).getTime();
    let x = windowFor(a, a);
    for (let grow = 0; x && grow < 8; grow++) {
      const goal = cumAt(x, a) + need;
      const total = x.cum[x.count] ?? 0;
      // Only trust an answer that lies inside the covered part of the window.
      if (goal <= total) {
        let lo = 0;
        let hi = x.count - 1; // first interval whose running total at its end reaches the goal
        while (lo < hi) {
          const mid = (lo + hi) >>> 1;
          if ((x.cum[mid + 1] ?? 0) >= goal) hi = mid;
          else lo = mid + 1;
        }
        const t = (x.starts[lo] ?? 0) + goal - (x.cum[lo] ?? 0);
        if (covers(x, t)) return t;
      }
      const span = x.lastDay - x.firstDay;
      x = windowFor(a, x.lastDay * DAY_MS + span * DAY_MS);
    }
    return addBusinessMinutes(new Date(a), minutes, cal).getTime();
  }

  function localDay(t: number): number {
    let d = Math.floor(t / DAY_MS);
    if (t < cc.zone.wallToInstant(d, 0)) d--;
    else if (t >= cc.zone.wallToInstant(d + 1, 0)) d++;
    return d;
  }

  function addDays(start: number, days: number): number {
    if (!Number.isInteger(days) || days < 1) return addBusinessDays(new Date(start), days, cal).getTime();
    let left = days;
    let closed = 0;
    for (let d = localDay(start) + 1; closed <= CLOSED_LIMIT; d++) {
      const iv = cc.openIntervals(d);
      if (iv.length === 0) {
        closed++;
        continue;
      }
      closed = 0;
      if (--left === 0) return iv[iv.length - 1] ?? 0;
    }
    return addBusinessDays(new Date(start), days, cal).getTime();
  }

  return { between, add, addDays };
}
