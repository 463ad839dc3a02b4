import Dexie, { type ObservabilitySet } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { demoAssets, demoCatalogue, demoContracts, demoCustomers, demoSites, generateDemoData } from '../../../../shared/demo';
import { countedAt } from '../../../../shared/reports';
import { ticketClocks } from '../../../../shared/sla';
import { buildConfig } from '../../config/config-store';
import type { TimelineEvent } from '../../../../shared/ticket';
import { presetCalendars, presetPolicies } from '../../config/presets';
import { openDb, type ServiceDeskDb } from '../../data';
import { collectChanges, emptyPending } from './report-backend';
import { reportComputer } from './report-compute';
import { contractsOf, noChanges, type ReportRequest } from './report-protocol';
import { backgroundPace, foregroundPace, refreshReportData } from './report-source';

const now = Date.UTC(2026, 5, 15, 10, 0);
const policies = new Map(presetPolicies.map((p) => [p.id, p]));
let db: ServiceDeskDb;
let n = 0;

async function seeded(tickets = 120): Promise<ServiceDeskDb> {
  db = openDb(`report-data-${++n}`);
  await db.open();
  const demo = generateDemoData({ tickets, now, policies });
  await db.tickets.bulkPut(demo.tickets);
  await db.timeline.bulkPut(demo.timeline);
  return db;
}

// Dexie announces a committed transaction's writes a moment after the commit resolves.
const settle = () => new Promise((r) => setTimeout(r, 50));
const escalation = (id: string, ticketId: string): TimelineEvent => ({ id, ticketId, at: now, by: 'eng-alex', kind: 'escalated', level: 1, levelName: 'M1', recipients: ['m1@example.com'], ask: '', automatic: false });

afterEach(async () => {
  await db.delete();
});

describe('report data held by the worker', () => {
  it('re-reads only the rows written since: a changed ticket, a removed one, a new escalation', async () => {
    await seeded();
    const first = await refreshReportData(db, undefined, noChanges(), foregroundPace);
    expect(first.tickets.size).toBe(120);
    const [a, b] = [...first.tickets.keys()];
    if (!a || !b) throw new Error('no tickets');

    await db.tickets.update(a, { title: 'Changed after the warm-up' });
    await db.tickets.delete(b);
    await db.timeline.put(escalation('ev-new', a));
    const changes = noChanges();
    changes.tickets.ids = [a, b];
    changes.timeline.ids = ['ev-new'];
    const second = await refreshReportData(db, first, changes, foregroundPace);
    // Patched in place, not read again.
    expect(second.tickets).toBe(first.tickets);
    expect(second.tickets.get(a)?.title).toBe('Changed after the warm-up');
    expect(second.tickets.has(b)).toBe(false);
    expect(second.tickets.size).toBe(119);
    expect(second.timeline.get('ev-new')?.kind).toBe('escalated');
  });

  it('reads a whole table again when told so (a bulk write), and keeps only escalation and visit events', async () => {
    await seeded();
    const first = await refreshReportData(db, undefined, noChanges(), foregroundPace);
    const note: TimelineEvent = { id: 'note-1', ticketId: 'x', at: now, by: 'eng-alex', kind: 'note', visibility: 'internal', text: 'not for reports' };
    await db.timeline.put(note);
    const changes = noChanges();
    changes.tickets.full = true;
    changes.timeline.ids = ['note-1'];
    const second = await refreshReportData(db, first, changes, foregroundPace);
    expect(second.tickets).not.toBe(first.tickets);
    expect(second.tickets.size).toBe(120);
    expect(second.timeline.has('note-1')).toBe(false);
    expect([...second.timeline.values()].every((e) => e.kind === 'escalated' || e.kind === 'visit')).toBe(true);
  });

  it('reads the same rows in small background pages as in one foreground read, and speeds up once someone waits', async () => {
    await seeded(2_500);
    let urgent = false;
    let pauses = 0;
    const pace = backgroundPace(() => urgent);
    const counting = { page: pace.page, pause: () => (pauses++, pace.pause()) };
    const background = await refreshReportData(db, undefined, noChanges(), counting);
    const foreground = await refreshReportData(db, undefined, noChanges(), foregroundPace);
    expect([...background.tickets.keys()]).toEqual([...foreground.tickets.keys()]);
    expect(pauses).toBeGreaterThanOrEqual(2); // 2,500 tickets in pages of 1,000
    urgent = true;
    expect(pace.page()).toBe(foregroundPace.page());
  });

  it('computes the same report from patched rows as from a fresh read', async () => {
    await seeded();
    const compute = reportComputer(db);
    const base: Omit<ReportRequest, 'id' | 'changes'> = { dbName: db.name, policies: presetPolicies, calendars: {}, contracts: {}, now, filters: {}, groupBy: 'severity', timeZone: 'UTC' };
    const warm = await compute({ ...base, id: 1, changes: noChanges(), warm: true });
    expect(warm.ok).toBe(true);
    const ticket = await db.tickets.toCollection().first();
    if (!ticket) throw new Error('no ticket');
    await db.tickets.delete(ticket.id);
    const changes = noChanges();
    changes.tickets.ids = [ticket.id];
    const patched = await compute({ ...base, id: 2, changes });
    const fresh = await reportComputer(db)({ ...base, id: 3, changes: noChanges() });
    if (!patched.ok || !fresh.ok) throw new Error('report failed');
    expect(patched.report.ticketCount).toBe(119);
    expect(patched.report.clocks).toEqual(fresh.report.clocks);
  });
});

/** A computer holding 120 tickets from a warm-up, one of which was deleted since (the change not yet read). */
async function heldThenOneDeleted() {
  await seeded();
  const compute = reportComputer(db);
  const base: Omit<ReportRequest, 'id' | 'changes'> = { dbName: db.name, policies: presetPolicies, calendars: {}, contracts: {}, now, filters: {}, groupBy: 'severity', timeZone: 'UTC' };
  await compute({ ...base, id: 1, changes: noChanges(), warm: true });
  const ticket = await db.tickets.toCollection().first();
  if (!ticket) throw new Error('no ticket');
  await db.tickets.delete(ticket.id);
  const changes = noChanges();
  changes.tickets.ids = [ticket.id];
  return { compute, base, changes };
}

describe('answering someone waiting from the rows held', () => {
  it('answers at once from the rows held before the writes (partial), then with the writes read', async () => {
    const { compute, base, changes } = await heldThenOneDeleted();
    const early: unknown[] = [];
    const full = await compute({ ...base, id: 2, changes }, (res) => early.push(res));
    expect(early).toEqual([expect.objectContaining({ id: 2, ok: true, partial: true, report: expect.objectContaining({ ticketCount: 120 }) })]);
    expect(full).toEqual(expect.objectContaining({ id: 2, ok: true, report: expect.objectContaining({ ticketCount: 119 }) }));
    expect('partial' in full).toBe(false);
    // Nothing written since: no early answer, and a warm-up or a first read never gives one.
    const none: unknown[] = [];
    await compute({ ...base, id: 3, changes: noChanges() }, (res) => none.push(res));
    await reportComputer(db)({ ...base, id: 4, changes }, (res) => none.push(res));
    expect(none).toEqual([]);
  });

  it('gives an answer from the rows in hand while a background read is still under way, none before the first read', async () => {
    await seeded();
    expect(reportComputer(db).answerFromHeld({ dbName: db.name, policies: presetPolicies, calendars: {}, contracts: {}, now, filters: {}, groupBy: 'severity', timeZone: 'UTC', id: 1, changes: noChanges() })).toBeUndefined();
    await db.delete();
    const { compute, base, changes } = await heldThenOneDeleted();
    const reading = compute({ ...base, id: 3, changes, warm: true, dataOnly: true });
    // Asked while the refresh reads: the rows in hand (before the delete) answer at once.
    expect(compute.answerFromHeld({ ...base, id: 4, changes: noChanges() })).toEqual(expect.objectContaining({ id: 4, ok: true, partial: true, report: expect.objectContaining({ ticketCount: 120 }) }));
    await reading;
    expect(compute.answerFromHeld({ ...base, id: 5, changes: noChanges() })).toEqual(expect.objectContaining({ report: expect.objectContaining({ ticketCount: 119 }) }));
  });

  it('a rows-only refresh patches the held rows and computes no report', async () => {
    const { compute, base, changes } = await heldThenOneDeleted();
    expect(await compute({ ...base, id: 2, changes, warm: true, dataOnly: true })).toEqual({ id: 2, ok: false, message: 'rows refreshed' });
    // The next request finds the rows already up to date: its first answer is already the full one.
    const early: unknown[] = [];
    const next = await compute({ ...base, id: 3, changes: noChanges() }, (res) => early.push(res));
    expect(early).toEqual([]);
    expect(next).toEqual(expect.objectContaining({ ok: true, report: expect.objectContaining({ ticketCount: 119 }) }));
  });
});

describe('the report and the ticket page agree', () => {
  it('counts each ticket\'s clocks under its customer\'s contract, as the ticket page shows them', async () => {
    await seeded(400);
    const config = buildConfig(presetPolicies, presetCalendars, 1, { products: demoCatalogue, customers: demoCustomers, sites: demoSites, assets: demoAssets, contracts: demoContracts });
    const req = (contracts: ReportRequest['contracts']): ReportRequest => ({ id: 1, changes: noChanges(), dbName: db.name, policies: [...config.policies.values()], calendars: config.calendars, contracts, now, filters: {}, groupBy: 'clock', timeZone: 'UTC' });
    const withContracts = await reportComputer(db)(req(contractsOf(config)));
    const policyOnly = await reportComputer(db)(req({}));
    if (!withContracts.ok || !policyOnly.ok) throw new Error('report failed');
    // The straightforward count: every ticket's clocks as its page computes them, counted when finished or breached.
    const expected = new Map<string, { met: number; breached: number }>();
    for (const t of await db.tickets.toArray()) {
      for (const c of ticketClocks(t, config, now).clocks) {
        if (countedAt(c) === undefined) continue;
        const e = expected.get(c.kind) ?? { met: 0, breached: 0 };
        if (c.state === 'met') e.met++;
        else e.breached++;
        expected.set(c.kind, e);
      }
    }
    const totals = (r: typeof withContracts) => (r.ok ? new Map(r.report.clocks.filter((s) => s.total.met + s.total.breached > 0).map((s) => [s.kind, { met: s.total.met, breached: s.total.breached }])) : undefined);
    expect(totals(withContracts)).toEqual(expected);
    // The demo's contracts do move targets: without them the report would count different clocks.
    expect(totals(policyOnly)).not.toEqual(expected);
  });
});

describe('collecting writes between report requests', () => {
  it('names single written rows and marks bulk writes as whole-table changes', async () => {
    await seeded(10);
    const id = (await db.tickets.toCollection().primaryKeys())[0] ?? '';
    const seen: ObservabilitySet[] = [];
    const listen = (parts: ObservabilitySet): void => void seen.push(parts);
    Dexie.on('storagemutated', listen);
    try {
      await db.tickets.update(id, { title: 'x' });
      await db.timeline.put(escalation('ev-1', id));
      await settle();
      const pending = emptyPending();
      for (const parts of seen.splice(0)) collectChanges(pending, db.name, parts);
      expect([...pending.tickets.ids]).toEqual([id]);
      expect(pending.tickets.full).toBe(false);
      expect([...pending.timeline.ids]).toEqual(['ev-1']);
      expect(pending.visits).toEqual({ full: false, ids: new Set() });

      const more = generateDemoData({ tickets: 60, now, policies }).tickets.map((t, i) => ({ ...t, id: `SD-BULK-${i}` }));
      await db.tickets.bulkPut(more);
      await settle();
      const bulk = seen.splice(0);
      for (const parts of bulk) collectChanges(pending, db.name, parts);
      expect(pending.tickets.full).toBe(true);
      expect(pending.tickets.ids.size).toBe(0);
      // Writes to another store are not this report's.
      const other = emptyPending();
      expect(bulk.some((parts) => collectChanges(other, 'another-db', parts))).toBe(false);
      expect(other.tickets).toEqual({ full: false, ids: new Set() });
    } finally {
      Dexie.on.storagemutated.unsubscribe(listen);
    }
  });
});
