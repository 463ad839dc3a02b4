// Named scenarios: each proves one promise a contract (or its absence) makes, on the shipped
// presets and example customers, through the one public entry point ticketClocks.
import { describe, expect, it } from 'vitest';
import { presetConfig } from '../config/preset-config';
import { ticketClocks, type DeskConfig } from '../sla/ticket-clocks';
import { zoneClock } from '../sla/calendar-zone';
import { ticketSchema, type Ticket } from '../ticket/schema';
import { contractSchema, siteSchema, type ContractInput } from './schema';
import { eDownAtIntakeRefusal } from './e-down-intake';

/** The instant of a local wall time "YYYY-MM-DD HH:MM" in a zone. */
export function localInstant(zone: string, text: string): number {
  const [date = '', time = ''] = text.split(' ');
  const [y = 0, m = 0, d = 0] = date.split('-').map(Number);
  const [hh = 0, mm = 0] = time.split(':').map(Number);
  return zoneClock(zone).wallToInstant(Math.round(Date.UTC(y, m - 1, d) / 86_400_000), hh * 60 + mm);
}

/** Local wall time of an instant in a zone, "YYYY-MM-DD HH:MM". */
export function localText(zone: string, at: number | undefined): string {
  if (at === undefined) return 'none';
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-CA', { timeZone: zone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).formatToParts(at).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

export function ticketFor(customerId: string, policyId: string, over: Partial<Ticket> & { createdAt: number }): Ticket {
  const severity = over.severity ?? '2';
  return ticketSchema.parse({
    id: 'SD-CONTRACT-0001', title: 'Database server does not start', channel: 'phone', customerId, productLine: 'data-vault', product: 'Vault DB 12',
    region: 'north-america', policyId, impact: 'service_affecting', urgency: 'high', priority: 'high', status: 'received', updatedAt: over.createdAt,
    ...over, severity, sla: { severityHistory: [{ at: over.createdAt, severity }], pauses: [], customerUpdates: [] },
  });
}

const firstResponse = (t: Ticket, config: DeskConfig) => ticketClocks(t, config, t.createdAt).clocks.find((c) => c.kind === 'first_response');

/** The shipped configuration plus one extra customer, site and contract. */
function withCustomer(id: string, zone: string, calendarId: string | undefined, contract: Partial<ContractInput> | undefined, policyId: string): DeskConfig {
  const base = presetConfig();
  const site = siteSchema.parse({ id: `site-${id}`, customerId: id, name: 'Head office', region: 'apac-cjks', timeZone: zone, ...(calendarId ? { calendarId } : {}) });
  const c = contract ? contractSchema.parse({ id: `contract-${id}`, number: `N-${id}`, customerId: id, policyId, tier: 'business_hours', validFrom: '2026-01-01', validTo: '2027-12-31', ...contract }) : undefined;
  return {
    ...base,
    customers: { ...base.customers, [id]: { id, name: 'Test customer', region: 'apac-cjks', contractNumber: '', contractTier: contract ? 'business_hours' : 'non_contract', policyId, calendarId: 'always-open', language: 'en', site: { address: '', timeZone: zone } } },
    sites: { ...base.sites, [site.id]: site },
    contracts: c ? { ...base.contracts, [c.id]: c } : base.contracts,
  };
}

describe('a contract decides the clocks', () => {
  it('a Chicago customer on the Shanghai-hours policy gets its first response within Chicago business hours', () => {
    const config = presetConfig();
    const zone = 'America/Chicago';
    const morning = firstResponse(ticketFor('cust-lumen', 'business-hours-3-severity', { createdAt: localInstant(zone, '2026-03-03 10:00') }), config);
    expect(localText(zone, morning?.target)).toBe('2026-03-03 12:00');
    const late = firstResponse(ticketFor('cust-lumen', 'business-hours-3-severity', { createdAt: localInstant(zone, '2026-03-03 16:30') }), config);
    // 30 minutes left that day, the other 90 from 09:00 the next working day, Chicago time.
    expect(localText(zone, late?.target)).toBe('2026-03-04 10:30');
    const r = ticketClocks(ticketFor('cust-lumen', 'business-hours-3-severity', { createdAt: localInstant(zone, '2026-03-03 10:00') }), config, 0);
    expect(r.entitlement?.timeZone).toBe(zone);
    expect(r.entitlement?.contract?.number).toBe('C-1002');
  });

  it('a level-3 hotline call on Saturday 10:00 under a 7x24-hotline contract is due Saturday 14:00 (any request answered within 4 hours, around the clock)', () => {
    const zone = 'Asia/Shanghai';
    const t = ticketFor('cust-jade', 'onsite-4-level-7x24', { severity: '3', createdAt: localInstant(zone, '2026-03-07 10:00') });
    expect(localText(zone, firstResponse(t, presetConfig())?.target)).toBe('2026-03-07 14:00');
  });

  it('without the hotline tier the same level-3 Saturday call waits for 8 working hours (Monday afternoon)', () => {
    const zone = 'Asia/Shanghai';
    const config = withCustomer('cust-x', zone, 'china-2026-2027', {}, 'onsite-4-level-7x24');
    const t = ticketFor('cust-x', 'onsite-4-level-7x24', { severity: '3', createdAt: localInstant(zone, '2026-03-07 10:00') });
    expect(localText(zone, firstResponse(t, config)?.target)).toBe('2026-03-09 16:30');
  });

  it('under the hotline a level-1 e-mail is never due after a level-2 e-mail, and a weekday level-1 call keeps its 2 working hours', () => {
    const zone = 'Asia/Shanghai';
    const sat = localInstant(zone, '2026-03-07 10:00');
    const due = (severity: string, channel: Ticket['channel'], at: number) => firstResponse(ticketFor('cust-jade', 'onsite-4-level-7x24', { severity, channel, createdAt: at }), presetConfig())?.target ?? Infinity;
    expect(due('1', 'email', sat)).toBeLessThanOrEqual(due('2', 'email', sat));
    expect(localText(zone, due('1', 'phone', localInstant(zone, '2026-03-10 10:00')))).toBe('2026-03-10 12:00');
  });

  it('a severity-2 call on 1 October 2026 under the business-hours policy is due on the first working day after the National Day holidays', () => {
    const zone = 'Asia/Shanghai';
    const config = withCustomer('cust-sh', zone, undefined, {}, 'business-hours-3-severity');
    const t = ticketFor('cust-sh', 'business-hours-3-severity', { severity: '2', createdAt: localInstant(zone, '2026-10-01 10:00') });
    // 1-7 October are public holidays; 8 October is the first working day: 08:30 + 2 hours.
    expect(localText(zone, firstResponse(t, config)?.target)).toBe('2026-10-08 10:30');
  });

  it('a customer without a contract gets electronic support only, answered by the end of the next working day, and nothing else', () => {
    const zone = 'Pacific/Auckland';
    const t = ticketFor('cust-kiwi', 'business-hours-3-severity', { severity: '1', channel: 'email', createdAt: localInstant(zone, '2026-03-03 10:00') });
    const r = ticketClocks(t, presetConfig(), t.createdAt);
    expect(r.entitlement?.terms).toBe('non_contract');
    expect(r.entitlement?.channels).toEqual(['email', 'portal']);
    expect(r.clocks.map((c) => c.kind)).toEqual(['first_response']);
    expect(localText(zone, r.clocks[0]?.target)).toBe('2026-03-04 17:00');
  });

  it('an expired contract falls back to the non-contract terms and says why', () => {
    const zone = 'Asia/Shanghai';
    const config = withCustomer('cust-old', zone, 'china-2026-2027', { validFrom: '2025-01-01', validTo: '2025-12-31' }, 'business-hours-3-severity');
    const r = ticketClocks(ticketFor('cust-old', 'business-hours-3-severity', { createdAt: localInstant(zone, '2026-03-03 10:00') }), config, 0);
    expect(r.entitlement?.terms).toBe('non_contract');
    expect(r.entitlement?.reasons).toContainEqual(expect.objectContaining({ kind: 'contract_not_valid', validTo: '2025-12-31' }));
  });

  it('a contract without on-site service or RFO drops those clocks', () => {
    const zone = 'Asia/Shanghai';
    const config = withCustomer('cust-n', zone, 'china-2026-2027', { onSite: { included: false }, rfoEligible: false }, 'onsite-4-level-7x24');
    const t = ticketFor('cust-n', 'onsite-4-level-7x24', { severity: '1', createdAt: localInstant(zone, '2026-03-03 10:00') });
    const kinds = ticketClocks(t, config, t.createdAt).clocks.map((c) => c.kind);
    expect(kinds).not.toContain('on_site_arrival');
    expect(kinds).toContain('online_resolution');
  });
});

describe('E-Down at intake follows the contract and the channel', () => {
  const zone = 'America/Los_Angeles';
  const entitlementOf = (customerId: string, channel: Ticket['channel'], policyId = 'enterprise-edown') => {
    const r = ticketClocks(ticketFor(customerId, policyId, { channel, createdAt: localInstant(zone, '2026-03-03 10:00') }), presetConfig(), 0);
    if (!r.entitlement) throw new Error('no entitlement');
    return r.entitlement;
  };

  it('accepts E-Down set by the engineer on a phone call for a customer whose contract includes it', () => {
    expect(eDownAtIntakeRefusal(entitlementOf('cust-edown', 'phone'), 'phone')).toBeUndefined();
  });

  it('refuses E-Down through the portal or e-mail at creation, with the reason', () => {
    expect(eDownAtIntakeRefusal(entitlementOf('cust-edown', 'portal'), 'portal')).toMatch(/first logged through the portal/);
    expect(eDownAtIntakeRefusal(entitlementOf('cust-edown', 'email'), 'email')).toMatch(/through the email/);
  });

  it('refuses E-Down for a customer whose contract does not include it', () => {
    const config = withCustomer('cust-plain', zone, 'us-federal-2026-2027', { eDownEligible: false }, 'enterprise-edown');
    const r = ticketClocks(ticketFor('cust-plain', 'enterprise-edown', { channel: 'phone', createdAt: localInstant(zone, '2026-03-03 10:00') }), config, 0);
    expect(eDownAtIntakeRefusal(r.entitlement!, 'phone')).toMatch(/does not include E-Down/);
  });
});
