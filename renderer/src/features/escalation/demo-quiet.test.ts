import { describe, expect, it } from 'vitest';
import { createFakeClock, createMemoryJsonStore, createNotificationService, createSlaTimerService, slaTimerStateSchema } from '../../../../shared/alerts';
import { demoAssets, demoCatalogue, demoContracts, demoCustomers, demoEngineers, demoSites, generateDemoData, type DemoData, type DemoRules } from '../../../../shared/demo';
import { notificationSettingsSchema, type FiredAlert } from '../../../../shared/ipc';
import { slaAlertEventId } from '../../../../shared/sync';
import { runMutation, type ServiceDeskDb } from '../../data';
import type { Mutate } from '../../app/mutations';
import { buildConfig, configContractRows } from '../../config/config-store';
import { presetCalendars, presetPolicies } from '../../config/presets';
import { buildWatchList, HOUR_MS, recordAlertArgs, WATCH_HORIZON_MS } from '../alerts';
import { AUTO_ESCALATION_BUDGET, runAutoEscalation, type AutoRunState, type RecordedAutoEscalation } from './auto-run';
import { presetEscalationMatrices } from './matrices';
import { tempStores } from './fixtures.test-support';
import { createDueFaultVisits } from '../dispatch';

// A generated demo store must open quiet: the SLA alerts and automatic escalations its past
// implies are already in it, so the app's catch-up (the host's timers over the watch list, the
// automatic escalation runner) finds nothing left to record and the outbox stays empty.

// With the demo customers' contracts, as the app holds them after its first run: they decide the clocks.
const config = buildConfig(presetPolicies, presetCalendars, 1, { products: demoCatalogue, customers: demoCustomers, sites: demoSites, assets: demoAssets, contracts: demoContracts });
const contracts = configContractRows(config);
// Tue 10 Mar 2026, 07:00 UTC: business hours in Asia, night in the Americas.
const NOW = Date.UTC(2026, 2, 10, 7, 0);
const rules: DemoRules = { calendars: config.calendars, matrices: presetEscalationMatrices, contracts };
const generate = (withRules: boolean): DemoData =>
  generateDemoData({ tickets: 400, seed: 11, now: NOW, policies: config.policies, histories: true, ...(withRules ? { rules } : {}) });

const store = tempStores(config, NOW);

async function load(name: string, demo: DemoData): Promise<ServiceDeskDb> {
  const db = store(name);
  await db.customers.bulkPut(demoCustomers);
  await db.engineers.bulkPut(demoEngineers);
  await db.tickets.bulkPut(demo.tickets);
  await db.timeline.bulkPut(demo.timeline);
  await db.visits.bulkPut(demo.visits);
  return db;
}

const mutateOn =
  (db: ServiceDeskDb): Mutate =>
  async (name, args) => {
    const r = await runMutation(db, name, args, { now: NOW });
    return { outcome: r.outcome, ...(r.message ? { message: r.message } : {}) };
  };

/** What a freshly started host hands the renderer at launch: the watch list as useSlaWatch builds it, fired by the real timer service. */
async function catchUpAlerts(db: ServiceDeskDb): Promise<FiredAlert[]> {
  const soon = await db.tickets.where('dueAt').below(NOW + HOUR_MS + WATCH_HORIZON_MS).toArray();
  const customers = new Map(demoCustomers.map((c) => [c.id, c]));
  const entries = buildWatchList(soon, customers, config.policies, config.calendars, NOW, contracts);
  const notifications = createNotificationService({ store: createMemoryJsonStore(notificationSettingsSchema), notifier: { show: () => undefined }, localMinute: () => 12 * 60, onOpen: () => undefined });
  const fired: FiredAlert[] = [];
  const timers = createSlaTimerService({ clock: createFakeClock(NOW), store: createMemoryJsonStore(slaTimerStateSchema), onDue: (due, at) => fired.push(...notifications.deliver(due, at)) });
  await timers.start();
  timers.setWatchList(entries);
  timers.stop();
  return fired;
}

/** The alerts the renderer would have to record: fired, and not yet on the ticket's timeline. */
async function unrecorded(db: ServiceDeskDb, alerts: readonly FiredAlert[]): Promise<FiredAlert[]> {
  const ids = alerts.map((a) => slaAlertEventId(recordAlertArgs(a)));
  const found = await db.timeline.bulkGet(ids);
  return alerts.filter((_, i) => found[i] === undefined);
}

/** Automatic escalation passes until every candidate had its turn (a pass looks at AUTO_ESCALATION_BUDGET tickets). */
async function escalateAll(db: ServiceDeskDb): Promise<RecordedAutoEscalation[]> {
  const state: AutoRunState = {};
  const out: RecordedAutoEscalation[] = [];
  const passes = Math.ceil((await db.tickets.count()) / AUTO_ESCALATION_BUDGET) + 1;
  for (let i = 0; i < passes; i++) out.push(...(await runAutoEscalation(db, mutateOn(db), { policies: config.policies, calendars: config.calendars, contracts, now: NOW, language: 'en', describe: (d) => d.reason, state })));
  return out;
}

describe('a generated demo store at its generation time', () => {
  it('without the rules, the app would record a stream of catch-up alerts and escalations (the problem)', async () => {
    const db = await load('demo-quiet-unsettled', generate(false));
    expect((await unrecorded(db, await catchUpAlerts(db))).length).toBeGreaterThan(10);
    const recorded = await escalateAll(db);
    expect(recorded.length).toBeGreaterThan(10);
    expect((await createDueFaultVisits(db, mutateOn(db), config, NOW, 'eng-alex')).created.length).toBeGreaterThan(0);
    expect(await db.outbox.count()).toBeGreaterThanOrEqual(recorded.length);
  });

  it('with the rules, every alert the host fires at launch is already on its ticket and the escalation runner records nothing', async () => {
    const demo = generate(true);
    const db = await load('demo-quiet-settled', demo);
    const alerts = await catchUpAlerts(db);
    // The set is not trivially quiet: open tickets did breach and escalate in the generated past.
    expect(alerts.length).toBeGreaterThan(10);
    expect(demo.timeline.filter((e) => e.kind === 'escalated' && e.automatic).length).toBeGreaterThan(10);
    expect(demo.tickets.filter((t) => t.escalationLevel > 0).length).toBeGreaterThan(10);

    expect(await unrecorded(db, alerts)).toEqual([]);
    expect(await escalateAll(db)).toEqual([]);
    // Tickets whose online window expired already have their fault visit: the runner queues none.
    expect(demo.visits.length).toBeGreaterThan(0);
    expect(await createDueFaultVisits(db, mutateOn(db), config, NOW, 'eng-alex')).toEqual({ created: [], failed: [] });
    expect(await db.outbox.count()).toBe(0);
  });

  it('the small first-run set (seedDemoDataOnFirstRun) opens quiet too', async () => {
    const demo = generateDemoData({ tickets: 120, seed: 3, now: NOW, policies: config.policies, rules });
    const db = await load('demo-quiet-first-run', demo);
    const alerts = await catchUpAlerts(db);
    expect(alerts.length).toBeGreaterThan(0);
    expect(await unrecorded(db, alerts)).toEqual([]);
    expect(await escalateAll(db)).toEqual([]);
    expect(await db.outbox.count()).toBe(0);
  });

  it('an alert the host fires again is recorded as the same event: the timeline gains nothing', async () => {
    const db = await load('demo-quiet-idempotent', generate(true));
    const alerts = (await catchUpAlerts(db)).slice(0, 5);
    expect(alerts).not.toHaveLength(0);
    const before = await db.timeline.count();
    for (const a of alerts) expect((await mutateOn(db)('ticket.recordSlaAlert@1', recordAlertArgs(a))).outcome).toBe('applied');
    expect(await db.timeline.count()).toBe(before);
  });
});
