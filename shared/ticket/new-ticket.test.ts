// Named scenarios for the rules a new ticket meets: E-Down at intake follows the contract and the
// channel, and where severity follows the impact class an override needs a written reason. The
// same rules run through the sync mutation, which is what the server applies.
import { describe, expect, it } from 'vitest';
import { presetConfig } from '../config/preset-config';
import { zoneClock } from '../sla/calendar-zone';
import { prepareMutation } from '../sync/registry';
import type { EntityReader, MutationCtx } from '../sync/mutation-types';
import { createTicket } from './new-ticket';
import { changeSeverity } from '../severity/change';
import { ticketSchema, type EDownAnswers, type Ticket } from './schema';

/** The instant of a local wall time "YYYY-MM-DD HH:MM" in a zone. */
function localInstant(zone: string, text: string): number {
  const [date = '', time = ''] = text.split(' ');
  const [y = 0, m = 0, d = 0] = date.split('-').map(Number);
  const [hh = 0, mm = 0] = time.split(':').map(Number);
  return zoneClock(zone).wallToInstant(Math.round(Date.UTC(y, m - 1, d) / 86_400_000), hh * 60 + mm);
}

function ticketFor(customerId: string, policyId: string, over: Partial<Ticket> & { createdAt: number }): Ticket {
  const severity = over.severity ?? '2';
  return ticketSchema.parse({
    id: 'SD-INTAKE-0001', title: 'Production system down', channel: 'phone', customerId, productLine: 'data-vault', product: 'Vault DB 12',
    region: 'north-america', policyId, impact: 'service_affecting', urgency: 'high', priority: 'P1', status: 'received', updatedAt: over.createdAt,
    ...over, severity, sla: { severityHistory: [{ at: over.createdAt, severity }], pauses: [], customerUpdates: [] },
  });
}

const zone = 'America/Los_Angeles';
const at = localInstant(zone, '2026-03-03 10:00');
const ctx = { now: at, by: 'eng-alex', eventId: 'ev-1' };
const answers: EDownAnswers = { reason: 'users_cannot_reach_server', usersTotal: 400, usersAffected: 380, actionsTaken: 'Restarted both application servers', downSince: at - 3_600_000, technicalContact: 'Kim Example, +1 555 0100' };
const eDownTicket = (channel: Ticket['channel'], over: Partial<Ticket> = {}): Ticket =>
  ticketFor('cust-edown', 'enterprise-edown', { channel, severity: 'edown', createdAt: at, contractId: 'contract-c-1003', siteId: 'site-edown-main', eDown: answers, ...over });

/** Runs ticket.create the way the server does: only the rows the mutation asks for are readable. */
function serverCreate(ticket: Ticket, severityOverride?: { reason: string }) {
  const config = presetConfig();
  const tables: Record<string, Readonly<Record<string, unknown>>> = { policies: config.policies, customers: config.customers ?? {}, contracts: config.contracts ?? {}, sites: config.sites ?? {}, assets: config.assets ?? {} };
  const p = prepareMutation('ticket.create@1', { ticket, ...(severityOverride ? { severityOverride } : {}) });
  if (!p.ok) throw new Error(p.message);
  const loaded = new Set([...p.mutation.touches, ...p.mutation.alsoTouches(() => undefined)].map((r) => `${r.table}/${r.id}`));
  const read: EntityReader = (table, id) => {
    const data = loaded.has(`${table}/${id}`) ? tables[table]?.[id] : undefined;
    return data ? { data: data as Record<string, unknown>, fv: {} } : undefined;
  };
  const c: MutationCtx = { userId: 'eng-alex', role: 'agent', region: 'north-america', now: at, clientId: 'clientAAAA', mutationId: 1, baseVersions: {} };
  // The whole catalogue, as the server loads the tables the mutation reads whole.
  return p.mutation.run(read, c, (table) => (p.mutation.readsTables.includes(table) && table === 'products' ? Object.values(config.products) : []));
}

describe('E-Down at intake', () => {
  it('E-Down by phone is accepted for an eligible customer and refused through the portal', () => {
    const byPhone = createTicket(eDownTicket('phone'), undefined, presetConfig(), ctx);
    expect(byPhone.ok && byPhone.ticket.severity).toBe('edown');
    const viaPortal = createTicket(eDownTicket('portal'), undefined, presetConfig(), ctx);
    expect(viaPortal.ok).toBe(false);
    if (!viaPortal.ok) {
      expect(viaPortal.refusal).toMatchObject({ code: 'edown_at_intake', params: { problem: 'channel' } });
      expect(viaPortal.refusal.message).toMatch(/first logged through the portal/);
    }
  });

  it('the server decides the same from the rows the ticket names: phone applied, portal and e-mail refused with the reason', () => {
    expect(serverCreate(eDownTicket('phone')).outcome).toBe('applied');
    for (const channel of ['portal', 'email'] as const) {
      const r = serverCreate(eDownTicket(channel));
      expect(r.outcome).toBe('conflict');
      expect(r.refusal).toMatchObject({ code: 'edown_at_intake', params: { problem: 'channel' } });
      expect(r.writes).toEqual([]);
    }
  });

  it('refuses E-Down on a phone call for a customer whose contract does not include it', () => {
    const base = presetConfig();
    const contract = base.contracts?.['contract-c-1003'];
    if (!contract) throw new Error('example contract missing');
    const config = { ...base, contracts: { ...base.contracts, 'contract-c-1003': { ...contract, eDownEligible: false } } };
    const r = createTicket(eDownTicket('phone'), undefined, config, ctx);
    expect(!r.ok && r.refusal.params).toEqual({ problem: 'contract_excludes' });
  });

  it('refuses E-Down for a ticket that names no contract, and asks for the whole questionnaire', () => {
    const { contractId: _c, ...unnamed } = eDownTicket('phone');
    expect(serverCreate(unnamed as Ticket).refusal?.code).toBe('edown_at_intake');
    const { eDown: _e, ...unanswered } = eDownTicket('phone');
    const r = createTicket(unanswered as Ticket, undefined, presetConfig(), ctx);
    expect(!r.ok && r.refusal.code).toBe('edown_incomplete');
  });
});

describe('severity follows the impact class', () => {
  // "Засягащ услугата — повреда, засягаща услугата, означава всяка повреда ... засягащо базовата функция на услугата, като загуба на работа на услугата."
  const balkan = (severity: string, impact: Ticket['impact']) =>
    ticketFor('cust-balkan', 'network-impact-rfo', { severity, impact, createdAt: at, contractId: 'contract-c-3001', siteId: 'site-balkan-main', productLine: 'edge-routers', product: 'ER-4400' });

  it('a service-affecting fault ("loss of the service\'s basic function") is critical, a degradation ("high packet loss or excessive latency") major, a non-service-affecting one minor', () => {
    expect(createTicket(balkan('critical', 'service_affecting'), undefined, presetConfig(), ctx)).toMatchObject({ ok: true, ticket: { severity: 'critical' } });
    expect(createTicket(balkan('critical', 'degradation'), undefined, presetConfig(), ctx)).toMatchObject({ ok: true, ticket: { severity: 'major', sla: { severityHistory: [{ severity: 'major' }] } } });
    expect(createTicket(balkan('major', 'non_service_affecting'), undefined, presetConfig(), ctx)).toMatchObject({ ok: true, ticket: { severity: 'minor' } });
  });

  it('an override of the impact class keeps the chosen severity only with a written reason, recorded on the created event', () => {
    const r = serverCreate(balkan('critical', 'degradation'), { reason: 'Degradation hits the emergency-call trunk' });
    expect(r.outcome).toBe('applied');
    expect(r.writes[0]?.data).toMatchObject({ severity: 'critical' });
    expect(r.events[0]).toMatchObject({ kind: 'created', severityOverride: { derived: 'major', reason: 'Degradation hits the emergency-call trunk' } });
    // A policy that does not tie severity to impact records no override.
    const other = ticketFor('cust-edown', 'enterprise-edown', { severity: '1', impact: 'non_service_affecting', createdAt: at });
    expect(createTicket(other, { reason: 'x' }, presetConfig(), ctx)).toMatchObject({ ok: true, event: { kind: 'created' }, ticket: { severity: '1' } });
  });

  it('in the severity editor, a grading that overrides the impact class is marked on the timeline with its reason; one that follows it is not', () => {
    const policy = presetConfig().policies['network-impact-rfo'];
    const t = balkan('major', 'degradation');
    const over = changeSeverity(t, { severity: 'critical', reason: 'Emergency-call trunk affected' }, { policy }, ctx);
    expect(over.ok && over.event).toMatchObject({ impactClassGives: 'major', reason: 'Emergency-call trunk affected', to: { severity: 'critical' } });
    const follows = changeSeverity(t, { severity: 'critical', impact: 'service_affecting', reason: 'Service now down' }, { policy }, ctx);
    expect(follows.ok && follows.event && 'impactClassGives' in follows.event).toBe(false);
  });
});
