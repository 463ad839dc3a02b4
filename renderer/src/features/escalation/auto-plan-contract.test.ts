// Automatic escalation follows the ticket's contract, as the ticket page and a hand escalation do:
// the contract's clocks decide when a target is breached, and the matrix the contract names decides
// who is told.
import { describe, expect, it } from 'vitest';
import { presetConfig } from '../../../../shared/config/preset-config';
import { demoEngineers } from '../../../../shared/demo';
import { escalationMatrixSchema } from '../../../../shared/escalation';
import { ticketClocks } from '../../../../shared/sla';
import { ticketSchema, type Ticket } from '../../../../shared/ticket';
import { planAutoEscalations } from './auto-plan';

const preset = presetConfig();
const policies = new Map(Object.entries(preset.policies));
const { products, customers, sites, assets, contracts } = preset;
const HOUR = 3_600_000;
const contract = Object.values(preset.contracts).find((c) => c.customerId === 'cust-northwind' && c.tier === '7x24_hotline');
// A matrix of two managers whose first step comes when the first response is late.
const contractMatrix = escalationMatrixSchema.parse({
  id: 'contract-m1-m2', policyId: 'contract-only', name: 'M1 / M2 (contract)',
  levels: [
    { id: 'm1', kind: 'fixed', ownerManager: 'direct', name: { en: 'M1 named in the contract' }, auto: [{ trigger: { kind: 'clock_breached', clock: 'first_response' } }] },
    { id: 'm2', kind: 'fixed', ownerManager: 'second_level', name: { en: 'M2 named in the contract' } },
  ],
});
const matrices = [...Object.values(preset.escalationMatrices), contractMatrix];

// A severity-3 phone call on Saturday 10:00 (New York) from a customer with a 7x24 hotline contract.
const raised = Date.UTC(2026, 5, 6, 14);
function hotlineCall(): Ticket {
  if (!contract) throw new Error('the preset has no 7x24 hotline contract for cust-northwind');
  return ticketSchema.parse({
    id: 'SD-HOT-1', title: 'Array offline', channel: 'phone', customerId: 'cust-northwind', contractId: contract.id, productLine: 'data-vault', product: 'Vault DB 12',
    region: 'north-america', policyId: contract.policyId, severity: '3', impact: 'degradation', urgency: 'medium', priority: 'P3', status: 'received', ownerId: demoEngineers[0]?.id,
    sla: { severityHistory: [{ at: raised, severity: '3' }] }, createdAt: raised, updatedAt: raised,
  });
}

describe('automatic escalation under a contract', () => {
  const now = raised + 5 * HOUR;
  const withContract = { contracts: { products, customers, sites, assets, contracts: { ...contracts, [contract!.id]: { ...contract!, escalationMatrixId: 'contract-m1-m2' } } } };

  it('the contract makes the first response late before the policy alone would (the case being tested)', () => {
    const firstResponse = (config: Parameters<typeof ticketClocks>[1]) => ticketClocks(hotlineCall(), config, now).clocks.find((c) => c.kind === 'first_response')?.state;
    expect(firstResponse({ policies, calendars: preset.calendars, ...withContract.contracts })).toBe('breached');
    expect(firstResponse({ policies, calendars: preset.calendars })).not.toBe('breached');
  });

  it('a first response breached under the contract escalates to the level of the matrix the contract names', () => {
    const plans = planAutoEscalations([hotlineCall()], new Map(), matrices, policies, preset.calendars, now, { engineers: demoEngineers, language: 'en', ...withContract });
    expect(plans.map((p) => [p.level, p.levelName, p.due.trigger.kind])).toEqual([[1, 'M1 named in the contract', 'clock_breached']]);
  });

  it('without the customers’ side of the configuration nothing is breached yet, so nothing escalates', () => {
    expect(planAutoEscalations([hotlineCall()], new Map(), matrices, policies, preset.calendars, now, { engineers: demoEngineers, language: 'en' })).toEqual([]);
  });
});
