// Clock time: how many "clock minutes" lie between two instants, and the reverse walk, for a unit
// (wall-clock or a calendar's open time), optionally skipping the intervals a clock is paused.
import type { BusinessCalendar } from './calendar';
import { timelineOf } from './clocks-timeline';

const MINUTE_MS = 60_000;

export type Meter = {
  /** Clock minutes inside [a, b); 0 when b <= a. */
  between(a: number, b: number): number;
  /** The earliest instant t >= a with between(a, t) === minutes. */
  add(a: number, minutes: number): number;
};

/** A closed interval of paused time [from, to). */
export type PauseInterval = { from: number; to: number };

export const elapsedMeter: Meter = {
  between: (a, b) => (b > a ? (b - a) / MINUTE_MS : 0),
  add: (a, minutes) => a + Math.round(minutes * MINUTE_MS),
};

const meters = new WeakMap<BusinessCalendar, Meter>();

/** The open-time meter of a calendar; a calendar open around the clock is plain elapsed time (no calendar walk). */
export function businessMeter(cal: BusinessCalendar): Meter {
  const known = meters.get(cal);
  if (known) return known;
  const meter: Meter = alwaysOpen(cal) ? elapsedMeter : timelineOf(cal);
  meters.set(cal, meter);
  return meter;
}

function fullDay(ranges: readonly (readonly [string, string])[] | undefined): boolean {
  return ranges !== undefined && ranges.length === 1 && ranges[0]?.[0] === '00:00' && ranges[0][1] === '24:00';
}

function alwaysOpen(cal: BusinessCalendar): boolean {
  return Object.values(cal.week).every(fullDay) && Object.values(cal.overrides ?? {}).every(fullDay);
}

/** Clock minutes in [a, b) not covered by pauses (sorted, disjoint). */
export function betweenSkipping(meter: Meter, a: number, b: number, pauses: readonly PauseInterval[]): number {
  let m = meter.between(a, b);
  for (const p of pauses) {
    const s = p.from > a ? p.from : a;
    const e = p.to < b ? p.to : b;
    if (e > s) m -= meter.between(s, e);
  }
  return m;
}

/** Walks `minutes` of clock time from `start`, stepping over the pauses (sorted, disjoint). */
export function addSkipping(meter: Meter, start: number, minutes: number, pauses: readonly PauseInterval[]): number {
  let t = start;
  let left = minutes;
  for (const p of pauses) {
    if (p.to <= t) continue;
    if (p.from > t) {
      const reach = meter.add(t, left);
      if (reach <= p.from) return reach;
      left -= meter.between(t, p.from);
    }
    t = p.to;
  }
  return meter.add(t, left);
}

/** Sorted, merged pause intervals inside [start, end): an open or overrunning pause is cut at `end`, earlier ones dropped. */
export function normalizePauses(raw: readonly { from: number; to?: number | undefined }[], end: number, start = Number.NEGATIVE_INFINITY): PauseInterval[] {
  const out: PauseInterval[] = [];
  let sorted = true;
  for (let i = 0; i < raw.length; i++) {
    const p = raw[i];
    if (!p || p.from >= end) continue;
    const to = p.to === undefined || p.to > end ? end : p.to;
    if (to <= p.from || to <= start) continue;
    const last = out[out.length - 1];
    if (last && p.from < last.from) sorted = false;
    out.push({ from: p.from, to });
  }
  if (!sorted) out.sort((x, y) => x.from - y.from);
  const merged: PauseInterval[] = [];
  for (const p of out) {
    const last = merged[merged.length - 1];
    if (last && p.from <= last.to) last.to = Math.max(last.to, p.to);
    else merged.push(p);
  }
  return merged;
}
