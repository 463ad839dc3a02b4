// Named scenarios: E-Down set later, through the severity editor on a case already logged, checks
// the customer's contract like intake does. The same rule runs on the device and on the server,
// which both load only the rows the ticket names.
import { describe, expect, it } from 'vitest';
import { presetConfig, type PresetConfig } from '../config/preset-config';
import { prepareMutation } from '../sync/registry';
import { noTables, type EntityReader, type MutationCtx } from '../sync/mutation-types';
import { ticketSchema, type EDownAnswers, type Ticket } from '../ticket/schema';
import { changeSeverity } from './change';

const at = Date.UTC(2026, 2, 3, 18, 0);
const answers: EDownAnswers = { reason: 'users_cannot_reach_server', usersTotal: 400, usersAffected: 380, actionsTaken: 'Restarted both application servers', downSince: at - 3_600_000, technicalContact: 'Kim Example, +1 555 0100' };
const change = { severity: 'edown', reason: 'Production stopped on the whole site', eDown: answers };
const ctx = { now: at + 3_600_000, by: 'eng-alex', eventId: 'ev-2' };

/** A case first logged through the portal at severity 1 by the E-Down customer, naming its contract. */
const logged: Ticket = ticketSchema.parse({
  id: 'SD-EDOWN-0001', title: 'Production system down', channel: 'portal', customerId: 'cust-edown', contractId: 'contract-c-1003', siteId: 'site-edown-main',
  productLine: 'data-vault', product: 'Vault DB 12', region: 'north-america', policyId: 'enterprise-edown', severity: '1', impact: 'service_affecting', urgency: 'high',
  priority: 'critical', status: 'in_progress', ownerId: 'eng-alex', createdAt: at, updatedAt: at, sla: { severityHistory: [{ at, severity: '1' }], pauses: [], customerUpdates: [] },
});

/** The example configuration with the E-Down customer's contract no longer including E-Down. */
function withoutEDown(): PresetConfig {
  const base = presetConfig();
  const c = base.contracts['contract-c-1003'];
  if (!c) throw new Error('example contract missing');
  return { ...base, contracts: { ...base.contracts, [c.id]: { ...c, eDownEligible: false } } };
}

/** Runs ticket.changeSeverity as the device and the server do: only the rows the mutation asks for are readable. */
function runChange(config: PresetConfig) {
  const tables: Record<string, Readonly<Record<string, unknown>>> = { tickets: { [logged.id]: logged }, policies: config.policies, customers: config.customers, contracts: config.contracts, sites: config.sites, assets: config.assets };
  const p = prepareMutation('ticket.changeSeverity@2', { ticketId: logged.id, impact: logged.impact, urgency: logged.urgency, ...change });
  if (!p.ok) throw new Error(p.message);
  const loaded = new Set(p.mutation.touches.map((r) => `${r.table}/${r.id}`));
  const read: EntityReader = (table, id) => {
    const data = loaded.has(`${table}/${id}`) ? tables[table]?.[id] : undefined;
    return data ? { data: data as Record<string, unknown>, fv: {} } : undefined;
  };
  for (const r of p.mutation.alsoTouches(read)) loaded.add(`${r.table}/${r.id}`);
  const c: MutationCtx = { userId: 'eng-alex', role: 'agent', region: 'north-america', now: ctx.now, clientId: 'clientAAAA', mutationId: 1, baseVersions: {} };
  return p.mutation.run(read, c, noTables);
}

describe('E-Down set later in the severity editor', () => {
  it('"在通过问题记录程序提出问题之后，您可以使用问题跟踪程序设置企业生产系统停机严重级别": a case logged through the portal is raised to E-Down afterwards when the contract includes it', () => {
    const config = presetConfig();
    const r = changeSeverity(logged, change, { policy: config.policies['enterprise-edown'], contracts: config }, ctx);
    expect(r.ok && r.ticket.severity).toBe('edown');
    expect(runChange(config).outcome).toBe('applied');
  });

  it('a customer whose contract does not include E-Down is refused with the reason, on the device and on the server alike, and nothing changes', () => {
    const config = withoutEDown();
    const device = changeSeverity(logged, change, { policy: config.policies['enterprise-edown'], contracts: config }, ctx);
    expect(device.ok).toBe(false);
    if (!device.ok) {
      expect(device.refusal).toMatchObject({ code: 'edown_not_eligible', params: { problem: 'contract_excludes', number: 'C-1003' } });
      expect(device.refusal.message).toContain('Contract C-1003 does not include E-Down.');
    }
    const server = runChange(config);
    expect(server.outcome).toBe('conflict');
    expect(server.refusal).toMatchObject({ code: 'edown_not_eligible', params: { problem: 'contract_excludes' } });
    expect(server.writes).toEqual([]);
  });

  it('a customer without a contract cannot have E-Down later either', () => {
    const base = presetConfig();
    const { contractId: _c, ...unnamed } = logged;
    const customer = base.customers['cust-edown'];
    if (!customer) throw new Error('example customer missing');
    const config = { ...base, contracts: {}, customers: { ...base.customers, [customer.id]: { ...customer, contractTier: 'non_contract' as const } } };
    const r = changeSeverity(unnamed as Ticket, change, { policy: base.policies['enterprise-edown'], contracts: config }, ctx);
    expect(!r.ok && r.refusal.params.problem).toBe('non_contract');
  });
});
