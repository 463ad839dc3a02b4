import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoEngineers } from '../../../shared/demo';
import type { IpcCall, IpcEvent, IpcEventPayload, IpcInput } from '../../../shared/ipc';
import { slaAlertEventId } from '../../../shared/sync';
import { ticketSchema } from '../../../shared/ticket';
import { startBackground, type RunningServices } from '../app/background';
import type { Mutate } from '../app/mutations';
import { useRouter } from '../app/router';
import type { SyncController } from '../app/sync-controller';
import { getConfig } from '../config';
import { installQueueKeys, openDb, runMutation, type ServiceDeskDb } from '../data';
import type { Host } from '../host';
import { initI18n } from '../i18n';
import { backgroundServices } from './background-services';

const HOUR = 3_600_000;

// The alert queue survives reloads in localStorage; Node has none, so the test brings one.
const storage = new Map<string, string>();
vi.stubGlobal('localStorage', {
  getItem: (k: string) => storage.get(k) ?? null,
  setItem: (k: string, v: string) => void storage.set(k, v),
  removeItem: (k: string) => void storage.delete(k),
  clear: () => storage.clear(),
  key: (i: number) => [...storage.keys()][i] ?? null,
  get length() {
    return storage.size;
  },
});

/** A host like the desktop one as far as the services can tell: it records hand-offs and sends events. */
function fakeHost() {
  const calls: { call: IpcCall; input: unknown }[] = [];
  const listeners = new Map<IpcEvent, Set<(p: unknown) => void>>();
  const invoke = (async <C extends IpcCall>(call: C, input: IpcInput<C>) => {
    calls.push({ call, input });
    return call === 'notifications.getSettings' ? undefined : {};
  }) as Host['invoke'];
  const host: Host = {
    kind: 'electron',
    invoke,
    call: (async () => ({ ok: true, data: {} })) as unknown as Host['call'],
    on: (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener as (p: unknown) => void);
      return () => set.delete(listener as (p: unknown) => void);
    },
  };
  const emit = <E extends IpcEvent>(event: E, payload: IpcEventPayload<E>) => listeners.get(event)?.forEach((l) => l(payload));
  const listening = () => [...listeners.values()].reduce((n, s) => n + s.size, 0);
  return { host, calls, emit, listening };
}

const sync = { server: () => undefined, syncNow: async () => undefined } as unknown as SyncController;
const mutateOn = (db: ServiceDeskDb): Mutate => async (name, args) => {
  const r = await runMutation(db, name, args);
  return { outcome: r.outcome, ...(r.message ? { message: r.message } : {}) };
};
// The report warm-up needs a browser window and a worker; every other service runs here as in the app.
const services = backgroundServices.filter((s) => s.name !== 'reports-warmup');

describe('background services run from the kernel, without any React tree', () => {
  beforeAll(async () => {
    // The app's own i18n start-up, on the page globals it reads.
    vi.stubGlobal('navigator', { languages: ['en-GB'] });
    vi.stubGlobal('document', { documentElement: {} });
    // The router keeps the route in the address bar's hash.
    vi.stubGlobal('location', { hash: '' });
    vi.stubGlobal('history', { pushState: (_: unknown, __: string, hash: string) => void ((location as { hash: string }).hash = hash) });
    await initI18n();
  });
  const opened: ServiceDeskDb[] = [];
  const running: RunningServices[] = [];
  afterEach(async () => {
    running.splice(0).forEach((r) => r.stop());
    for (const db of opened.splice(0)) await db.delete();
    storage.clear();
  });

  async function store(): Promise<ServiceDeskDb> {
    const db = openDb(`background-${Math.random()}`);
    opened.push(db);
    installQueueKeys(db, getConfig);
    await db.engineers.bulkPut(demoEngineers);
    // Received ten days ago and never answered: its first response is breached on any calendar.
    const createdAt = Date.now() - 240 * HOUR;
    await db.tickets.put(
      ticketSchema.parse({
        id: 'SD-T-0001', title: 'Gateway restarts under load', channel: 'phone', customerId: 'cust-jade', productLine: 'secure-gateway', product: 'Gateway 7', region: 'apac-cjks',
        policyId: 'onsite-4-level-7x24', severity: '2', impact: 'service_affecting', urgency: 'high', priority: 'P2', status: 'received', ownerId: 'eng-alex',
        sla: { severityHistory: [{ at: createdAt, severity: '2' }] }, createdAt, updatedAt: createdAt,
      }),
    );
    return db;
  }
  const start = (db: ServiceDeskDb, host: Host) => {
    const r = startBackground({ db, host, sync, mutate: mutateOn(db) }, services);
    running.push(r);
    return r;
  };
  const escalations = async (db: ServiceDeskDb) => (await db.timeline.where('ticketId').equals('SD-T-0001').toArray()).filter((e) => e.kind === 'escalated');

  it('hands the host the watch list and tray counts and escalates a breached ticket', async () => {
    const db = await store();
    const { host, calls } = fakeHost();
    expect(start(db, host).running()).toEqual(['config-sync', 'sla-watch', 'auto-escalation', 'auto-fault-visits', 'internal-steps']);
    await vi.waitFor(async () => {
      expect(calls.some((c) => c.call === 'app.setLanguage')).toBe(true);
      const watch = calls.filter((c) => c.call === 'sla.setWatchList').at(-1)?.input as { entries: { ticketId: string }[] } | undefined;
      expect(watch?.entries.map((e) => e.ticketId)).toContain('SD-T-0001');
      expect(calls.filter((c) => c.call === 'tray.setCounts').at(-1)?.input).toEqual({ breached: 1, atRisk: 0 });
      const recorded = await escalations(db);
      expect(recorded.length).toBeGreaterThan(0);
      expect(recorded.every((e) => e.kind === 'escalated' && e.automatic)).toBe(true);
    });
  });

  it('records an alert the host fires, opens the ticket a notification names, and stops listening when stopped', async () => {
    const db = await store();
    const { host, emit, listening } = fakeHost();
    const r = start(db, host);
    const target = Date.now() - HOUR;
    emit('sla.alerts', { alerts: [{ ticketId: 'SD-T-0001', clock: 'first_response', threshold: 100, at: target, firedAt: target, notified: true }] });
    const id = slaAlertEventId({ ticketId: 'SD-T-0001', clock: 'first_response', threshold: 100, target });
    await vi.waitFor(async () => expect(await db.timeline.get(id)).toBeDefined());
    emit('ticket.open', { ticketId: 'SD-T-0001' });
    expect(useRouter.getState().route).toEqual({ screen: 'ticket', id: 'SD-T-0001' });

    r.stop();
    expect(listening()).toBe(0);
    const later = Date.now() - HOUR / 2;
    emit('sla.alerts', { alerts: [{ ticketId: 'SD-T-0001', clock: 'first_response', threshold: 75, at: later, firedAt: later, notified: true }] });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await db.timeline.get(slaAlertEventId({ ticketId: 'SD-T-0001', clock: 'first_response', threshold: 75, target: later }))).toBeUndefined();
  });

  it('records a backlog of alerts held over a crash once each, in chunks, and lets go of those already recorded or without a ticket', async () => {
    const db = await store();
    const base = Date.now() - 2 * HOUR;
    const at = (i: number) => base - i * 60_000;
    // 450 distinct alerts (three chunks), each delivered twice, and some for a ticket this device does not have.
    const distinct = Array.from({ length: 450 }, (_, i) => ({ ticketId: 'SD-T-0001', clock: 'first_response', threshold: 100, at: at(i), firedAt: at(i), notified: true }));
    const gone = Array.from({ length: 20 }, (_, i) => ({ ...distinct[i], ticketId: 'SD-GONE' }));
    // One of them is already on the timeline (recorded before the crash).
    await runMutation(db, 'ticket.recordSlaAlert@1', { ticketId: 'SD-T-0001', clock: 'first_response', threshold: 100, target: at(0) });
    storage.set('service-desk.unrecorded-sla-alerts', JSON.stringify([...distinct, ...gone, ...distinct]));
    const outboxBefore = await db.outbox.count();
    start(db, fakeHost().host);
    await vi.waitFor(() => expect(storage.has('service-desk.unrecorded-sla-alerts')).toBe(false), { timeout: 20_000 });
    const alerts = (await db.timeline.where('ticketId').equals('SD-T-0001').toArray()).filter((e) => e.kind === 'sla_alert');
    expect(alerts).toHaveLength(450);
    expect(new Set(alerts.map((e) => e.id)).size).toBe(450);
    // One queued change per alert not recorded before (and nothing for the duplicates or the missing ticket).
    expect((await db.outbox.toArray()).filter((m) => m.name === 'ticket.recordSlaAlert@1').length - outboxBefore).toBe(449);
  }, 30_000);

  it('starts again after a reload from the stored data, without repeating an escalation', async () => {
    const db = await store();
    const first = fakeHost();
    const r = start(db, first.host);
    await vi.waitFor(async () => expect((await escalations(db)).length).toBeGreaterThan(0));
    // Let the first run record every level due (an old ticket is due more than one).
    await new Promise((resolve) => setTimeout(resolve, 500));
    const levels = (await escalations(db)).map((e) => e.kind === 'escalated' && e.level);
    r.stop();

    const second = fakeHost();
    start(db, second.host);
    await vi.waitFor(() => expect(second.calls.some((c) => c.call === 'sla.setWatchList')).toBe(true));
    // Let the restarted escalation run finish: the levels already recorded are not recorded again.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect((await escalations(db)).map((e) => e.kind === 'escalated' && e.level)).toEqual(levels);
    expect(second.listening()).toBeGreaterThan(0);
  });
});
