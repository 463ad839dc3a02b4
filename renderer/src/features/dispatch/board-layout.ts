import { businessMinutesBetween, type BusinessCalendar } from '../../../../shared/sla';
import { DAY_MS, zoneClock } from '../../../../shared/sla/calendar-zone';

export type BoardView = 'week' | 'day';

/** One column of the board: a local day (week view) or a local hour (day view) in the board's zone. */
export type BoardColumn = { start: number; end: number; day: number; hour?: number };

const HOUR_MS = 3_600_000;

/** Days since 1970-01-01 of the Monday starting the local week that contains `instant`. */
export function mondayOf(instant: number, zone: string): number {
  const day = zoneClock(zone).localDay(instant);
  // 1970-01-01 was a Thursday: (day + 3) % 7 is 0 on Mondays.
  return day - ((((day + 3) % 7) + 7) % 7);
}

/**
 * The board's columns around `anchor`: Monday to Sunday, or the 24 wall hours of the anchor's day.
 * Built from wall times so DST days are 23 or 25 hours long; an hour skipped by DST is left out.
 */
export function boardColumns(view: BoardView, anchor: number, zone: string): BoardColumn[] {
  const z = zoneClock(zone);
  if (view === 'week') {
    const monday = mondayOf(anchor, zone);
    return Array.from({ length: 7 }, (_, i) => ({ day: monday + i, start: z.wallToInstant(monday + i, 0), end: z.wallToInstant(monday + i + 1, 0) }));
  }
  const day = z.localDay(anchor);
  const cols: BoardColumn[] = [];
  for (let hour = 0; hour < 24; hour++) {
    const start = z.wallToInstant(day, hour * 60);
    const end = z.wallToInstant(day, (hour + 1) * 60);
    if (end > start) cols.push({ day, hour, start, end });
  }
  return cols;
}

/** The share (0..1) of [start, end) that is working time in the calendar; 0 for a calendar with no open time. */
export function openShare(calendar: BusinessCalendar, start: number, end: number): number {
  if (end <= start) return 0;
  try {
    return businessMinutesBetween(new Date(start), new Date(end), calendar) / ((end - start) / 60_000);
  } catch {
    return 0;
  }
}

/** Working-time shares of a column cut into hours, for the shading strip of a week-view day cell. */
export function openHours(calendar: BusinessCalendar, column: BoardColumn): number[] {
  const out: number[] = [];
  for (let t = column.start; t < column.end; t += HOUR_MS) out.push(openShare(calendar, t, Math.min(t + HOUR_MS, column.end)));
  return out;
}

/** Position of an instant across the columns, in column units (columns may differ in length). */
function position(t: number, columns: readonly BoardColumn[]): number {
  const first = columns[0];
  if (!first || t <= first.start) return 0;
  for (let i = 0; i < columns.length; i++) {
    const c = columns[i];
    if (c && t < c.end) return i + Math.max(0, t - c.start) / (c.end - c.start);
  }
  return columns.length;
}

/** Where a time span sits on a row, in percent of its width; undefined when it is off the board. */
export function placeSpan(from: number, to: number, columns: readonly BoardColumn[]): { left: number; width: number } | undefined {
  const n = columns.length;
  const first = columns[0];
  const last = columns[n - 1];
  if (!first || !last || to <= first.start || from >= last.end) return undefined;
  const a = position(from, columns);
  const b = position(to, columns);
  return { left: (a / n) * 100, width: Math.max(((b - a) / n) * 100, 0.5) };
}

/** The first working minute of a local day in the engineer's calendar, else 09:00 board time (drop target of a week cell). */
export function suggestedStart(calendar: BusinessCalendar | undefined, column: BoardColumn): number {
  if (column.hour !== undefined) return column.start;
  if (calendar) {
    for (let t = column.start; t < column.end; t += 15 * 60_000) if (openShare(calendar, t, t + 15 * 60_000) > 0.99) return t;
  }
  return Math.min(column.start + 9 * HOUR_MS, column.end - HOUR_MS);
}

/** Moves the anchor by one page of the view (a week or a day). */
export function shiftAnchor(anchor: number, view: BoardView, pages: number): number {
  return anchor + pages * (view === 'week' ? 7 * DAY_MS : DAY_MS);
}

/** Lane (0, 1, ...) per span so overlapping spans of one row sit under each other; spans in start order. */
export function assignLanes(spans: ReadonlyArray<{ from: number; to: number }>): number[] {
  const laneEnds: number[] = [];
  const order = spans.map((s, i) => ({ ...s, i })).sort((a, b) => a.from - b.from || a.to - b.to);
  const lanes = new Array<number>(spans.length).fill(0);
  for (const s of order) {
    let lane = laneEnds.findIndex((end) => end <= s.from);
    if (lane === -1) lane = laneEnds.length;
    laneEnds[lane] = s.to;
    lanes[s.i] = lane;
  }
  return lanes;
}

/** A CSS gradient painting the open hours of a day cell left to right (week view shading). */
export function openHoursGradient(shares: readonly number[], color: string): string {
  if (shares.length === 0) return 'none';
  const step = 100 / shares.length;
  const stops = shares.map((s, i) => {
    const c = s > 0 ? `color-mix(in srgb, ${color} ${Math.round(s * 25)}%, transparent)` : 'transparent';
    return `${c} ${(i * step).toFixed(2)}% ${((i + 1) * step).toFixed(2)}%`;
  });
  return `linear-gradient(to right, ${stops.join(', ')})`;
}

/**
 * Where a visit's block goes: in the day view at its exact time; in the week view across the whole
 * day cells it touches, so a two-hour visit stays readable (overlaps then stack in lanes).
 */
export function blockSpan(view: BoardView, from: number, to: number, columns: readonly BoardColumn[]): { left: number; width: number; from: number; to: number } | undefined {
  const exact = placeSpan(from, to, columns);
  if (!exact) return undefined;
  if (view === 'day') return { ...exact, from, to };
  const n = columns.length;
  const first = Math.max(0, columns.findIndex((c) => c.end > from));
  let last = first;
  while (last + 1 < n && (columns[last + 1]?.start ?? Infinity) < to) last++;
  return { left: (first / n) * 100, width: ((last - first + 1) / n) * 100, from: columns[first]?.start ?? from, to: columns[last]?.end ?? to };
}
