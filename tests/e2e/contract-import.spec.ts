import { test, expect } from '@playwright/test';
import { presetConfig } from '../../shared/config/preset-config';
import { parseModelCsvFiles } from '../../shared/contract';
import { ticketClocks } from '../../shared/sla';
import type { Ticket } from '../../shared/ticket';
import { storedRow } from './support/stored';
import { logPhoneCall } from './support/phone-call';

// An invented customer with one site in Chicago on US federal hours and a business-hours contract.
const customersCsv = 'id,name,region,contractNumber,contractTier,policyId,calendarId,siteAddress,siteTimeZone\r\ncust-harbour,Harbour Example Ltd,north-america,H-300,business_hours,business-hours-3-severity,us-federal-2026-2027,"1 Pier Rd, Chicago",America/Chicago\r\n';
const sitesCsv = 'id,customerId,name,region,timeZone,calendarId\r\nsite-harbour-main,cust-harbour,Pier office,north-america,America/Chicago,us-federal-2026-2027\r\n';
const contractsCsv = (validTo: string) => `id,number,customerId,policyId,tier,validFrom,validTo,siteIds,language\r\ncontract-h-300,H-300,cust-harbour,business-hours-3-severity,business_hours,2026-01-01,${validTo},site-harbour-main,en\r\n`;
const files = (validTo: string) => [
  { name: 'customers.csv', text: customersCsv },
  { name: 'sites.csv', text: sitesCsv },
  { name: 'contracts.csv', text: contractsCsv(validTo) },
];

test('an admin imports customers, sites and contracts from CSV: a bad cell is named by row and column and nothing is stored; fixed, the rows are imported and a ticket shows the contract targets', async ({ page }) => {
  // First run seeds the demo store and the machine may be shared: allow more than the default minute.
  test.setTimeout(180_000);
  await page.goto('/');
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  await page.goto('/#/settings/identity');
  await page.getByLabel('Acting as').selectOption('eng-dana');
  await page.goto('/#/settings/contracts');

  const input = page.getByTestId('model-import-input');
  const upload = (validTo: string) => input.setInputFiles(files(validTo).map((f) => ({ name: f.name, mimeType: 'text/csv', buffer: Buffer.from(f.text) })));

  // "2027-31-12" is not a date: the whole import is refused, naming the file, row and column.
  await upload('2027-31-12');
  const problems = page.getByTestId('model-import-problems');
  await expect(problems).toContainText('nothing was imported (1 problem)');
  await expect(problems).toContainText('contracts.csv, row 2, column validTo: Not a date');
  expect(await storedRow(page, 'customers', 'cust-harbour')).toBeUndefined();
  expect(await storedRow(page, 'sites', 'site-harbour-main')).toBeUndefined();
  await expect(page.getByTestId('contract-list').locator('[data-contract="H-300"]')).toHaveCount(0);

  // Fixed: the three rows are listed, then stored together.
  await upload('2027-12-31');
  await expect(page.getByText('3 items differ from the configuration in force')).toBeVisible();
  await page.getByRole('button', { name: 'Import 3 items' }).click();
  await expect(page.getByText('3 items imported.')).toBeVisible();
  await expect(page.getByTestId('contract-list').locator('[data-contract="H-300"]')).toContainText('America/Chicago');
  expect(await storedRow(page, 'contracts', 'contract-h-300')).toMatchObject({ number: 'H-300', customerId: 'cust-harbour' });

  // A phone call from the imported customer, logged now.
  await logPhoneCall(page, {
    customer: 'Harbour Example Ltd',
    title: 'Dock scanners cannot reach the server',
    contact: { name: 'Sam Example', email: 'sam@harbour.example.com', phone: '+1 312 555 0100' },
    contractNumber: 'H-300',
    configuration: 'One node',
  });

  const entitlement = page.getByTestId('entitlement');
  await expect(entitlement).toContainText('Contract H-300');
  await expect(entitlement).toContainText('America/Chicago');

  // The first-response target as the imported contract decides it, shown in the site's time.
  const id = ((await page.locator('.ticket-id').textContent()) ?? '').trim();
  const ticket = await storedRow<Ticket>(page, 'tickets', id);
  const base = presetConfig();
  const imported = parseModelCsvFiles(files('2027-12-31'), { policies: new Set(Object.keys(base.policies)), calendars: new Set(Object.keys(base.calendars)) });
  if (!imported.ok || !ticket) throw new Error('the fixed files must parse and the ticket must be stored');
  const byId = <T extends { id: string }>(rows: T[]) => Object.fromEntries(rows.map((r) => [r.id, r]));
  const config = { ...base, customers: { ...base.customers, ...byId(imported.model.customers) }, sites: { ...base.sites, ...byId(imported.model.sites) }, contracts: { ...base.contracts, ...byId(imported.model.contracts) } } as typeof base;
  const due = ticketClocks(ticket, config, Date.now()).clocks.find((c) => c.kind === 'first_response')?.target;
  expect(due).toBeDefined();
  const siteTime = new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit', timeZone: 'America/Chicago', timeZoneName: 'short' }).format(due);
  await expect(page.locator('[data-clock="first_response"]')).toContainText(siteTime);
});
