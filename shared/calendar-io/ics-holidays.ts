// Public holidays from an iCalendar (RFC 5545) file, e.g. a government or Google holiday feed:
// every all-day VEVENT (recurrences expanded) becomes a closed calendar date.
import ICAL from 'ical.js';
import type { BusinessCalendar } from '../sla/calendar-types';
import { isoDateOf, isoDateOfDay } from './dates';
import { parseIsoDate } from '../sla/calendar-validate';
import { impossibleRecurrence } from './ics-rules';

/** One closed day found in the file; several events on one date are merged into one entry. */
export type IcsHoliday = { date: string; summary: string };

/** An event that was not imported, with the reason (timed events are not holidays, cancelled ones are void). */
export type IcsSkippedEvent = { summary: string; reason: 'timed' | 'cancelled' | 'out_of_range' | 'invalid' };

export type IcsHolidayResult =
  | { ok: true; holidays: IcsHoliday[]; skipped: IcsSkippedEvent[] }
  | { ok: false; error: string };

/** Years whose dates are kept (inclusive); recurring events are expanded up to the end of toYear. */
export type YearRange = { fromYear: number; toYear: number };

// A yearly RRULE without an end would iterate forever; no real feed needs more occurrences.
const MAX_OCCURRENCES = 2000;
// A multi-day holiday (e.g. a week-long festival) is at most a few weeks; guard against bad DTENDs.
const MAX_EVENT_DAYS = 60;

function dayOf(t: ICAL.Time): number | undefined {
  const iso = isoDateOf(t.year, t.month, t.day);
  return iso === undefined ? undefined : parseIsoDate(iso);
}

/** Calendar days an all-day occurrence covers: DTSTART up to (not including) DTEND; at least one day. */
function daysCovered(start: ICAL.Time, end: ICAL.Time | undefined): number[] {
  const first = dayOf(start);
  if (first === undefined) return [];
  const last = end ? dayOf(end) : undefined;
  const count = last === undefined || last <= first ? 1 : Math.min(last - first, MAX_EVENT_DAYS);
  return Array.from({ length: count }, (_, i) => first + i);
}

function parseComponent(text: string): ICAL.Component | string {
  try {
    const jcal: unknown = ICAL.parse(text);
    // A file with several VCALENDARs parses to an array of them; take the first, as readers do.
    const root = Array.isArray(jcal) && Array.isArray(jcal[0]) ? jcal[0] : jcal;
    const comp = new ICAL.Component(root as unknown[]);
    if (comp.name !== 'vcalendar') return `expected a VCALENDAR, found ${comp.name.toUpperCase() || 'nothing'}`;
    return comp;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** Reads the all-day events of an .ics file as closed dates within the years asked for. */
export function parseIcsHolidays(text: string, range: YearRange): IcsHolidayResult {
  const clean = text.replace(/^\uFEFF/, '');
  if (!/BEGIN:VCALENDAR/i.test(clean)) return { ok: false, error: 'not an iCalendar file (no BEGIN:VCALENDAR)' };
  const root = parseComponent(clean);
  if (typeof root === 'string') return { ok: false, error: `the iCalendar file could not be read: ${root}` };
  const fromDay = parseIsoDate(`${String(range.fromYear).padStart(4, '0')}-01-01`) ?? 0;
  const toDay = parseIsoDate(`${String(range.toYear).padStart(4, '0')}-12-31`) ?? 0;

  const vevents = root.getAllSubcomponents('vevent');
  // Moved or cancelled single occurrences (RECURRENCE-ID) belong to their series' master event.
  const exceptions = new Map<string, ICAL.Component[]>();
  const masters: ICAL.Component[] = [];
  for (const v of vevents) {
    const uid = String(v.getFirstPropertyValue('uid') ?? '');
    if (v.hasProperty('recurrence-id') && uid) exceptions.set(uid, [...(exceptions.get(uid) ?? []), v]);
    else masters.push(v);
  }

  // A rule that can never occur would make the expansion below search forever: refuse the file.
  for (const master of masters) {
    for (const prop of master.getAllProperties('rrule')) {
      const recur = prop.getFirstValue() as ICAL.Recur | null;
      const reason = recur ? impossibleRecurrence(recur.parts as Record<string, unknown>) : null;
      if (reason) {
        const summary = String(master.getFirstPropertyValue('summary') ?? '').trim();
        return { ok: false, error: `the event "${summary}" repeats by a rule that can never occur (RRULE:${recur?.toString() ?? ''}: ${reason}); nothing was imported` };
      }
    }
  }

  const byDate = new Map<number, Set<string>>();
  const skipped: IcsSkippedEvent[] = [];
  for (const master of masters) {
    const uid = String(master.getFirstPropertyValue('uid') ?? '');
    let event: ICAL.Event;
    try {
      event = new ICAL.Event(master, { exceptions: exceptions.get(uid) ?? [], strictExceptions: false });
    } catch {
      skipped.push({ summary: '', reason: 'invalid' });
      continue;
    }
    const summary = (event.summary ?? '').trim();
    if (String(master.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED') {
      skipped.push({ summary, reason: 'cancelled' });
      continue;
    }
    if (!master.hasProperty('dtstart')) {
      skipped.push({ summary, reason: 'invalid' });
      continue;
    }
    if (!event.startDate.isDate) {
      skipped.push({ summary, reason: 'timed' });
      continue;
    }
    const occurrences: Array<{ start: ICAL.Time; end: ICAL.Time | undefined; summary: string; cancelled: boolean }> = [];
    if (event.isRecurring()) {
      const it = event.iterator();
      for (let n = 0; n < MAX_OCCURRENCES; n++) {
        const next = it.next();
        if (!next) break;
        const d = dayOf(next);
        if (d !== undefined && d > toDay) break;
        const details = event.getOccurrenceDetails(next);
        const item = details.item;
        const cancelled = String(item.component.getFirstPropertyValue('status') ?? '').toUpperCase() === 'CANCELLED';
        occurrences.push({ start: details.startDate, end: details.endDate, summary: (item.summary ?? summary).trim(), cancelled });
      }
    } else {
      occurrences.push({ start: event.startDate, end: master.hasProperty('dtend') || master.hasProperty('duration') ? event.endDate : undefined, summary, cancelled: false });
    }
    let inRange = 0;
    for (const o of occurrences) {
      if (o.cancelled || !o.start.isDate) continue;
      for (const day of daysCovered(o.start, o.end)) {
        if (day < fromDay || day > toDay) continue;
        inRange++;
        const names = byDate.get(day) ?? new Set<string>();
        if (o.summary) names.add(o.summary);
        byDate.set(day, names);
      }
    }
    if (inRange === 0) skipped.push({ summary, reason: 'out_of_range' });
  }
  const holidays = [...byDate.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([day, names]) => ({ date: isoDateOfDay(day), summary: [...names].join(' / ') }));
  return { ok: true, holidays, skipped };
}

/** What importing the holidays did to each date. */
export type HolidayApplyResult = {
  calendar: BusinessCalendar;
  /** Newly closed dates. */
  added: string[];
  /** Dates the calendar already closed. */
  alreadyClosed: string[];
  /** Dates with explicit working hours (make-up days, special hours): kept, for the admin to decide. */
  keptWorking: string[];
};

/** Closes each holiday's date in the calendar; explicit working-hours overrides are never overwritten. */
export function applyHolidays(calendar: BusinessCalendar, holidays: readonly IcsHoliday[]): HolidayApplyResult {
  const overrides = { ...(calendar.overrides ?? {}) };
  const added: string[] = [];
  const alreadyClosed: string[] = [];
  const keptWorking: string[] = [];
  for (const h of holidays) {
    const existing = overrides[h.date];
    if (existing === undefined) {
      overrides[h.date] = [];
      added.push(h.date);
    } else if (existing.length === 0) alreadyClosed.push(h.date);
    else keptWorking.push(h.date);
  }
  return { calendar: { ...calendar, overrides: sortOverrides(overrides) }, added, alreadyClosed, keptWorking };
}

/** Overrides ordered by date, so stored and exported calendars read chronologically. */
export function sortOverrides<T>(overrides: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(overrides).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
