import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BusinessCalendar } from '../sla';
import { createVisit } from './create-visit';
import { compareRankings, rankEngineers, type RankingInput } from './engineer-ranking';
import type { Visit, VisitInput } from './visit-schema';

const MINUTE = 60_000;
const week = (zone: string): BusinessCalendar => ({
  timeZone: zone,
  week: { sun: [], sat: [], mon: [['09:00', '18:00']], tue: [['09:00', '18:00']], wed: [['09:00', '18:00']], thu: [['09:00', '18:00']], fri: [['09:00', '18:00']] },
});
const shanghai = week('Asia/Shanghai');
const sofia = week('Europe/Sofia');
const site = { address: 'Example Avenue 88, Shanghai', timeZone: 'Asia/Shanghai' };
// Wednesday 11 March 2026, 10:00–12:00 in Shanghai.
const start = Date.UTC(2026, 2, 11, 2, 0);
const window = { start, end: start + 120 * MINUTE };
const now = Date.UTC(2026, 2, 10, 2, 0);

function visit(over: Partial<VisitInput> = {}): Visit {
  return createVisit({ id: 'V1', customerId: 'c1', kind: 'fault', reason: 'online_window_expired', productLine: 'edge-routers', region: 'apac', site, status: 'unscheduled', createdAt: now, updatedAt: now, ...over });
}

const ivan = { engineer: { id: 'eng-ivan', name: 'Ivan Petrov', region: 'emea', skills: ['edge-routers'] }, calendar: sofia };
const kai = { engineer: { id: 'eng-kai', name: 'Kai Chen', region: 'apac', skills: ['edge-routers'] }, calendar: shanghai };
const li = { engineer: { id: 'eng-li', name: 'Li Wei', region: 'apac', skills: ['data-vault'] }, calendar: shanghai };

function input(over: Partial<RankingInput> = {}): RankingInput {
  return { visit: visit(), window, travelBufferMinutes: 30, engineers: [ivan, kai, li], visits: [], now, ...over };
}

describe('rankEngineers', () => {
  it('proposes the trained engineer of the customer region, not the first alphabetically', () => {
    const r = rankEngineers(input());
    expect(r.map((x) => x.engineer.id)).toEqual(['eng-kai', 'eng-ivan', 'eng-li']);
    expect(r[0]?.facts).toMatchObject({ free: true, skilled: true, inRegion: true, inHours: true, travel: 'same_zone' });
  });
  it('skips an engineer who is busy in the slot for the next one who is free', () => {
    const busy = visit({ id: 'V2', engineerId: 'eng-kai', status: 'confirmed', window: { start: start + 60 * MINUTE, end: start + 180 * MINUTE } });
    const r = rankEngineers(input({ visits: [busy] }));
    expect(r[0]?.engineer.id).toBe('eng-ivan');
    expect(r.find((x) => x.engineer.id === 'eng-kai')?.facts.free).toBe(false);
  });
  it('among equals, prefers the one already at that site that day, then the less loaded', () => {
    const kai2 = { engineer: { ...kai.engineer, id: 'eng-kai2', name: 'Kai Two' }, calendar: shanghai };
    const earlierHere = visit({ id: 'V3', engineerId: 'eng-kai2', status: 'confirmed', window: { start: start - 180 * MINUTE, end: start - 120 * MINUTE } });
    const r = rankEngineers(input({ engineers: [kai, kai2], visits: [earlierHere] }));
    expect(r[0]?.engineer.id).toBe('eng-kai2');
    expect(r[0]?.facts.travel).toBe('same_site');
  });
  it('leaves out an engineer whose calendar is not loaded', () => {
    expect(rankEngineers(input({ engineers: [ivan, { ...kai, calendar: undefined }] })).map((x) => x.engineer.id)).toEqual(['eng-ivan']);
  });
  it('refuses an empty window', () => {
    expect(() => rankEngineers(input({ window: { start, end: start } }))).toThrow(RangeError);
  });
});

const engineerArb = fc.record({
  id: fc.stringMatching(/^e-[a-z]{1,4}$/),
  name: fc.constantFrom('Ana', 'Bo', 'Chen', 'Dmitri'),
  region: fc.constantFrom('apac', 'emea'),
  skills: fc.subarray(['edge-routers', 'data-vault']),
  zone: fc.constantFrom('Asia/Shanghai', 'Europe/Sofia'),
  busyOffset: fc.option(fc.integer({ min: -300, max: 300 }), { nil: undefined }),
});

describe('rankEngineers properties', () => {
  it('returns every engineer once, independent of input order, and a free engineer always above a busy one', () => {
    fc.assert(
      fc.property(fc.uniqueArray(engineerArb, { selector: (e) => e.id, minLength: 1, maxLength: 6 }), (list) => {
        const engineers = list.map((e) => ({ engineer: { id: e.id, name: e.name, region: e.region, skills: e.skills }, calendar: week(e.zone) }));
        const visits = list.flatMap((e, i) =>
          e.busyOffset === undefined ? [] : [visit({ id: `B${i}`, engineerId: e.id, status: 'confirmed', window: { start: start + e.busyOffset * MINUTE, end: start + (e.busyOffset + 90) * MINUTE } })],
        );
        const a = rankEngineers(input({ engineers, visits }));
        const b = rankEngineers(input({ engineers: [...engineers].reverse(), visits }));
        expect(a.map((x) => x.engineer.id)).toEqual(b.map((x) => x.engineer.id));
        expect([...a.map((x) => x.engineer.id)].sort()).toEqual(list.map((e) => e.id).sort());
        const firstBusy = a.findIndex((x) => !x.facts.free);
        if (firstBusy >= 0) expect(a.slice(firstBusy).every((x) => !x.facts.free)).toBe(true);
        for (let i = 1; i < a.length; i++) expect(compareRankings(a[i - 1]!, a[i]!)).toBeLessThanOrEqual(0);
      }),
    );
  });
  it('a free, trained engineer of the region is never ranked below an untrained one', () => {
    fc.assert(
      fc.property(fc.uniqueArray(engineerArb, { selector: (e) => e.id, minLength: 2, maxLength: 6 }), (list) => {
        const engineers = list.map((e) => ({ engineer: { id: e.id, name: e.name, region: e.region, skills: e.skills }, calendar: week(e.zone) }));
        const r = rankEngineers(input({ engineers }));
        const lastGood = r.map((x) => x.facts.skilled === true).lastIndexOf(true);
        const firstBad = r.findIndex((x) => x.facts.skilled === false);
        if (lastGood >= 0 && firstBad >= 0) expect(lastGood).toBeLessThan(firstBad);
      }),
    );
  });
});
