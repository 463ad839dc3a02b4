import { describe, expect, it } from 'vitest';
import type { Ticket, TimelineEvent } from '../../../../shared/ticket';
import { makeTicket, NOW, tempStores } from './fixtures.test-support';
import { demoEngineers } from '../../../../shared/demo';
import { runMutation, type ServiceDeskDb } from '../../data';
import type { Mutate } from '../../app/mutations';
import { buildConfig } from '../../config/config-store';
import { presetCalendars, presetPolicies } from '../../config/presets';
import { planAutoEscalations } from './auto-plan';
import { nextWindow, releaseAutoRunState, runAutoEscalation, type AutoRunState } from './auto-run';
import { presetEscalationMatrices } from './matrices';

const config = buildConfig(presetPolicies, presetCalendars, 1);
const HOUR = 3_600_000;
// NOW: Tue 10 Mar 2026, 15:00 in Shanghai, inside business hours of the China calendar.
const ticket = makeTicket;

const plan = (tickets: Ticket[], timelines = new Map<string, TimelineEvent[]>(), now = NOW) =>
  planAutoEscalations(tickets, timelines, presetEscalationMatrices, config.policies, config.calendars, now, { engineers: demoEngineers, language: 'en' });

describe('planAutoEscalations', () => {
  it('plans M1 (level 2) for a breached first response, addressed to the owner’s manager', () => {
    const plans = plan([ticket()]);
    expect(plans.map((p) => [p.ticketId, p.level, p.levelName, p.recipients])).toEqual([['SD-T-0001', 2, 'M1: direct manager', ['dana.whitfield@example.com']]]);
    expect(plans[0]?.due.trigger).toEqual({ kind: 'clock_breached', clock: 'first_response' });
    expect(plans[0]?.due.raisePriorityTo).toBe('top');
  });

  it('plans nothing once the level is in the timeline, and nothing for a met clock', () => {
    const t = ticket();
    const escalated: TimelineEvent = { id: 'e1', ticketId: t.id, at: NOW, by: 'system', kind: 'escalated', level: 2, levelName: 'M1', recipients: [], ask: '', automatic: true };
    expect(plan([t], new Map([[t.id, [escalated]]]))).toEqual([]);
    const answered = ticket({ status: 'in_progress', sla: { severityHistory: [{ at: NOW - 6 * HOUR, severity: '2' }], pauses: [], respondedAt: NOW - 6 * HOUR + 60_000, customerUpdates: [] } });
    expect(plan([answered])).toEqual([]);
  });

  it('a severity-1 ticket past both age limits is planned to M1 and M2 in order; level names follow the language', () => {
    const old = ticket({ severity: '1', createdAt: NOW - 9 * HOUR, status: 'in_progress', sla: { severityHistory: [{ at: NOW - 9 * HOUR, severity: '1' }], pauses: [], respondedAt: NOW - 9 * HOUR + 60_000, customerUpdates: [] } });
    const plans = planAutoEscalations([old], new Map(), presetEscalationMatrices, config.policies, config.calendars, NOW, { engineers: demoEngineers, language: 'zh-CN' });
    expect(plans.map((p) => p.level)).toEqual([2, 3]);
    expect(plans[0]?.levelName).toBe('M1：直属经理');
    expect(plans[1]?.recipients).toContain('support-management@example.com');
  });

  it('closed tickets never escalate; an unroutable level is still planned with the gap', () => {
    expect(plan([ticket({ status: 'closed' })])).toEqual([]);
    const ownerless = plan([ticket({ ownerId: undefined })]);
    expect(ownerless.map((p) => [p.level, p.missing?.reason])).toEqual([[2, 'no_owner']]);
  });
});

describe('nextWindow', () => {
  it('gives every candidate its turn when there are more than the budget', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const state: AutoRunState = {};
    expect(nextWindow(ids, state, 2)).toEqual(['a', 'b']);
    expect(nextWindow(ids, state, 2)).toEqual(['c', 'd']);
    expect(nextWindow(ids, state, 2)).toEqual(['e', 'a']);
    expect(nextWindow(ids, state, 10)).toEqual(ids);
  });
});

describe('runAutoEscalation on a real store', () => {
  const store = tempStores(config, NOW);
  const mutateOn = (db: ServiceDeskDb): Mutate => async (name, args) => {
    const r = await runMutation(db, name, args, { now: NOW });
    return { outcome: r.outcome, ...(r.message ? { message: r.message } : {}) };
  };
  const options = (state: AutoRunState = {}) => ({ policies: config.policies, calendars: config.calendars, now: NOW, language: 'en', describe: (d: { reason: string }) => d.reason, state });
  const escalations = async (db: ServiceDeskDb) => (await db.timeline.where('ticketId').equals('SD-T-0001').toArray()).filter((e) => e.kind === 'escalated');

  async function seeded(name: string): Promise<ServiceDeskDb> {
    const db = store(name);
    await db.engineers.bulkPut(demoEngineers);
    await db.tickets.bulkPut([ticket(), ticket({ id: 'SD-T-0002', status: 'resolved' }), ticket({ id: 'SD-T-0003', createdAt: NOW - 10 * 60_000 })]);
    return db;
  }

  it('records each due level exactly once, also after a restart with a fresh run state', async () => {
    const db = await seeded('auto-esc-restart');
    const first = await runAutoEscalation(db, mutateOn(db), options());
    expect(first.map((r) => [r.ticketId, r.level, r.outcome])).toEqual([['SD-T-0001', 2, 'applied']]);
    const events = await escalations(db);
    expect(events).toMatchObject([{ kind: 'escalated', level: 2, automatic: true, recipients: ['dana.whitfield@example.com'], ask: 'first_response clock breached' }]);
    expect((await db.tickets.get('SD-T-0001'))?.escalationLevel).toBe(2);
    // The M1 rule raises the priority with the escalation, recorded with its reason.
    expect((await db.tickets.get('SD-T-0001'))?.priority).toBe('critical');
    const raised = (await db.timeline.where('ticketId').equals('SD-T-0001').toArray()).filter((e) => e.kind === 'severity_changed');
    expect(raised).toMatchObject([{ to: { priority: 'critical' }, reason: 'first_response clock breached' }]);

    // "Restart": close the store, open it again under the same name, new state, new run.
    db.close();
    const again = store('auto-esc-restart');
    expect(await runAutoEscalation(again, mutateOn(again), options({}))).toEqual([]);
    expect(await escalations(again)).toHaveLength(1);
  });

  it('an open ticket past an age limit is found without a breached clock; a closed one of the same age is not', async () => {
    const db = store('auto-esc-aged');
    await db.engineers.bulkPut(demoEngineers);
    // Answered at once, waiting for the customer ever since, updated a minute ago: no clock breached.
    const sla = { severityHistory: [{ at: NOW - 9 * HOUR, severity: '1' }], pauses: [{ from: NOW - 9 * HOUR + 120_000 }], respondedAt: NOW - 9 * HOUR + 60_000, customerUpdates: [NOW - 60_000] };
    await db.tickets.bulkPut([ticket({ id: 'SD-T-0010', severity: '1', createdAt: NOW - 9 * HOUR, status: 'waiting_customer', sla }), ticket({ id: 'SD-T-0011', severity: '1', createdAt: NOW - 9 * HOUR, status: 'closed', sla })]);
    // Only the age rules can move it: its running clocks are not breached.
    expect(((await db.tickets.get('SD-T-0010')) as { dueAt?: number } | undefined)?.dueAt).toBeGreaterThan(NOW);
    const recorded = await runAutoEscalation(db, mutateOn(db), options());
    expect(recorded.map((r) => [r.ticketId, r.level])).toEqual([
      ['SD-T-0010', 2],
      ['SD-T-0010', 3],
    ]);
  });

  it('two overlapping runs (a minute tick and an SLA alert) record the level once', async () => {
    const db = await seeded('auto-esc-overlap');
    const [a, b] = await Promise.all([runAutoEscalation(db, mutateOn(db), options()), runAutoEscalation(db, mutateOn(db), options())]);
    expect(a.length + b.length).toBe(1);
    expect(await escalations(db)).toHaveLength(1);
  });

  it('a level escalated by hand is not recorded again automatically', async () => {
    const db = await seeded('auto-esc-manual');
    await mutateOn(db)('ticket.recordEscalation@1', { ticketId: 'SD-T-0001', level: 2, levelName: 'M1', recipients: ['dana.whitfield@example.com'], ask: 'please help', automatic: false });
    expect(await runAutoEscalation(db, mutateOn(db), options())).toEqual([]);
    expect((await escalations(db)).map((e) => e.kind === 'escalated' && e.automatic)).toEqual([false]);
  });

  it('a runner that holds its candidates between runs (as the app does) records exactly what fresh runs record, after writes in between', async () => {
    const held = await seeded('auto-esc-held');
    const fresh = await seeded('auto-esc-fresh');
    const state: AutoRunState = {};
    const write = async (db: ServiceDeskDb, step: number) => {
      // A new breached ticket, an aged one, a ticket resolved and a severity change, one per run.
      if (step === 0) await db.tickets.put(ticket({ id: 'SD-T-0004', createdAt: NOW - 3 * HOUR }));
      if (step === 1) await db.tickets.put(ticket({ id: 'SD-T-0005', severity: '1', createdAt: NOW - 9 * HOUR, status: 'waiting_customer', sla: { severityHistory: [{ at: NOW - 9 * HOUR, severity: '1' }], pauses: [{ from: NOW - 9 * HOUR + 120_000 }], respondedAt: NOW - 9 * HOUR + 60_000, customerUpdates: [NOW - 60_000] } }));
      if (step === 2) await db.tickets.update('SD-T-0004', { status: 'resolved' });
      if (step === 3) await db.tickets.put(ticket({ id: 'SD-T-0003', createdAt: NOW - 5 * HOUR }));
    };
    const outcome = (rs: Awaited<ReturnType<typeof runAutoEscalation>>) => rs.map((r) => [r.ticketId, r.level, r.outcome]);
    try {
      for (let step = 0; step < 5; step++) {
        await write(held, step);
        await write(fresh, step);
        const a = await runAutoEscalation(held, mutateOn(held), { ...options(state), now: NOW + step * 60_000 });
        const b = await runAutoEscalation(fresh, mutateOn(fresh), { ...options(), now: NOW + step * 60_000 });
        expect(outcome(a), `run ${step}`).toEqual(outcome(b));
      }
      const levels = async (db: ServiceDeskDb) => (await db.tickets.toArray()).map((t) => [t.id, t.escalationLevel]);
      expect(await levels(held)).toEqual(await levels(fresh));
      expect(await held.timeline.filter((e) => e.kind === 'escalated').count()).toBeGreaterThan(1);
    } finally {
      releaseAutoRunState(state);
    }
  });
});
