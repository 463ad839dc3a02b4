// .ics export of visits: one visit as a file to open in any calendar, and the feed of
// an engineer's visits. UIDs are stable per visit and SEQUENCE comes from the visit, so a
// re-exported file updates (or cancels) the same calendar entry instead of adding a new one.
import type { Visit, VisitStatus } from '../dispatch/visit-schema';
import { escapeText, formatUtc, paramValue, serializeLines } from './content-line';
import { isUtcZone, renderVTimezone, zonedDateTime } from './vtimezone';

/** Per-visit texts; all optional parts have data-only defaults so no UI language is baked in. */
export type VisitIcsTexts = {
  ticketTitle?: string;
  customerName: string;
  /** Replaces the default SUMMARY ("customer – ticket title"). */
  summary?: string;
  /** Appended to the DESCRIPTION (e.g. contact, instructions), already translated. */
  notes?: string;
};

export type IcsCommon = {
  organizerEmail: string;
  prodId: string;
  engineerEmail?: string;
  engineerName?: string;
  /** DTSTAMP; defaults to the visit's updatedAt so the same visit always renders the same bytes. */
  now?: number;
  /** Right-hand side of the UID; defaults to servicedesk.example.com. */
  uidDomain?: string;
};

export type VisitIcsContext = IcsCommon & VisitIcsTexts;

export type EngineerFeedContext = IcsCommon & {
  /** X-WR-CALNAME shown by calendar apps that subscribe to the feed. */
  calendarName?: string;
  textsFor: (visit: Visit) => VisitIcsTexts;
};

/** Refused export (e.g. an unscheduled visit); nothing was produced. */
export class IcsExportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'IcsExportError';
  }
}

const EMAIL = /^[^\s@<>"]+@[^\s@<>"]+$/;

function mailto(email: string, what: string): string {
  if (!EMAIL.test(email)) throw new IcsExportError(`${what} "${email}" is not an e-mail address`);
  return `mailto:${email}`;
}

/** The UID of a visit's calendar entry: the same for every export of that visit. */
export function visitUid(visitId: string, uidDomain = 'servicedesk.example.com'): string {
  return `${visitId}@${uidDomain}`;
}

function icsStatus(status: VisitStatus): 'TENTATIVE' | 'CONFIRMED' | 'CANCELLED' {
  if (status === 'tentative') return 'TENTATIVE';
  if (status === 'cancelled') return 'CANCELLED';
  return 'CONFIRMED';
}

function dateTimeLine(name: string, instant: number, zone: string): string {
  const dt = zonedDateTime(instant, zone);
  return dt.tzid ? `${name};TZID=${paramValue(dt.tzid)}:${dt.value}` : `${name}:${dt.value}`;
}

function scheduled(visit: Visit): asserts visit is Visit & { window: { start: number; end: number } } {
  if (!visit.window) throw new IcsExportError(`Visit ${visit.id} is not scheduled yet, so it has no calendar entry.`);
}

function renderEvent(visit: Visit, texts: VisitIcsTexts, common: IcsCommon): string[] {
  scheduled(visit);
  const zone = visit.site.timeZone;
  const summary = texts.summary ?? [texts.customerName, texts.ticketTitle ?? visit.kind].filter((s) => s && s.trim() !== '').join(' – ');
  const description = [texts.ticketTitle, visit.ticketId, visit.site.address, texts.notes]
    .filter((s): s is string => s !== undefined && s.trim() !== '')
    .join('\n');
  const attendee = common.engineerEmail
    ? [`ATTENDEE;${common.engineerName ? `CN=${paramValue(common.engineerName)};` : ''}ROLE=REQ-PARTICIPANT:${mailto(common.engineerEmail, 'engineer e-mail')}`]
    : [];
  return [
    'BEGIN:VEVENT',
    `UID:${escapeText(visitUid(visit.id, common.uidDomain))}`,
    `DTSTAMP:${formatUtc(common.now ?? visit.updatedAt)}`,
    `CREATED:${formatUtc(visit.createdAt)}`,
    `LAST-MODIFIED:${formatUtc(visit.updatedAt)}`,
    dateTimeLine('DTSTART', visit.window.start, zone),
    dateTimeLine('DTEND', visit.window.end, zone),
    `SUMMARY:${escapeText(summary)}`,
    ...(visit.site.address.trim() !== '' ? [`LOCATION:${escapeText(visit.site.address)}`] : []),
    ...(description !== '' ? [`DESCRIPTION:${escapeText(description)}`] : []),
    `SEQUENCE:${visit.sequence}`,
    `STATUS:${icsStatus(visit.status)}`,
    'TRANSP:OPAQUE',
    `ORGANIZER:${mailto(common.organizerEmail, 'organizer e-mail')}`,
    ...attendee,
    'END:VEVENT',
  ];
}

function timezones(visits: readonly Visit[]): string[] {
  const spans = new Map<string, { from: number; to: number }>();
  for (const v of visits) {
    if (!v.window || isUtcZone(v.site.timeZone)) continue;
    const span = spans.get(v.site.timeZone);
    spans.set(v.site.timeZone, { from: Math.min(span?.from ?? v.window.start, v.window.start), to: Math.max(span?.to ?? v.window.end, v.window.end) });
  }
  return [...spans.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).flatMap(([zone, s]) => renderVTimezone(zone, s.from, s.to));
}

function calendar(method: 'PUBLISH' | 'CANCEL', prodId: string, body: string[], extra: string[] = []): string {
  if (prodId.trim() === '') throw new IcsExportError('PRODID is required (e.g. "-//Example//Service Desk//EN")');
  return serializeLines(['BEGIN:VCALENDAR', `PRODID:${escapeText(prodId)}`, 'VERSION:2.0', 'CALSCALE:GREGORIAN', `METHOD:${method}`, ...extra, ...body, 'END:VCALENDAR']);
}

/** One visit as an RFC 5545 calendar; a cancelled visit gives METHOD:CANCEL with STATUS:CANCELLED. */
export function renderVisitIcs(visit: Visit, context: VisitIcsContext): string {
  const event = renderEvent(visit, context, context);
  return calendar(visit.status === 'cancelled' ? 'CANCEL' : 'PUBLISH', context.prodId, [...timezones([visit]), ...event]);
}

/**
 * An engineer's feed: every scheduled visit (cancelled ones stay, marked CANCELLED, so subscribed
 * calendars remove them); unscheduled visits are skipped. Events are ordered by start time.
 */
export function renderEngineerFeed(visits: readonly Visit[], context: EngineerFeedContext): string {
  const planned = visits.filter((v) => v.window !== undefined).sort((a, b) => (a.window?.start ?? 0) - (b.window?.start ?? 0) || (a.id < b.id ? -1 : 1));
  const events = planned.flatMap((v) => renderEvent(v, context.textsFor(v), context));
  const name = context.calendarName ? [`X-WR-CALNAME:${escapeText(context.calendarName)}`] : [];
  return calendar('PUBLISH', context.prodId, [...timezones(planned), ...events], name);
}
