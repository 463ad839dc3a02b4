import { afterEach, describe, expect, it } from 'vitest';
import { ticketSchema, type Ticket } from '../../../../shared/ticket';
import { openDb, type ServiceDeskDb } from '../../data';
import { buildConfig } from '../../config/config-store';
import { presetCalendars, presetPolicies } from '../../config/presets';
import { installQueueKeys } from '../../data';
import { computeDeadlineImpact } from './deadline-impact';
import { previewDeadlines } from './policy-preview';
import { presetConfig } from '../../../../shared/config/preset-config';
import { contractSchema, siteSchema } from '../../../../shared/contract';
import { customerSchema } from '../../../../shared/directory';

const MIN = 60_000;
/** Tuesday 3 March 2026, 09:00 in Shanghai. */
const CREATED = Date.UTC(2026, 2, 3, 1, 0);
const NOW = CREATED + 30 * MIN;
const config = buildConfig(presetPolicies, presetCalendars, 1);
// The business-hours policy runs on the China calendar (its hours exclude public holidays).
const weekdays = config.calendars['china-2026-2027'];
if (!weekdays) throw new Error('preset china-2026-2027 missing');

function ticket(id: string, policyId: string, severity: string, status: Ticket['status'] = 'received'): Ticket {
  return ticketSchema.parse({
    id, title: 'Printer queue stuck', channel: 'phone', customerId: 'cust-x', productLine: 'data-vault', product: 'Vault 3', region: 'apac-cjks',
    policyId, severity, impact: 'degradation', urgency: 'medium', priority: 'normal', status,
    sla: { severityHistory: [{ at: CREATED, severity }] }, createdAt: CREATED, updatedAt: CREATED,
  });
}

describe('computeDeadlineImpact (open tickets of the policies using the calendar, on real Dexie)', () => {
  let db: ServiceDeskDb | undefined;
  afterEach(async () => {
    await db?.delete();
    db = undefined;
  });

  it('lists the moved deadlines of open tickets on the calendar, in chunks; other calendars, closed tickets and 24x7 levels are not listed', async () => {
    const d = openDb(`impact-${Math.random()}`);
    db = d;
    installQueueKeys(d, () => config, () => NOW);
    await d.tickets.bulkPut([
      ticket('SD-1', 'business-hours-3-severity', '2'),
      ticket('SD-2', 'business-hours-3-severity', '1'), // severity 1 runs on always-open
      ticket('SD-3', 'business-hours-3-severity', '3', 'closed'),
      ticket('SD-4', 'enterprise-edown', '2'),
      ...Array.from({ length: 7 }, (_, i) => ticket(`SD-B${i}`, 'business-hours-3-severity', '3')),
    ]);
    let pauses = 0;
    const after = { ...weekdays, overrides: { ...weekdays.overrides, '2026-03-03': [] } };
    const r = await computeDeadlineImpact(
      d,
      { calendarId: 'china-2026-2027', before: weekdays, after, config, now: NOW },
      { chunkSize: 3, pause: async () => void pauses++ },
    );
    if (!r) throw new Error('cancelled');
    expect(r.tickets).toBe(9); // the open tickets of the one policy that uses the calendar
    expect(pauses).toBe(2);
    expect(r.failed).toEqual([]);
    expect(r.moves.map((m) => m.ticketId).sort()).toEqual(['SD-1', ...Array.from({ length: 7 }, (_, i) => `SD-B${i}`)].sort());
    const m = r.moves.find((x) => x.ticketId === 'SD-1');
    expect(m).toMatchObject({ clock: 'first_response', oldTarget: CREATED + 120 * MIN, newTarget: Date.UTC(2026, 2, 4, 2, 30) });
    expect(m?.deltaMinutes).toBe((Date.UTC(2026, 2, 4, 2, 30) - (CREATED + 120 * MIN)) / MIN);
  });

  it('lists the deadlines of a customer whose site works to the calendar through its contract, although its policy uses another calendar', async () => {
    const d = openDb(`impact-${Math.random()}`);
    db = d;
    const preset = presetConfig();
    const customer = customerSchema.parse({ ...preset.customers['cust-kiwi'], id: 'cust-x', contractTier: 'business_hours', contractNumber: 'X-1' });
    const site = siteSchema.parse({ id: 'site-x', customerId: 'cust-x', name: 'Depot', region: 'north-america', timeZone: 'America/Chicago', calendarId: 'us-federal-2026-2027' });
    const contract = contractSchema.parse({ id: 'contract-x', number: 'X-1', customerId: 'cust-x', policyId: 'business-hours-3-severity', tier: 'business_hours', validFrom: '2026-01-01', validTo: '2027-12-31', siteIds: ['site-x'] });
    const withContract = buildConfig(presetPolicies, presetCalendars, 1, { products: [], customers: [customer], sites: [site], assets: [], contracts: [contract] });
    installQueueKeys(d, () => withContract, () => NOW);
    await d.tickets.bulkPut([ticket('SD-X', 'business-hours-3-severity', '2')]);
    const us = withContract.calendars['us-federal-2026-2027'];
    if (!us) throw new Error('preset us-federal-2026-2027 missing');
    // Tuesday 3 March becomes a day off at the site (Chicago): the Tuesday deadline moves to Wednesday.
    const r = await computeDeadlineImpact(d, { calendarId: 'us-federal-2026-2027', before: us, after: { ...us, overrides: { ...us.overrides, '2026-03-03': [] } }, config: withContract, now: NOW });
    expect(r?.tickets).toBe(1);
    const move = r?.moves.find((m) => m.ticketId === 'SD-X' && m.clock === 'first_response');
    expect(move).toBeDefined();
    expect(move!.newTarget - move!.oldTarget).toBeGreaterThanOrEqual(20 * 60 * MIN);
    // Without the contract the same ticket follows its policy's China calendar and is not listed.
    const none = await computeDeadlineImpact(d, { calendarId: 'us-federal-2026-2027', before: us, after: { ...us, overrides: { ...us.overrides, '2026-03-03': [] } }, config, now: NOW });
    expect(none?.moves.filter((m) => m.ticketId === 'SD-X')).toEqual([]);
  });

  it('stops when cancelled (a newer draft replaced this one)', async () => {
    const d = openDb(`impact-${Math.random()}`);
    db = d;
    installQueueKeys(d, () => config, () => NOW);
    await d.tickets.bulkPut(Array.from({ length: 5 }, (_, i) => ticket(`SD-C${i}`, 'business-hours-3-severity', '3')));
    let calls = 0;
    const r = await computeDeadlineImpact(
      d,
      { calendarId: 'china-2026-2027', before: weekdays, after: { ...weekdays, overrides: { ...weekdays.overrides, '2026-03-03': [] } }, config, now: NOW },
      { chunkSize: 2, cancelled: () => ++calls > 1 },
    );
    expect(r).toBeUndefined();
  });
});

describe('previewDeadlines (policy editor preview)', () => {
  it('gives a sample ticket the deadlines of the draft policy, by severity and channel', () => {
    const policy = config.policies.get('business-hours-3-severity');
    if (!policy) throw new Error('policy missing');
    const phone = previewDeadlines(policy, { severity: '2', createdAt: CREATED, channel: 'phone' }, config.calendars);
    expect(phone.ok && phone.clocks.find((c) => c.kind === 'first_response')?.target).toBe(CREATED + 120 * MIN);
    // By e-mail the answer is due the next working day.
    const mail = previewDeadlines(policy, { severity: '2', createdAt: CREATED, channel: 'email' }, config.calendars);
    expect(mail.ok && mail.clocks.find((c) => c.kind === 'first_response')?.unit).toBe('working_days');
    expect(previewDeadlines(policy, { severity: '9', createdAt: CREATED, channel: 'phone' }, config.calendars)).toEqual({ ok: false, message: 'no severity level "9"' });
  });
});
