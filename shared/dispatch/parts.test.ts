import { describe, expect, it } from 'vitest';
import { createVisit } from './create-visit';
import { checkOutPart, PartsError, returnPart, usePart } from './parts';
import type { WarehousePart } from './parts';

const visit = createVisit({
  id: 'V-1', customerId: 'c1', kind: 'fault', reason: 'online_window_expired', status: 'confirmed', engineerId: 'e1',
  window: { start: 1_000_000, end: 2_000_000 }, site: { address: 'a', timeZone: 'UTC' }, createdAt: 0, updatedAt: 0,
});
const warehouse: WarehousePart[] = [{ partId: 'fan', name: 'Fan module', onHand: 3 }, { partId: 'psu', name: 'Power supply', onHand: 1 }];

describe('spare parts', () => {
  it('checking out moves stock from the warehouse to the visit', () => {
    const r = checkOutPart(visit, warehouse, { partId: 'fan', quantity: 2 });
    expect(r.warehouse.find((w) => w.partId === 'fan')?.onHand).toBe(1);
    expect(r.visit.parts).toEqual([{ partId: 'fan', name: 'Fan module', quantity: 2, state: 'checked_out' }]);
    expect(warehouse[0]?.onHand).toBe(3);
  });

  it('refuses to check out more than is on hand, so stock never goes negative', () => {
    expect(() => checkOutPart(visit, warehouse, { partId: 'psu', quantity: 2 })).toThrow('Only 1 x Power supply on hand; cannot check out 2.');
    expect(() => checkOutPart(visit, warehouse, { partId: 'disk', quantity: 1 })).toThrow(PartsError);
    expect(() => checkOutPart(visit, warehouse, { partId: 'fan', quantity: 0 })).toThrow(/above 0/);
  });

  it('using and returning keep the totals consistent with what was checked out', () => {
    const out = checkOutPart(visit, warehouse, { partId: 'fan', quantity: 3 });
    const used = usePart(out.visit, { partId: 'fan', quantity: 1 });
    const back = returnPart(used, out.warehouse, { partId: 'fan', quantity: 2 });
    expect(back.visit.parts).toEqual([
      { partId: 'fan', name: 'Fan module', quantity: 1, state: 'used' },
      { partId: 'fan', name: 'Fan module', quantity: 2, state: 'returned' },
    ]);
    expect(back.warehouse.find((w) => w.partId === 'fan')?.onHand).toBe(2);
    expect(() => returnPart(back.visit, back.warehouse, { partId: 'fan', quantity: 1 })).toThrow('Only 0 of part fan are checked out on visit V-1; cannot return 1.');
    expect(() => usePart(back.visit, { partId: 'fan', quantity: 1 })).toThrow(/cannot use 1/);
  });

  it('refuses any parts change after the visit is submitted', () => {
    expect(() => checkOutPart({ ...visit, submittedAt: 5 }, warehouse, { partId: 'fan', quantity: 1 })).toThrow(/submitted/);
  });
});
