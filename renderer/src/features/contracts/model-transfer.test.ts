import { afterEach, describe, expect, it } from 'vitest';
import { modelRowsToCsv, parseModelCsvFiles, type KnownIds } from '../../../../shared/contract';
import { presetConfig } from '../../../../shared/config/preset-config';
import { openDb, setActor, type ServiceDeskDb } from '../../data';
import { importSteps, storeConfigAtomically } from '../admin';

// Imported customers and contracts go through the same synced change as an edit in Settings:
// stored together in one transaction and queued for the server, or not at all.
const preset = presetConfig();
const known: KnownIds = { policies: new Set(Object.keys(preset.policies)), calendars: new Set(Object.keys(preset.calendars)) };
const customer = { ...Object.values(preset.customers)[0], id: 'cust-imported', name: 'Imported Ltd' };
const customersCsv = modelRowsToCsv('customers', [customer as { id: string }]);
const sitesCsv = 'id,customerId,name,region,timeZone\r\nsite-imported,cust-imported,Plant,emea,Europe/Sofia\r\n';
const contractsCsv = (zone: string) => `id,number,customerId,policyId,tier,validFrom,validTo,siteIds\r\nk-imp,IMP-1,cust-imported,${Object.keys(preset.policies)[0]},business_hours,2026-01-01,${zone},site-imported\r\n`;

describe('customer model import on real Dexie', () => {
  let db: ServiceDeskDb | undefined;
  afterEach(async () => {
    await db?.delete();
    db = undefined;
  });

  it('stores customers, sites and contracts from three CSV files together and queues them to sync', async () => {
    db = openDb(`model-import-${Math.random()}`);
    await setActor(db, { userId: 'admin-ada', role: 'admin', region: 'emea-anz' });
    const r = parseModelCsvFiles([{ name: 'contracts.csv', text: contractsCsv('2027-12-31') }, { name: 'sites.csv', text: sitesCsv }, { name: 'customers.csv', text: customersCsv }], known);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const steps = importSteps(r.model, {});
    expect(steps.map((s) => s.table)).toEqual(['customers', 'sites', 'contracts']);
    expect(await storeConfigAtomically(db, steps)).toEqual({ ok: true, stored: 3 });
    expect(await db.contracts.get('k-imp')).toMatchObject({ number: 'IMP-1', customerId: 'cust-imported', siteIds: ['site-imported'] });
    expect(await db.customers.get('cust-imported')).toMatchObject({ name: 'Imported Ltd' });
    expect(await db.outbox.count()).toBe(3);
  });

  it('a bad row refuses the whole import before anything is written', async () => {
    db = openDb(`model-import-${Math.random()}`);
    const r = parseModelCsvFiles([{ name: 'customers.csv', text: customersCsv }, { name: 'contracts.csv', text: contractsCsv('2027-02-30') }], known);
    expect(!r.ok && r.problems.map((p) => [p.file, p.row, p.column])).toEqual([['contracts.csv', 2, 'validTo']]);
    expect(await db.customers.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });
});
