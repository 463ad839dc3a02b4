import fc from 'fast-check';
import ICAL from 'ical.js';
import { afterEach, describe, expect, it } from 'vitest';
import { createVisit } from '../dispatch/create-visit';
import { foldLine } from './content-line';
import { renderVisitIcs } from './visit-ics';

afterEach(() => ICAL.TimezoneService.reset());

const zones = ['Europe/Sofia', 'America/New_York', 'Asia/Shanghai', 'Australia/Lord_Howe', 'Asia/Kolkata', 'America/Sao_Paulo', 'UTC'];
const from = Date.parse('2025-01-01T00:00:00Z');
const to = Date.parse('2027-12-31T00:00:00Z');

describe('.ics properties', () => {
  it('folded lines never exceed 75 octets and unfold to the original line', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (s) => {
      const line = `DESCRIPTION:${s}`;
      const parts = foldLine(line);
      for (const p of parts) expect(Buffer.byteLength(p, 'utf8')).toBeLessThanOrEqual(75);
      expect(parts.map((p, i) => (i === 0 ? p : p.slice(1))).join('')).toBe(line);
    }));
  });

  it('any window in any zone and any text survive a round trip through ical.js', () => {
    fc.assert(fc.property(
      fc.constantFrom(...zones),
      fc.integer({ min: from / 60_000, max: to / 60_000 }),
      fc.integer({ min: 15, max: 48 * 60 }),
      fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }).filter((s) => s.trim() !== '' && !/[\r\u0000-\u0008\u000b-\u001f\u007f]/.test(s)),
      (zone, startMinute, minutes, text) => {
        ICAL.TimezoneService.reset();
        const start = startMinute * 60_000;
        const end = start + minutes * 60_000;
        const visit = createVisit({
          id: 'V-p', customerId: 'c', kind: 'training', reason: 'training', site: { address: 'Site', timeZone: zone },
          status: 'confirmed', engineerId: 'e', window: { start, end }, createdAt: 0, updatedAt: 0,
        });
        const cal = new ICAL.Component(ICAL.parse(renderVisitIcs(visit, { customerName: 'Example', organizerEmail: 'd@example.com', prodId: '-//Example//SD//EN', summary: text })));
        for (const tz of cal.getAllSubcomponents('vtimezone')) ICAL.TimezoneService.register(tz);
        const event = new ICAL.Event(cal.getFirstSubcomponent('vevent') ?? undefined);
        expect(event.startDate.toJSDate().getTime()).toBe(start);
        expect(event.endDate.toJSDate().getTime()).toBe(end);
        expect(event.summary).toBe(text);
      },
    ), { numRuns: 300 });
  });
});
