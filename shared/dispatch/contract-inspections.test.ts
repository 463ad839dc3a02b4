import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inspectionSourcesOf, nextInspectionVisits, type PlannedContract } from './inspections';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const sites = [
  { id: 'site-a', customerId: 'cust-1', address: 'Example Avenue 88, Shanghai', region: 'apac', timeZone: 'Asia/Shanghai' },
  { id: 'site-b', customerId: 'cust-1', address: 'Example Road 2, Suzhou', region: 'apac', timeZone: 'Asia/Shanghai' },
  { id: 'site-x', customerId: 'cust-2', address: 'Elsewhere 1', region: 'emea', timeZone: 'Europe/Sofia' },
];
const assets = [{ id: 'asset-1', siteId: 'site-a', productId: 'er-4400' }];
const lineOf = (id: string) => (id === 'er-4400' ? 'edge-routers' : undefined);
const contract: PlannedContract = { id: 'contract-1', customerId: 'cust-1', validFrom: '2026-01-01', validTo: '2026-12-31', siteIds: [], assetIds: [], inspectionPlan: { everyMonths: 3, firstDate: '2026-01-12' } };

describe('inspections from a contract plan', () => {
  it('plans every site of the customer the contract covers, with its region, zone and the installed product line', () => {
    const sources = inspectionSourcesOf(contract, sites, assets, lineOf);
    expect(sources.map((s) => s.id)).toEqual(['contract-1-site-a', 'contract-1-site-b']);
    expect(sources[0]).toMatchObject({ contractId: 'contract-1', customerId: 'cust-1', intervalMonths: 3, region: 'apac', productLine: 'edge-routers', site: { timeZone: 'Asia/Shanghai' } });
    expect(sources[1]?.productLine).toBeUndefined();
  });
  it('only the listed sites when the contract names them; none without a plan', () => {
    expect(inspectionSourcesOf({ ...contract, siteIds: ['site-b'] }, sites, assets, lineOf).map((s) => s.id)).toEqual(['contract-1-site-b']);
    expect(inspectionSourcesOf({ ...contract, inspectionPlan: undefined }, sites, assets, lineOf)).toEqual([]);
  });
  it('generates the quarterly visits inside the validity dates only, each once, under the contract id', () => {
    const [source] = inspectionSourcesOf({ ...contract, siteIds: ['site-a'], validTo: '2026-08-31' }, sites, assets, lineOf);
    const visits = nextInspectionVisits(source!, [], Date.parse('2027-06-30T00:00:00Z'), { now: T0 });
    expect(visits.map((v) => v.dueDate)).toEqual(['2026-01-12', '2026-04-12', '2026-07-12']);
    expect(visits[0]).toMatchObject({ id: 'inspection-contract-1-site-a-2026-01-12', contractId: 'contract-1', kind: 'inspection', reason: 'periodic_inspection', region: 'apac', productLine: 'edge-routers', status: 'unscheduled' });
    expect(nextInspectionVisits(source!, visits, Date.parse('2027-06-30T00:00:00Z'), { now: T0 })).toEqual([]);
  });
  it('two sites of one contract each get their visit on the same due date', () => {
    const all = inspectionSourcesOf(contract, sites, assets, lineOf).flatMap((s) => nextInspectionVisits(s, [], Date.parse('2026-02-01T00:00:00Z'), { now: T0 }));
    expect(all.map((v) => v.id)).toEqual(['inspection-contract-1-site-a-2026-01-12', 'inspection-contract-1-site-b-2026-01-12']);
  });
  it('property: every generated due date lies within the validity dates and the horizon', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 24 }), fc.integer({ min: 0, max: 700 }), fc.integer({ min: 0, max: 900 }), (every, validDays, horizonDays) => {
        const to = new Date(T0 + validDays * 86_400_000).toISOString().slice(0, 10);
        const [source] = inspectionSourcesOf({ ...contract, siteIds: ['site-a'], validTo: to, inspectionPlan: { everyMonths: every, firstDate: '2026-01-31' } }, sites, assets, lineOf);
        const horizon = T0 + horizonDays * 86_400_000;
        for (const v of nextInspectionVisits(source!, [], horizon, { now: T0 })) {
          expect(v.dueDate! >= '2026-01-01' && v.dueDate! <= to).toBe(true);
          expect(v.dueDate! <= new Date(horizon + 8 * 3_600_000).toISOString().slice(0, 10)).toBe(true);
        }
      }),
    );
  });
});
