import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { presetConfig } from '../config/preset-config';
import { modelColumns, modelTables, tableOfHeader, type ModelTable } from './model-columns';
import { modelRowsToCsv, parseModelCsv, type KnownIds } from './model-io';
import { customerSchema } from '../directory/schema';
import { assetSchema, contractSchema, productSchema, siteSchema } from './schema';
import type { z } from 'zod';

const schemas: Record<ModelTable, z.ZodType<{ id: string }>> = { products: productSchema, customers: customerSchema, sites: siteSchema, assets: assetSchema, contracts: contractSchema };
import { parseModelCsvFiles, parseModelJson } from './model-import';

const preset = presetConfig();
const presetRows = (table: ModelTable) => Object.values(preset[table]) as { id: string }[];
const known: KnownIds = { policies: new Set(Object.keys(preset.policies)), calendars: new Set(Object.keys(preset.calendars)), escalationMatrices: new Set(Object.keys(preset.escalationMatrices)) };

// Text a spreadsheet user may type: quotes, commas, line breaks, formula starters, ";" and non-Latin script.
const cellText = fc.string({ unit: fc.constantFrom('a', 'Z', '7', ' ', ',', '"', ';', '\n', '=', '+', '-', '@', "'", '[', '客', 'ж'), minLength: 1, maxLength: 12 })
  .filter((s) => s.trim() === s && s !== '');
const id = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}$/);
const maybe = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });
const drop = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
const isoDay = fc.integer({ min: 0, max: 3000 }).map((d) => new Date(Date.UTC(2024, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));

const arbitraryRows: Record<ModelTable, fc.Arbitrary<unknown>> = {
  products: fc.record({ id, productLine: fc.constantFrom('edge-routers', 'core-switches'), productLineName: cellText, name: cellText, versions: fc.array(cellText, { maxLength: 3 }) }),
  customers: fc.record({
    id, name: cellText, region: cellText, contractNumber: fc.string({ maxLength: 6 }), contractTier: fc.constantFrom('7x24_hotline', 'business_hours', 'non_contract'),
    policyId: id, calendarId: id, language: fc.constantFrom('en', 'bg'), site: fc.record({ address: fc.string({ maxLength: 8 }), timeZone: fc.constantFrom('UTC', 'Europe/Sofia') }),
    emailDomains: maybe(fc.array(fc.constantFrom('a.example.com', 'b.example.com'), { maxLength: 2 })), contactName: maybe(cellText), contactEmail: maybe(cellText), contactPhone: maybe(cellText),
  }).map(drop),
  sites: fc.record({ id, customerId: id, name: cellText, address: fc.string({ maxLength: 8 }), region: cellText, timeZone: fc.constantFrom('America/Chicago', 'Asia/Shanghai'), calendarId: maybe(id), travelNotes: fc.string({ maxLength: 8 }) }).map(drop),
  assets: fc.record({ id, customerId: id, siteId: id, productId: id, version: fc.string({ maxLength: 5 }), serial: fc.string({ maxLength: 5 }) }),
  contracts: fc.record({
    id, number: cellText, customerId: id, policyId: id, tier: fc.constantFrom('7x24_hotline', 'business_hours'), validFrom: isoDay, validTo: fc.constant('2033-12-31'),
    siteIds: fc.array(id, { maxLength: 3 }), assetIds: fc.array(id, { maxLength: 2 }), language: fc.constantFrom('en', 'zh-CN', 'zh-TW', 'bg'), escalationMatrixId: maybe(id),
    eDownEligible: fc.boolean(), rfoEligible: fc.boolean(), onSite: fc.record({ included: fc.boolean() }),
    coverage: fc.array(fc.record({ channels: fc.constant(['phone']), severities: fc.array(id, { maxLength: 2 }), zone: fc.constantFrom('site', 'calendar'), targets: fc.constant({ first_response: { unit: 'elapsed_minutes', value: 240 } }), combine: fc.constantFrom('replace', 'earliest') }), { maxLength: 2 }),
    inspectionPlan: maybe(fc.record({ everyMonths: fc.integer({ min: 1, max: 12 }), firstDate: isoDay, startTime: fc.constant('09:30'), durationMinutes: fc.integer({ min: 15, max: 600 }) })),
    illustrative: fc.boolean(), note: fc.string({ maxLength: 10 }),
  }).map(drop),
};

describe('customer model CSV', () => {
  it.each(modelTables)('round trip: %s rows written to CSV read back identical (property)', (table) => {
    fc.assert(fc.property(fc.uniqueArray(arbitraryRows[table], { selector: (r) => (r as { id: string }).id, maxLength: 5 }), (raw) => {
      // Rows as the app stores them: checked by their schema (trimmed, defaults filled in).
      const stored = raw.map((r) => schemas[table].parse(r));
      const first = parseModelCsv(modelRowsToCsv(table, stored));
      if (!first.ok) throw new Error(JSON.stringify(first.problems));
      const again = parseModelCsv(modelRowsToCsv(table, first.rows));
      expect(again.ok && again.rows).toEqual(first.rows);
      expect(first.rows).toEqual(stored);
    }), { numRuns: 60 });
  });

  it('the shipped example model exports and imports back identical, all files together', () => {
    const files = modelTables.map((t) => ({ name: `${t}.csv`, text: modelRowsToCsv(t, presetRows(t)) }));
    const r = parseModelCsvFiles(files, known);
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    for (const t of modelTables) expect(r.model[t]).toEqual(presetRows(t));
  });

  it('each exported file is recognised by its header', () => {
    for (const t of modelTables) expect(tableOfHeader(modelColumns[t].map((c) => c.name))).toBe(t);
    expect(tableOfHeader(['colour', 'size'])).toBeUndefined();
  });

  it('a bad cell is named by row (as the spreadsheet numbers it) and column, and no row is returned', () => {
    const csv = 'id,customerId,name,region,timeZone\r\nsite-a,cust-a,Plant A,emea,Europe/Sofia\r\nsite-b,cust-a,Plant B,emea,Mars/Olympus\r\n';
    const r = parseModelCsv(csv, 'sites.csv');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.problems).toEqual([expect.objectContaining({ file: 'sites.csv', table: 'sites', row: 3, column: 'timeZone', id: 'site-b', code: 'schema' })]);
    expect(r.problems[0]?.message).toMatch(/time zone/);
  });

  it('a nested field is named by its column: a customer site zone, a contract on-site flag', () => {
    const cols = modelColumns.contracts.map((c) => c.name);
    const row = { id: 'k1', number: 'N-1', customerId: 'c', policyId: 'p', tier: 'business_hours', validFrom: '2026-01-01', validTo: '2025-01-01', onSite: 'maybe' } as Record<string, string>;
    const r = parseModelCsv(`${cols.join(',')}\n${cols.map((c) => row[c] ?? '').join(',')}\n`);
    expect(!r.ok && r.problems.map((p) => [p.row, p.column, p.code])).toEqual([[2, 'onSite', 'notBoolean']]);
    row['onSite'] = 'yes';
    const r2 = parseModelCsv(`${cols.join(',')}\n${cols.map((c) => row[c] ?? '').join(',')}\n`);
    expect(!r2.ok && r2.problems.map((p) => [p.row, p.column, p.message])).toEqual([[2, 'validTo', 'the contract ends before it starts']]);
  });

  it('a missing required column, an unknown column, a short row and a repeated id are refused in words', () => {
    const noZone = parseModelCsv('id,customerId,name,region,colour\nsite-a,cust-a,A,emea,red\n');
    expect(!noZone.ok && noZone.problems.map((p) => p.message)).toEqual(['column "timeZone" is missing', 'column "colour" is not one of this table\'s']);
    const short = parseModelCsv('id,customerId,name,region,timeZone\nsite-a,cust-a,A\n');
    expect(!short.ok && short.problems[0]).toMatchObject({ row: 2, code: 'cellCount' });
    const twice = parseModelCsv('id,customerId,name,region,timeZone\nsite-a,c,A,emea,UTC\nsite-a,c,B,emea,UTC\n');
    expect(!twice.ok && twice.problems[0]).toMatchObject({ row: 3, column: 'id', message: 'id "site-a" appears twice' });
  });

  it('references must point at a row of the files or of the app', () => {
    const customers = modelRowsToCsv('customers', [preset.customers[Object.keys(preset.customers)[0] ?? ''] as { id: string }].map((c) => ({ ...c, id: 'cust-new' })));
    const contracts = 'id,number,customerId,policyId,tier,validFrom,validTo,siteIds\r\nk1,N-1,cust-new,enterprise-edown,business_hours,2026-01-01,2027-12-31,\r\nk2,N-2,cust-gone,enterprise-edown,business_hours,2026-01-01,2027-12-31,site-x\r\n';
    const r = parseModelCsvFiles([{ name: 'customers.csv', text: customers }, { name: 'contracts.csv', text: contracts }], { ...known, sites: new Set() });
    expect(!r.ok && r.problems.map((p) => [p.file, p.row, p.column, p.message])).toEqual([
      ['contracts.csv', 3, 'customerId', 'no customers with id "cust-gone"'],
      ['contracts.csv', 3, 'siteIds', 'no sites with id "site-x"'],
    ]);
  });

  it('JSON sections: problems name the JSON path', () => {
    const c = presetRows('contracts')[0] as Record<string, unknown>;
    const r = parseModelJson({ contracts: [c, { ...c, id: 'k-2', validFrom: '2026-13-01' }, { ...c, id: 'k-3', policyId: 'nope' }] }, { ...known, customers: new Set(Object.keys(preset.customers)), sites: new Set(Object.keys(preset.sites)), assets: new Set(Object.keys(preset.assets)) });
    expect(!r.ok && r.problems.map((p) => [p.path, p.code])).toEqual([['contracts[1].validFrom', 'schema'], ['contracts[2].policyId', 'unknownRef']]);
  });
});
