import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { ticketSchema, type Ticket } from '../../../shared/ticket';
import { openDb, type ServiceDeskDb } from '../data';
import { installQueueKeys } from '../data';
import { getConfig, useConfigStore } from './config-store';
import { createConfigSync, useConfigSyncStatus } from './config-sync';
import { presetCalendars, presetPolicies } from './presets';

const MIN = 60_000;
/** Tuesday 3 March 2026, 09:00 in Shanghai (the business-hours policy's calendar). */
const CREATED = Date.UTC(2026, 2, 3, 1, 0);
const NOW = CREATED + 30 * MIN;

function ticket(id: string, policyId: string, severity: string, status: Ticket['status'] = 'received'): Ticket {
  return ticketSchema.parse({
    id, title: 'Printer queue stuck', channel: 'phone', customerId: 'cust-x', productLine: 'data-vault', product: 'Vault 3', region: 'apac-cjks',
    policyId, severity, impact: 'degradation', urgency: 'medium', priority: 'normal', status,
    sla: { severityHistory: [{ at: CREATED, severity }] }, createdAt: CREATED, updatedAt: CREATED,
  });
}

const weekdays = presetCalendars.find((c) => c.id === 'china-2026-2027');
if (!weekdays) throw new Error('preset china-2026-2027 missing');
const businessHours = presetPolicies.find((p) => p.id === 'business-hours-3-severity');
if (!businessHours) throw new Error('preset business-hours-3-severity missing');

describe('createConfigSync (overlay + dueAt recompute on real Dexie)', () => {
  let db: ServiceDeskDb | undefined;
  afterEach(async () => {
    useConfigStore.getState().replace([], [], { products: [], customers: [], sites: [], assets: [], contracts: [] });
    await db?.delete();
    db = undefined;
  });

  async function seeded(): Promise<ServiceDeskDb> {
    const d = openDb(`config-sync-${Math.random()}`);
    db = d;
    installQueueKeys(d, getConfig, () => NOW);
    await d.tickets.bulkPut([
      ticket('SD-1', 'business-hours-3-severity', '2'),
      ticket('SD-2', 'enterprise-edown', '2'),
      ticket('SD-3', 'business-hours-3-severity', '3', 'closed'),
      ...Array.from({ length: 25 }, (_, i) => ticket(`SD-BULK-${i}`, 'business-hours-3-severity', '3')),
    ]);
    return d;
  }

  const dueOf = async (d: ServiceDeskDb, id: string): Promise<number | undefined> => ((await d.tickets.get(id)) as (Ticket & { dueAt?: number }) | undefined)?.dueAt;

  it('a stored calendar with a holiday moves the dueAt of the open tickets on it (in chunks), and reverting moves it back', async () => {
    const d = await seeded();
    const before = await dueOf(d, 'SD-1');
    // Severity 2 by phone: 120 business minutes from 09:00 → 11:00 Shanghai.
    expect(before).toBe(CREATED + 120 * MIN);
    const other = await dueOf(d, 'SD-2');
    const closed = await dueOf(d, 'SD-3');

    const chunks: number[] = [];
    const sync = createConfigSync(d, { chunkSize: 10, pause: async () => void chunks.push(1) });
    const holiday = { ...weekdays, calendar: { ...weekdays.calendar, overrides: { ...weekdays.calendar.overrides, '2026-03-03': [] } } };
    await d.calendars.put(holiday);
    const r = sync.apply([], await d.calendars.toArray());
    expect(r.invalid).toEqual([]);
    expect(r.affected.has('business-hours-3-severity')).toBe(true);
    expect(r.affected.has('enterprise-edown')).toBe(false);
    await sync.idle();

    // Tuesday closed: the 120 minutes run Wednesday 08:30–10:30.
    expect(await dueOf(d, 'SD-1')).toBe(Date.UTC(2026, 2, 4, 2, 30));
    expect(await dueOf(d, 'SD-BULK-7')).toBeGreaterThan(CREATED + 480 * MIN);
    expect(await dueOf(d, 'SD-2')).toBe(other);
    expect(await dueOf(d, 'SD-3')).toBe(closed);
    expect(chunks.length).toBe(2); // 26 open tickets on the policy, 10 per chunk
    expect(useConfigSyncStatus.getState().lastRecomputed?.tickets).toBe(26);
    expect(getConfig().calendars['china-2026-2027']?.overrides?.['2026-03-03']).toEqual([]);

    await d.calendars.delete('china-2026-2027');
    sync.apply([], []);
    await sync.idle();
    expect(await dueOf(d, 'SD-1')).toBe(before);
  });

  it('ignores and reports invalid rows (bad schema, unknown calendar); the presets keep applying', async () => {
    const d = await seeded();
    const sync = createConfigSync(d);
    const badPolicy = { ...businessHours, calendarId: 'no-such-calendar' };
    const badCalendar = { ...weekdays, calendar: { ...weekdays.calendar, timeZone: 'Mars/Olympus' } };
    const r = sync.apply([badPolicy, { id: 'junk' }], [badCalendar]);
    await sync.idle();
    expect(r.invalid.map((p) => [p.table, p.id])).toEqual([
      ['calendars', 'china-2026-2027'],
      ['policies', 'business-hours-3-severity'],
      ['policies', 'junk'],
    ]);
    expect(r.invalid[0]?.message).toMatch(/Mars\/Olympus/);
    expect(r.invalid[1]?.message).toMatch(/no-such-calendar/);
    expect(getConfig().policies.get('business-hours-3-severity')?.calendarId).toBe('china-2026-2027');
    expect(useConfigSyncStatus.getState().invalid).toHaveLength(3);
    expect(await dueOf(d, 'SD-1')).toBe(CREATED + 120 * MIN);
  });

  it('a changed policy re-targets only its own tickets', async () => {
    const d = await seeded();
    const sync = createConfigSync(d);
    const faster = structuredClone(businessHours);
    const level = faster.severityLevels.find((l) => l.id === '2');
    if (!level) throw new Error('level 2 missing');
    level.targets.first_response = { unit: 'business_minutes', value: 60 };
    const r = sync.apply([faster], []);
    await sync.idle();
    expect([...r.affected]).toEqual(['business-hours-3-severity']);
    expect(await dueOf(d, 'SD-1')).toBe(CREATED + 60 * MIN);
  });

  it('a stored contract with a customer-site calendar re-keys the customer tickets to the hours of the site', async () => {
    const d = await seeded();
    const sync = createConfigSync(d);
    const rows = {
      products: [],
      customers: [{ id: 'cust-x', name: 'Lakeside Clinic', region: 'north-america', contractNumber: 'L-1', contractTier: 'business_hours', policyId: 'business-hours-3-severity', calendarId: 'us-federal-2026-2027', site: { address: '', timeZone: 'America/Chicago' } }],
      sites: [{ id: 'site-x', customerId: 'cust-x', name: 'Clinic', region: 'north-america', timeZone: 'America/Chicago', calendarId: 'us-federal-2026-2027' }],
      assets: [],
      contracts: [{ id: 'contract-x', number: 'L-1', customerId: 'cust-x', policyId: 'business-hours-3-severity', tier: 'business_hours', validFrom: '2026-01-01', validTo: '2026-12-31' }],
    };
    const r = sync.apply([], [], rows);
    await sync.idle();
    expect(r.invalid).toEqual([]);
    expect(r.affected.has('business-hours-3-severity')).toBe(true);
    // Logged Monday 19:00 Chicago time: the 120 minutes run Tuesday 09:00-11:00 Chicago (17:00 UTC).
    expect(await dueOf(d, 'SD-1')).toBe(Date.UTC(2026, 2, 3, 17, 0));
    const bad = sync.apply([], [], { ...rows, contracts: [{ ...rows.contracts[0], validTo: 'soon' }] });
    expect(bad.invalid.map((p) => [p.table, p.id])).toEqual([['contracts', 'contract-x']]);
  });

  it('applying at launch the configuration the deadlines were derived under writes no ticket (only changed ones are re-put)', async () => {
    const d = await seeded();
    const sync = createConfigSync(d);
    let ticketWrites = 0;
    const count = (parts: Record<string, unknown>) => void (ticketWrites += Object.keys(parts).some((k) => k.endsWith('/tickets/')) ? 1 : 0);
    Dexie.on('storagemutated', count);
    try {
      // The customer side arrives as at every launch (the first apply counts it as changed); nothing in it moves a deadline.
      const r = sync.apply([], [], { products: [], customers: [], sites: [], assets: [], contracts: [] });
      await sync.idle();
      expect(r.affected.size).toBeGreaterThan(0);
      expect(useConfigSyncStatus.getState().lastRecomputed?.tickets).toBe(0);
      expect(ticketWrites).toBe(0);
    } finally {
      Dexie.on('storagemutated').unsubscribe(count);
    }
  });
});

