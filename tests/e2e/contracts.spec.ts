import { test, expect } from '@playwright/test';
import { presetConfig } from '../../shared/config/preset-config';
import { contractSchema, siteSchema } from '../../shared/contract';
import { ticketClocks } from '../../shared/sla';
import { storedTicket } from './support/stored';
import { logPhoneCall } from './support/phone-call';

test('an admin adds a contract with a customer-site calendar: the moved deadlines are listed first, and a new ticket shows its targets in the site time', async ({ page }) => {
  // First run seeds the demo store and the machine may be shared: allow more than the default minute.
  test.setTimeout(180_000);
  await page.goto('/');
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  await page.goto('/#/settings/identity');
  await page.getByLabel('Acting as').selectOption('eng-dana');
  await page.goto('/#/settings/contracts');

  // Kiwi Freight has no contract yet: add one whose site works to US federal hours, read in Auckland.
  await page.getByRole('button', { name: 'New contract' }).click();
  await page.getByLabel('Customer', { exact: true }).selectOption({ label: 'Kiwi Freight Ltd' });
  await page.getByLabel('Contract number').fill('K-100');
  await page.getByLabel('Policy').selectOption('business-hours-3-severity');
  await page.getByLabel('Valid from').fill('2026-01-01');
  await page.getByLabel('Valid to').fill('2027-12-31');
  await expect(page.getByLabel('Site time zone')).toHaveValue('Pacific/Auckland');
  await page.getByLabel('Site calendar (hours and holidays)').selectOption('us-federal-2026-2027');
  // Before saving, the editor lists the open deadlines of the customer that the contract moves.
  await expect(page.getByTestId('impact-summary')).toBeVisible();
  await expect(page.getByTestId('impact-row').first()).toBeVisible();
  await page.getByRole('button', { name: 'Save contract' }).click();
  await expect(page.getByText('Contract K-100 saved')).toBeVisible();
  await expect(page.getByTestId('contract-list').locator('[data-contract="K-100"]')).toContainText('Pacific/Auckland');

  // A phone call from Kiwi Freight, logged now.
  await logPhoneCall(page, {
    customer: 'Kiwi Freight Ltd',
    title: 'Tracking database refuses connections',
    contact: { name: 'Robin Example', email: 'robin@kiwi.example.org', phone: '+64 9 555 0100' },
    contractNumber: 'K-100',
    configuration: 'Two nodes',
  });

  const entitlement = page.getByTestId('entitlement');
  await expect(entitlement).toContainText('Contract K-100');
  await expect(entitlement).toContainText('Pacific/Auckland');

  // The first-response target as the contract decides it (2 working hours of US federal hours in Auckland), in the site's time.
  const id = ((await page.locator('.ticket-id').textContent()) ?? '').trim();
  const ticket = await storedTicket(page, id);
  const base = presetConfig();
  const site = siteSchema.parse({ ...base.sites['site-kiwi-main'], calendarId: 'us-federal-2026-2027' });
  const contract = contractSchema.parse({ id: 'k', number: 'K-100', customerId: 'cust-kiwi', policyId: 'business-hours-3-severity', tier: 'business_hours', validFrom: '2026-01-01', validTo: '2027-12-31', siteIds: [site.id] });
  const due = ticketClocks(ticket, { ...base, sites: { ...base.sites, [site.id]: site }, contracts: { ...base.contracts, k: contract } }, Date.now()).clocks.find((c) => c.kind === 'first_response')?.target;
  expect(due).toBeDefined();
  const siteTime = new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit', timeZone: 'Pacific/Auckland', timeZoneName: 'short' }).format(due);
  await expect(page.locator('[data-clock="first_response"]')).toContainText(siteTime);
});
