import { describe, expect, it } from 'vitest';
import { presetConfig } from '../config/preset-config';
import { escalationMatrixSchema } from '../escalation/schema';
import { ticketSchema } from '../ticket/schema';
import { escalationMatrixForTicket } from './escalation-matrix';

const preset = presetConfig();
const fallback = Object.values(preset.escalationMatrices);
// Two management levels after the engineer: the direct manager (M1), then the second level (M2).
const twoManagers = escalationMatrixSchema.parse({
  id: 'contract-m1-m2', policyId: 'default', name: 'M1 / M2',
  levels: [
    { id: 'm1', kind: 'fixed', ownerManager: 'direct', name: { en: 'M1: direct manager' } },
    { id: 'm2', kind: 'fixed', ownerManager: 'second_level', name: { en: 'M2: second-level manager' } },
  ],
});
const matrices = [...fallback, twoManagers];
const contractId = Object.values(preset.contracts).find((c) => c.customerId === 'cust-northwind')?.id ?? '';

function ticketOf(customerId: string, policyId: string) {
  const at = Date.UTC(2026, 5, 2, 9);
  return ticketSchema.parse({
    id: 'SD-M', title: 'Scanner offline', channel: 'phone', customerId, productLine: 'edge-routers', product: 'Edge 5', region: 'north-america', policyId, severity: '2',
    impact: 'degradation', urgency: 'medium', priority: 'P2', status: 'received', sla: { severityHistory: [{ at, severity: '2' }] }, createdAt: at, updatedAt: at,
  });
}

describe('the escalation matrix a ticket follows', () => {
  it('a customer whose contract names the M1/M2 matrix: the ticket follows that matrix', () => {
    const c = preset.contracts[contractId]!;
    const config = { ...preset, contracts: { ...preset.contracts, [contractId]: { ...c, escalationMatrixId: 'contract-m1-m2' } } };
    expect(escalationMatrixForTicket(matrices, ticketOf('cust-northwind', c.policyId), config)?.id).toBe('contract-m1-m2');
  });

  it('a contract that names no matrix: the policy’s (here the default) applies', () => {
    const c = preset.contracts[contractId]!;
    expect(escalationMatrixForTicket(matrices, ticketOf('cust-northwind', c.policyId), preset)?.id).toBe('default');
  });

  it('a contract naming a matrix that is not there (deleted, not yet synced): the ticket can still escalate by the policy’s', () => {
    const c = preset.contracts[contractId]!;
    const config = { ...preset, contracts: { ...preset.contracts, [contractId]: { ...c, escalationMatrixId: 'gone' } } };
    expect(escalationMatrixForTicket(matrices, ticketOf('cust-northwind', c.policyId), config)?.id).toBe('default');
  });

  it('a customer without a contract: the policy’s own matrix (business hours: product manager, regional lead, vice-president)', () => {
    expect(escalationMatrixForTicket(matrices, ticketOf('cust-kiwi', 'business-hours-3-severity'), preset)?.id).toBe('product-region-vp');
  });

  it('a policy an admin created, with no matrix of its own: the fallback matrix', () => {
    expect(escalationMatrixForTicket(matrices, ticketOf('cust-kiwi', 'admin-made'), { ...preset, policies: { ...preset.policies, 'admin-made': { ...preset.policies['business-hours-3-severity']!, id: 'admin-made' } } })?.id).toBe('default');
  });
});
