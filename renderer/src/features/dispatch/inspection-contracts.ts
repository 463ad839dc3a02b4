import type { InspectionContract } from '../../../../shared/dispatch';

/**
 * Demo service contracts with periodic inspections. The store has no contracts table yet, so the
 * board ships these for the demo customers (invented sites); replace with synced data when it exists.
 */
export const demoInspectionContracts: InspectionContract[] = [
  { id: 'insp-northwind', customerId: 'cust-northwind', intervalMonths: 3, firstDue: '2026-01-15', site: { address: '100 Harbor Way, Boston', timeZone: 'America/New_York' }, productLine: 'data-vault', region: 'north-america' },
  { id: 'insp-balkan', customerId: 'cust-balkan', intervalMonths: 6, firstDue: '2026-02-01', site: { address: 'bul. Vitosha 12, Sofia', timeZone: 'Europe/Sofia' }, productLine: 'edge-routers', region: 'emea-anz' },
  { id: 'insp-jade', customerId: 'cust-jade', intervalDays: 30, firstDue: '2026-01-05', site: { address: 'Century Avenue 88, Shanghai', timeZone: 'Asia/Shanghai' }, productLine: 'edge-routers', region: 'apac-cjks' },
];

/** How far ahead inspections are generated: the next 60 days. */
export const inspectionHorizonMs = 60 * 86_400_000;
