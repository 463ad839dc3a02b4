import { describe, expect, it } from 'vitest';
import { savedViewSchema, type ViewFilters } from '../../../../shared/views';
import { compareBySort, driverPart, pageStrategy, planViewFilters, SORT_IN_MEMORY_MAX } from './view-plan';

const NOW = 1_700_000_000_000;
const none: ViewFilters = savedViewSchema.parse({ id: 'v', ownerId: 'u', name: 'n', updatedAt: 1 }).filters;

describe('planViewFilters: the index each saved-view filter reads', () => {
  it('reads nothing for a view without filters', () => {
    expect(planViewFilters(none, NOW)).toEqual([]);
  });

  it('uses the [key+dueAt] compound of each filter the queues index, one range per value', () => {
    const parts = planViewFilters({ ...none, statuses: ['waiting_customer', 'received'], ownerIds: [''] }, NOW);
    expect(parts.map((p) => p.index)).toEqual(['[status+dueAt]', '[qOwner+dueAt]']);
    expect(parts[0]?.ranges).toEqual([
      { lower: ['received', -Infinity], upper: ['received', Infinity], upperOpen: false },
      { lower: ['waiting_customer', -Infinity], upper: ['waiting_customer', Infinity], upperOpen: false },
    ]);
    expect(parts[1]?.ranges).toEqual([{ lower: ['', -Infinity], upper: ['', Infinity], upperOpen: false }]);
  });

  it('folds "breached only" into the compound ranges (dueAt < now) instead of adding a filter', () => {
    const parts = planViewFilters({ ...none, regions: ['emea-anz'], breachedOnly: true }, NOW);
    expect(parts).toEqual([{ field: 'regions', index: '[region+dueAt]', ranges: [{ lower: ['emea-anz', -Infinity], upper: ['emea-anz', NOW], upperOpen: true }] }]);
  });

  it('reads severity on its own index, with "breached only" then on the dueAt index', () => {
    const parts = planViewFilters({ ...none, severities: ['1', '1'], breachedOnly: true }, NOW);
    expect(parts).toEqual([
      { field: 'severities', index: 'severity', ranges: [{ lower: '1', upper: '1', upperOpen: false }] },
      { field: 'breachedOnly', index: 'dueAt', ranges: [{ lower: -Infinity, upper: NOW, upperOpen: true }] },
    ]);
  });
});

describe('pageStrategy: how a page is read', () => {
  const byDue = { field: 'dueAt', direction: 'asc' } as const;
  const byUpdated = { field: 'updatedAt', direction: 'desc' } as const;
  it('walks one index when it already holds the rows in sort order', () => {
    expect(pageStrategy([], byUpdated, Infinity)).toEqual({ kind: 'index', index: 'updatedAt' });
    const one = planViewFilters({ ...none, customerIds: ['cust-a'] }, NOW);
    expect(pageStrategy(one, byDue, 50_000)).toEqual({ kind: 'index', index: '[customerId+dueAt]', range: one[0]?.ranges[0] });
    const breached = planViewFilters({ ...none, breachedOnly: true }, NOW);
    expect(pageStrategy(breached, byDue, 50_000).kind).toBe('index');
  });

  it('sorts in memory only when few tickets match, otherwise walks the sort index', () => {
    const two = planViewFilters({ ...none, statuses: ['received', 'acknowledged'] }, NOW);
    expect(pageStrategy(two, byDue, SORT_IN_MEMORY_MAX)).toEqual({ kind: 'memory' });
    expect(pageStrategy(two, byDue, SORT_IN_MEMORY_MAX + 1)).toEqual({ kind: 'walk' });
    const one = planViewFilters({ ...none, regions: ['emea-anz'] }, NOW);
    expect(pageStrategy(one, byUpdated, 40_000)).toEqual({ kind: 'walk' });
  });

  it('starts from the filter with the fewest tickets', () => {
    expect(driverPart([500, 20, 9000])).toBe(1);
    expect(driverPart([7])).toBe(0);
  });
});

describe('compareBySort: the order of the sort index', () => {
  it('orders by the field, then by id, both reversed when descending', () => {
    const rows = [
      { id: 'b', updatedAt: 2 },
      { id: 'a', updatedAt: 2 },
      { id: 'c', updatedAt: 1 },
    ];
    expect([...rows].sort(compareBySort({ field: 'updatedAt', direction: 'asc' })).map((r) => r.id)).toEqual(['c', 'a', 'b']);
    expect([...rows].sort(compareBySort({ field: 'updatedAt', direction: 'desc' })).map((r) => r.id)).toEqual(['b', 'a', 'c']);
  });
});
