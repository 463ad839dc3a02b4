import { describe, expect, it } from 'vitest';
import { matchesViewFilters, savedViewSchema } from './schema';

const row = { status: 'in_progress', severity: '2', productLine: 'data-vault', region: 'emea-anz', customerId: 'cust-fjord', ownerId: undefined, dueAt: 1_000 };

describe('saved views', () => {
  it('fills defaults so a view needs only a name, an owner and a time', () => {
    const v = savedViewSchema.parse({ id: 'v1', ownerId: 'eng-alex', name: 'Vault EMEA', updatedAt: 1 });
    expect(v.sort).toEqual({ field: 'dueAt', direction: 'asc' });
    expect(v.columns).toContain('clocks');
  });

  it('matches on every filter, with unassigned as an owner and breached by the nearest target', () => {
    const f = savedViewSchema.parse({ id: 'v', ownerId: 'u', name: 'n', updatedAt: 1 }).filters;
    expect(matchesViewFilters(row, f, 0)).toBe(true);
    expect(matchesViewFilters(row, { ...f, ownerIds: [''] }, 0)).toBe(true);
    expect(matchesViewFilters(row, { ...f, ownerIds: ['eng-alex'] }, 0)).toBe(false);
    expect(matchesViewFilters(row, { ...f, regions: ['emea-anz'], severities: ['1', '2'] }, 0)).toBe(true);
    expect(matchesViewFilters(row, { ...f, breachedOnly: true }, 500)).toBe(false);
    expect(matchesViewFilters(row, { ...f, breachedOnly: true }, 2_000)).toBe(true);
  });

  it('refuses a view without a name or columns', () => {
    expect(savedViewSchema.safeParse({ id: 'v', ownerId: 'u', name: ' ', updatedAt: 1 }).success).toBe(false);
    expect(savedViewSchema.safeParse({ id: 'v', ownerId: 'u', name: 'x', columns: [], updatedAt: 1 }).success).toBe(false);
  });
});
