// VTIMEZONE from the platform's own tz data: offsets come from Intl (via the SLA zone clock) and
// transitions are found by scanning day by day and bisecting to the second. Each transition in
// the covered range becomes one STANDARD or DAYLIGHT observance with a single DTSTART, which every
// RFC 5545 reader resolves without RRULE support quirks.
import { zoneClock } from '../sla/calendar-zone';
import { escapeText, formatFloating, formatOffset } from './content-line';

const DAY_MS = 86_400_000;

const UTC_NAMES = new Set(['UTC', 'Etc/UTC', 'Etc/GMT', 'GMT', 'Etc/Universal', 'Universal', 'Etc/Zulu', 'Zulu', 'Etc/UCT', 'UCT', 'Etc/GMT0', 'Etc/GMT+0', 'Etc/GMT-0', 'GMT0']);

/** True for zone names that mean plain UTC; events there are written with "Z" times and no VTIMEZONE. */
export function isUtcZone(zone: string): boolean {
  return UTC_NAMES.has(zone);
}

export type Transition = { at: number; from: number; to: number };

/** Offset changes of a zone within [from, to), each located to the second. */
export function zoneTransitions(zone: string, from: number, to: number): Transition[] {
  const clock = zoneClock(zone);
  const out: Transition[] = [];
  let prevT = from;
  let prevOffset = clock.offsetAt(from);
  for (let t = from + DAY_MS; prevT < to; t += DAY_MS) {
    const end = Math.min(t, to);
    const offset = clock.offsetAt(end);
    if (offset !== prevOffset) {
      // Bisect in whole seconds: offsets change on second boundaries.
      let lo = Math.floor(prevT / 1000);
      let hi = Math.ceil(end / 1000);
      while (hi - lo > 1) {
        const mid = Math.floor((lo + hi) / 2);
        if (clock.offsetAt(mid * 1000) === prevOffset) lo = mid;
        else hi = mid;
      }
      out.push({ at: hi * 1000, from: prevOffset, to: clock.offsetAt(hi * 1000) });
    }
    prevT = end;
    prevOffset = offset;
  }
  return out;
}

const names = new Map<string, Intl.DateTimeFormat>();

function shortName(zone: string, at: number): string | undefined {
  let fmt = names.get(zone);
  if (!fmt) {
    fmt = new Intl.DateTimeFormat('en-US', { timeZone: zone, timeZoneName: 'short' });
    names.set(zone, fmt);
  }
  return fmt.formatToParts(at).find((p) => p.type === 'timeZoneName')?.value;
}

function observance(kind: 'STANDARD' | 'DAYLIGHT', zone: string, at: number, from: number, to: number): string[] {
  const name = shortName(zone, at);
  return [
    `BEGIN:${kind}`,
    // DTSTART of an observance is the local time just before the change, i.e. in the old offset.
    `DTSTART:${formatFloating(at + from)}`,
    `TZOFFSETFROM:${formatOffset(from)}`,
    `TZOFFSETTO:${formatOffset(to)}`,
    ...(name ? [`TZNAME:${escapeText(name)}`] : []),
    `END:${kind}`,
  ];
}

/**
 * The VTIMEZONE lines for a zone covering the whole calendar years of [from, to]: an opening
 * observance at the start of the range plus one per offset change inside it.
 */
export function renderVTimezone(zone: string, from: number, to: number): string[] {
  const start = Date.UTC(new Date(from).getUTCFullYear(), 0, 1) - DAY_MS;
  const end = Date.UTC(new Date(to).getUTCFullYear() + 1, 0, 1) + DAY_MS;
  const clock = zoneClock(zone);
  const transitions = zoneTransitions(zone, start, end);
  const initial = clock.offsetAt(start);
  const first = transitions[0];
  // Before a change to a larger offset we are in standard time; before a change to a smaller one, in daylight time.
  const initialKind = first && first.to < first.from ? 'DAYLIGHT' : 'STANDARD';
  return [
    'BEGIN:VTIMEZONE',
    `TZID:${zone}`,
    ...observance(initialKind, zone, start, initial, initial),
    ...transitions.flatMap((t) => observance(t.to > t.from ? 'DAYLIGHT' : 'STANDARD', zone, t.at, t.from, t.to)),
    'END:VTIMEZONE',
  ];
}

/**
 * How to write an instant in a zone: `TZID=zone` with the local wall time, or a UTC "Z" time when
 * the zone is UTC or the wall time is ambiguous (the repeated hour of a fall-back night). RFC 5545
 * says an ambiguous wall time means its first occurrence, but readers differ (ical.js takes the
 * standard-time one), so only a UTC time is read the same everywhere.
 */
export function zonedDateTime(instant: number, zone: string): { tzid?: string; value: string } {
  const whole = Math.floor(instant / 1000) * 1000;
  if (isUtcZone(zone)) return { value: `${formatFloating(whole)}Z` };
  const clock = zoneClock(zone);
  const wall = whole + clock.offsetAt(whole);
  const readings = new Set<number>();
  for (const offset of [clock.offsetAt(whole - DAY_MS), clock.offsetAt(whole), clock.offsetAt(whole + DAY_MS)]) {
    if (clock.offsetAt(wall - offset) === offset) readings.add(wall - offset);
  }
  if (readings.size !== 1) return { value: `${formatFloating(whole)}Z` };
  return { tzid: zone, value: formatFloating(wall) };
}
