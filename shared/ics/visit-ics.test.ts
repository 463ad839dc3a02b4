import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createVisit } from '../dispatch/create-visit';
import { applyVisitAction } from '../dispatch/visit-workflow';
import type { Visit, VisitInput } from '../dispatch/visit-schema';
import { foldLine } from './content-line';
import { renderEngineerFeed, renderVisitIcs } from './visit-ics';
import type { VisitIcsContext } from './visit-ics';

const sofia = { address: 'ul. Primerna 1, София', timeZone: 'Europe/Sofia' };
const newYork = { address: '1 Example Ave, New York, NY', timeZone: 'America/New_York' };

function visit(over: Partial<VisitInput>): Visit {
  return createVisit({
    id: 'V-1', ticketId: 'SD-AAAA-0001', customerId: 'c1', kind: 'fault', reason: 'online_window_expired', site: sofia,
    status: 'confirmed', engineerId: 'eng-1', window: { start: Date.parse('2026-03-27T07:00:00Z'), end: Date.parse('2026-03-27T09:00:00Z') },
    sequence: 1, createdAt: Date.parse('2026-03-20T08:00:00Z'), updatedAt: Date.parse('2026-03-21T08:00:00Z'), ...over,
  });
}

const context: VisitIcsContext = {
  ticketTitle: 'Storage array offline', customerName: 'Example Bank', engineerEmail: 'ivo@example.com', engineerName: 'Ivo Petrov',
  organizerEmail: 'dispatch@example.com', prodId: '-//Example//Service Desk//EN',
};

type Parsed = { calendar: ICAL.Component; events: ICAL.Event[] };

/** Parses with ical.js, registering the file's own VTIMEZONEs so TZID times resolve through them. */
function parse(ics: string): Parsed {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const tz of calendar.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
  return { calendar, events: calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e)) };
}

function only(p: Parsed): ICAL.Event {
  expect(p.events).toHaveLength(1);
  return p.events[0] as ICAL.Event;
}

afterEach(() => ICAL.TimezoneService.reset());

describe('renderVisitIcs parsed back by ical.js', () => {
  it('writes one VEVENT with stable UID, SEQUENCE, status, organizer, attendee and CRLF lines', () => {
    const ics = renderVisitIcs(visit({}), context);
    expect(ics.endsWith('\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const p = parse(ics);
    const e = only(p);
    expect(p.calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(e.uid).toBe('V-1@servicedesk.example.com');
    expect(e.sequence).toBe(1);
    expect(e.summary).toBe('Example Bank – Storage array offline');
    expect(e.location).toBe('ul. Primerna 1, София');
    expect(e.component.getFirstPropertyValue('status')).toBe('CONFIRMED');
    expect(e.organizer).toBe('mailto:dispatch@example.com');
    expect(e.attendees[0]?.getFirstValue()).toBe('mailto:ivo@example.com');
    expect(e.attendees[0]?.getParameter('cn')).toBe('Ivo Petrov');
  });

  it('keeps the visit window across the Sofia spring-forward week (last Sunday of March)', () => {
    const days = [
      ['2026-03-27T07:00:00Z', '2026-03-27T09:00:00Z'], // Friday 09:00-11:00 EET (+2)
      ['2026-03-29T06:00:00Z', '2026-03-29T08:00:00Z'], // Sunday 09:00-11:00 EEST (+3), after the 03:00 jump
      ['2026-03-30T06:00:00Z', '2026-03-30T08:00:00Z'], // Monday 09:00-11:00 EEST
      ['2026-03-29T00:30:00Z', '2026-03-29T01:30:00Z'], // 02:30 EET -> 04:30 EEST, spanning the jump
    ] as const;
    for (const [start, end] of days) {
      const ics = renderVisitIcs(visit({ window: { start: Date.parse(start), end: Date.parse(end) } }), context);
      expect(ics).toContain('DTSTART;TZID=Europe/Sofia:');
      const e = only(parse(ics));
      expect(e.startDate.zone?.tzid).toBe('Europe/Sofia');
      expect(e.startDate.toJSDate().toISOString()).toBe(new Date(start).toISOString());
      expect(e.endDate.toJSDate().toISOString()).toBe(new Date(end).toISOString());
    }
    const monday = renderVisitIcs(visit({ window: { start: Date.parse(days[2][0]), end: Date.parse(days[2][1]) } }), context);
    expect(monday).toContain('DTSTART;TZID=Europe/Sofia:20260330T090000');
  });

  it('keeps the visit window across the New York fall-back night, including the repeated hour', () => {
    const windows = [
      ['2026-11-01T04:30:00Z', '2026-11-01T08:30:00Z'], // 00:30 EDT -> 03:30 EST
      ['2026-10-30T13:00:00Z', '2026-10-30T15:00:00Z'], // Friday 09:00 EDT
      ['2026-11-02T14:00:00Z', '2026-11-02T16:00:00Z'], // Monday 09:00 EST
      ['2026-11-01T05:30:00Z', '2026-11-01T06:00:00Z'], // the first 01:30 (EDT): ambiguous as wall time
      ['2026-11-01T06:30:00Z', '2026-11-01T07:30:00Z'], // the second 01:30 (EST): ambiguous as wall time
    ] as const;
    for (const [start, end] of windows) {
      const e = only(parse(renderVisitIcs(visit({ site: newYork, window: { start: Date.parse(start), end: Date.parse(end) } }), context)));
      expect(e.startDate.toJSDate().toISOString()).toBe(new Date(start).toISOString());
      expect(e.endDate.toJSDate().toISOString()).toBe(new Date(end).toISOString());
    }
    const monday = renderVisitIcs(visit({ site: newYork, window: { start: Date.parse(windows[2][0]), end: Date.parse(windows[2][1]) } }), context);
    expect(monday).toContain('DTSTART;TZID=America/New_York:20261102T090000');
    // The repeated hour is written in UTC: readers disagree on which 01:30 a wall time means.
    const repeated = renderVisitIcs(visit({ site: newYork, window: { start: Date.parse(windows[3][0]), end: Date.parse(windows[3][1]) } }), context);
    expect(repeated).toContain('DTSTART:20261101T053000Z');
  });

  it('a cancelled visit becomes METHOD:CANCEL with STATUS:CANCELLED, same UID and a higher SEQUENCE', () => {
    const booked = visit({ sequence: 0 });
    const cancelled = applyVisitAction(booked, { type: 'cancel', reason: 'fixed remotely' }, Date.parse('2026-03-22T10:00:00Z'), 'u-disp').visit;
    const p = parse(renderVisitIcs(cancelled, context));
    const e = only(p);
    expect(p.calendar.getFirstPropertyValue('method')).toBe('CANCEL');
    expect(e.component.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(e.uid).toBe(only(parse(renderVisitIcs(booked, context))).uid);
    expect(e.sequence).toBe(1);
  });

  it('bumps SEQUENCE on every reschedule and marks an unconfirmed booking TENTATIVE', () => {
    let v = visit({ sequence: 0, status: 'unscheduled', window: undefined, engineerId: undefined });
    const now = Date.parse('2026-03-21T09:00:00Z');
    v = applyVisitAction(v, { type: 'schedule', engineerId: 'eng-1', window: { start: Date.parse('2026-03-27T07:00:00Z'), end: Date.parse('2026-03-27T09:00:00Z') } }, now, 'u').visit;
    const first = only(parse(renderVisitIcs(v, context)));
    expect([first.sequence, first.component.getFirstPropertyValue('status')]).toEqual([0, 'TENTATIVE']);
    v = applyVisitAction(v, { type: 'reschedule', window: { start: Date.parse('2026-03-30T06:00:00Z'), end: Date.parse('2026-03-30T08:00:00Z') }, reason: 'customer asked', confirmed: true }, now + 1, 'u').visit;
    const second = only(parse(renderVisitIcs(v, context)));
    expect([second.sequence, second.component.getFirstPropertyValue('status'), second.uid]).toEqual([1, 'CONFIRMED', first.uid]);
    expect(second.startDate.toJSDate().toISOString()).toBe('2026-03-30T06:00:00.000Z');
  });

  it('folds long Chinese and Bulgarian descriptions at 75 octets without splitting characters, and unfolds them intact', () => {
    const notes = '现场工程师需要检查存储阵列的控制器、电源模块和风扇，并在离开前与客户确认系统已恢复正常运行。'.repeat(3) +
      '\nИнженерът трябва да провери контролера, захранването и вентилаторите; да се свърже с клиента, преди да тръгне.'.repeat(2) +
      ' 🔧 emoji at the end 🔧';
    const ics = renderVisitIcs(visit({}), { ...context, notes, ticketTitle: 'Отказ на масив; контролер A, B \\ C' });
    for (const line of ics.split('\r\n')) {
      expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
      // A lone surrogate would mean a character was cut in half.
      expect(line).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      expect(Buffer.from(line, 'utf8').toString('utf8')).toBe(line);
    }
    expect(ics.split('\r\n').some((l) => l.startsWith(' '))).toBe(true);
    const e = only(parse(ics));
    expect(e.description).toBe(['Отказ на масив; контролер A, B \\ C', 'SD-AAAA-0001', sofia.address, notes].join('\n'));
    expect(e.summary).toBe('Example Bank – Отказ на масив; контролер A, B \\ C');
  });

  it('refuses to export an unscheduled visit or a bad organizer address', () => {
    expect(() => renderVisitIcs(visit({ status: 'unscheduled', window: undefined }), context)).toThrow(/not scheduled yet/);
    expect(() => renderVisitIcs(visit({}), { ...context, organizerEmail: 'dispatch' })).toThrow(/not an e-mail address/);
  });

  it('writes UTC times without a VTIMEZONE for a site in UTC', () => {
    const ics = renderVisitIcs(visit({ site: { address: 'Harbour', timeZone: 'UTC' } }), context);
    expect(ics).not.toContain('VTIMEZONE');
    expect(ics).toContain('DTSTART:20260327T070000Z');
    expect(only(parse(ics)).startDate.toJSDate().toISOString()).toBe('2026-03-27T07:00:00.000Z');
  });
});

describe('renderEngineerFeed parsed back by ical.js', () => {
  it('holds every scheduled visit of the engineer in start order, one VTIMEZONE per zone, skipping unscheduled ones', () => {
    const visits = [
      visit({ id: 'V-ny', site: newYork, window: { start: Date.parse('2026-11-01T04:30:00Z'), end: Date.parse('2026-11-01T08:30:00Z') } }),
      visit({ id: 'V-sofia' }),
      visit({ id: 'V-open', status: 'unscheduled', window: undefined }),
      visit({ id: 'V-gone', status: 'cancelled', cancelReason: 'duplicate', window: { start: Date.parse('2026-04-01T07:00:00Z'), end: Date.parse('2026-04-01T08:00:00Z') } }),
    ];
    const ics = renderEngineerFeed(visits, {
      organizerEmail: 'dispatch@example.com', prodId: '-//Example//Service Desk//EN', calendarName: 'Ivo Petrov – visits',
      textsFor: (v) => ({ customerName: `Customer of ${v.id}` }),
    });
    const p = parse(ics);
    expect(p.calendar.getFirstPropertyValue('x-wr-calname')).toBe('Ivo Petrov – visits');
    expect(p.calendar.getAllSubcomponents('vtimezone').map((c) => c.getFirstPropertyValue('tzid'))).toEqual(['America/New_York', 'Europe/Sofia']);
    expect(p.events.map((e) => e.uid)).toEqual(['V-sofia@servicedesk.example.com', 'V-gone@servicedesk.example.com', 'V-ny@servicedesk.example.com']);
    expect(p.events.map((e) => e.component.getFirstPropertyValue('status'))).toEqual(['CONFIRMED', 'CANCELLED', 'CONFIRMED']);
    expect(p.events[2]?.endDate.toJSDate().toISOString()).toBe('2026-11-01T08:30:00.000Z');
    expect(p.events[1]?.startDate.toJSDate().toISOString()).toBe('2026-04-01T07:00:00.000Z');
  });
});

describe('foldLine', () => {
  it('leaves a 75-octet line alone and starts continuation lines with one space', () => {
    expect(foldLine('a'.repeat(75))).toEqual(['a'.repeat(75)]);
    expect(foldLine('a'.repeat(76))).toEqual(['a'.repeat(75), ' a']);
    expect(foldLine('я'.repeat(40))).toEqual(['я'.repeat(37), ` ${'я'.repeat(3)}`]);
  });
});
