import { describe, expect, it } from 'vitest';
import { directory, makeTicket, presetMatrix } from './fixtures.test-support';
import { escalationLevelNumber, escalationMatrixForPolicy, nextEscalationLevel, resolveEscalationRecipients } from './index';

const matrix = presetMatrix();
const level = (id: string): number => {
  const n = escalationLevelNumber(matrix, id);
  if (n === undefined) throw new Error(`preset has no level ${id}`);
  return n;
};

describe('resolveEscalationRecipients on the default preset', () => {
  it.each([
    ['content-platform', 'content-platform-escalation@example.com', ['nora.vance@example.com', 'tomas.reyes@example.com']],
    ['secure-gateway', 'gateway-escalation@example.com', ['priya.raman@example.com', 'jonas.berg@example.com']],
    ['Data Vault', 'data-vault-escalation@example.com', ['helen.kowalski@example.com', 'omar.haddad@example.com']],
    ['edge_routers', 'edge-routers-escalation@example.com', ['lena.fischer@example.com', 'marco.bianchi@example.com']],
  ])('routes product line %s to its mailbox with both product managers copied', (productLine, mailbox, people) => {
    const r = resolveEscalationRecipients(makeTicket({ productLine }), level('product-manager'), matrix, directory);
    expect(r).toEqual({ to: [mailbox], cc: people });
  });

  it.each([
    ['north-america', 'avery.collins@example.com'],
    ['latin-america', 'lucia.fernandez@example.com'],
    ['emea-anz', 'stefan.wolf@example.com'],
    ['apac-cjks', 'wen.zhao@example.com'],
  ])('routes region %s to its regional support lead', (region, lead) => {
    expect(resolveEscalationRecipients(makeTicket({ region }), level('regional-lead'), matrix, directory)).toEqual({ to: [lead], cc: [] });
  });

  it.each([
    ['content-operations', 'victor.lang@example.com'],
    ['secure-gateway', 'miriam.holt@example.com'],
    ['edge-routers', 'miriam.holt@example.com'],
  ])('routes product line %s to the vice-president of its area', (productLine, vp) => {
    expect(resolveEscalationRecipients(makeTicket({ productLine }), level('vice-president'), matrix, directory)).toEqual({ to: [vp], cc: [] });
  });

  it('reaches the owner\'s direct manager for M1 and the second-level manager plus the management mailbox for M2', () => {
    const ticket = makeTicket();
    expect(resolveEscalationRecipients(ticket, level('m1'), matrix, directory)).toEqual({ to: ['zhou@example.com'], cc: [] });
    expect(resolveEscalationRecipients(ticket, level('m2'), matrix, directory)).toEqual({ to: ['hart@example.com', 'support-management@example.com'], cc: [] });
  });

  it('says clearly why a ticket cannot be routed', () => {
    const unknownLine = resolveEscalationRecipients(makeTicket({ productLine: 'quantum-toaster' }), level('product-manager'), matrix, directory);
    expect(unknownLine.to).toEqual([]);
    expect(unknownLine.missing).toMatchObject({ reason: 'no_product_line_row', key: 'quantum-toaster' });
    expect(unknownLine.missing?.message).toContain('quantum-toaster');

    expect(resolveEscalationRecipients(makeTicket({ region: 'antarctica' }), level('regional-lead'), matrix, directory).missing?.reason).toBe('no_region_row');
    expect(resolveEscalationRecipients(makeTicket({ ownerId: undefined }), level('m1'), matrix, directory).missing?.reason).toBe('no_owner');
    expect(resolveEscalationRecipients(makeTicket({ ownerId: 'eng-solo' }), level('m1'), matrix, directory).missing?.reason).toBe('no_manager');
    expect(resolveEscalationRecipients(makeTicket({ ownerId: 'eng-gone' }), level('m1'), matrix, directory).missing?.reason).toBe('owner_not_in_directory');
    const m2 = resolveEscalationRecipients(makeTicket({ ownerId: 'eng-zhou' }), level('m2'), matrix, directory);
    expect(m2.missing?.reason).toBe('no_manager');
    expect(resolveEscalationRecipients(makeTicket(), 1, matrix, directory).missing?.reason).toBe('customer_step');
  });

  it('rejects a level the matrix does not have', () => {
    expect(() => resolveEscalationRecipients(makeTicket(), 99, matrix, directory)).toThrow(/no level 99/);
    expect(() => resolveEscalationRecipients(makeTicket(), 0, matrix, directory)).toThrow(RangeError);
  });
});

describe('nextEscalationLevel', () => {
  it('proposes the level after the current one and nothing past the top', () => {
    expect(nextEscalationLevel(makeTicket({ escalationLevel: 0 }), matrix)).toBe(1);
    expect(nextEscalationLevel(makeTicket({ escalationLevel: 3 }), matrix)).toBe(4);
    expect(nextEscalationLevel(makeTicket({ escalationLevel: matrix.levels.length }), matrix)).toBeUndefined();
  });
});

describe('escalationMatrixForPolicy', () => {
  it('prefers the policy\'s own matrix and falls back to the default one', () => {
    const own = { ...matrix, id: 'own', policyId: 'enterprise-edown' };
    expect(escalationMatrixForPolicy([matrix, own], 'enterprise-edown')?.id).toBe('own');
    expect(escalationMatrixForPolicy([matrix, own], 'impact-rfo')?.id).toBe('default');
    expect(escalationMatrixForPolicy([own], 'impact-rfo')).toBeUndefined();
  });
});
