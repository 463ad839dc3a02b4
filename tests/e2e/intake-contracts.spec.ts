import { test, expect, type Page } from '@playwright/test';
import { presetConfig } from '../../shared/config/preset-config';
import { ticketClocks } from '../../shared/sla';
import { storedTicket } from './support/stored';

async function openIntake(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  await page.goto('/#/new');
}

test('picking customer, site and installed product pre-fills the ticket, which shows its contract and its targets in the site time', async ({ page }) => {
  test.setTimeout(180_000);
  await openIntake(page);
  await page.getByLabel('Customer', { exact: true }).selectOption({ label: 'Jade River Bank' });
  // The customer's only site is picked, with the contract that covers it.
  await expect(page.getByLabel('Site', { exact: true })).toHaveValue('site-jade-main');
  await expect(page.getByLabel('Contract / customer no.')).toHaveValue('C-4001');
  await expect(page.getByLabel('Company', { exact: true })).toHaveValue('Jade River Bank');
  const terms = page.getByTestId('intake-terms');
  await expect(terms).toContainText('Contract C-4001');
  await expect(terms).toContainText('Asia/Shanghai');
  // The installed product brings its product line, product, version and serial from the catalogue.
  const asset = page.getByLabel('Installed product');
  await asset.selectOption({ index: 1 });
  const chosen = (await asset.locator('option:checked').textContent()) ?? '';
  const [productName = '', version = '', serial = ''] = chosen.split(' · ');
  await expect(page.getByLabel('Product', { exact: true })).toHaveValue(productName);
  await expect(page.getByLabel('Product line')).not.toHaveValue('');
  await expect(page.getByLabel('Version', { exact: true })).toHaveValue(version);
  await expect(page.getByLabel('Product serial')).toHaveValue(serial);
  // Product lines are the catalogue's: nothing can be typed in.
  expect(await page.getByLabel('Product line').evaluate((el) => el.tagName)).toBe('SELECT');

  await page.getByLabel('Contact person').fill('Pat Example');
  await page.getByLabel('Contact e-mail').fill('pat@jade.example.org');
  await page.getByLabel('Contact phone').fill('+86 21 5555 0100');
  await page.getByLabel('Short description').fill('Branch routers drop sessions');
  await page.getByLabel('Severity').selectOption('2');
  await expect(page.getByTestId('intake-first-response')).toContainText('First response due');
  await page.getByRole('button', { name: 'Create ticket' }).click();
  await expect(page.getByRole('heading', { name: 'Branch routers drop sessions' })).toBeVisible();

  const entitlement = page.getByTestId('entitlement');
  await expect(entitlement).toContainText('Contract C-4001');
  await expect(entitlement).toContainText('Asia/Shanghai');
  const id = ((await page.locator('.ticket-id').textContent()) ?? '').trim();
  const ticket = await storedTicket(page, id);
  expect(ticket).toMatchObject({ siteId: 'site-jade-main', contractId: 'contract-c-4001', product: productName, productVersion: version });
  const due = ticketClocks(ticket, presetConfig(), Date.now()).clocks.find((c) => c.kind === 'first_response')?.target;
  expect(due).toBeDefined();
  const siteTime = new Intl.DateTimeFormat('en', { hour: '2-digit', minute: '2-digit', timeZone: 'Asia/Shanghai', timeZoneName: 'short' }).format(due);
  await expect(page.locator('tr.clock-row[data-clock="first_response"]')).toContainText(siteTime);
});

test('a customer without a contract is flagged at intake and gives no contract number', async ({ page }) => {
  test.setTimeout(180_000);
  await openIntake(page);
  await page.getByLabel('Customer', { exact: true }).selectOption({ label: 'Kiwi Freight Ltd' });
  await expect(page.getByTestId('non-contract-flag')).toBeVisible();
  await expect(page.getByLabel('Contract / customer no.')).toHaveValue('');
  // Non-contract terms serve electronic requests only: a phone call is called out.
  await expect(page.getByTestId('channel-not-served')).toBeVisible();
  await page.getByLabel('Received by').selectOption('email');
  await expect(page.getByTestId('channel-not-served')).toHaveCount(0);
});

test('E-Down by phone is accepted for an eligible customer, and refused through the portal with the reason', async ({ page }) => {
  test.setTimeout(180_000);
  await openIntake(page);
  await page.getByLabel('Customer', { exact: true }).selectOption({ label: 'Orbit Retail Systems' });
  await page.getByLabel('Received by').selectOption('portal');
  await page.getByLabel('Short description').fill('Every store is down');
  await page.getByLabel('Contact person').fill('Robin Example');
  await page.getByLabel('Contact e-mail').fill('robin@orbit.example.com');
  await page.getByLabel('Product line').selectOption('data-vault');
  await page.getByLabel('Product', { exact: true }).selectOption('Vault DB 12');
  await page.getByLabel('Version', { exact: true }).fill('2.0');
  await page.getByLabel('Severity').selectOption('edown');
  await expect(page.getByTestId('edown-refused')).toContainText('first logged through Portal');
  await page.getByRole('button', { name: 'Create ticket' }).click();
  await expect(page).toHaveURL(/#\/new/);
  await expect(page.getByTestId('intake-edown')).toHaveCount(0);

  // The engineer on the phone with the customer sets it, with the questionnaire.
  await page.getByLabel('Received by').selectOption('phone');
  await expect(page.getByTestId('edown-refused')).toHaveCount(0);
  const q = page.getByTestId('intake-edown');
  await q.getByLabel('Why production is down').selectOption('users_cannot_reach_server');
  await q.getByLabel('Users of the system').fill('400');
  await q.getByLabel('Users affected').fill('380');
  await q.getByLabel('Down since').fill('2026-01-05T08:00');
  await q.getByLabel('Actions taken so far (and new contact details)').fill('Restarted both application servers.');
  await q.getByLabel('Technical contact for the whole incident').fill('Kim Example, +1 555 0100');
  await page.getByRole('button', { name: 'Create ticket' }).click();
  await expect(page.getByRole('heading', { name: 'Every store is down' })).toBeVisible();
  const id = ((await page.locator('.ticket-id').textContent()) ?? '').trim();
  expect(await storedTicket(page, id)).toMatchObject({ severity: 'edown', channel: 'phone', contractId: 'contract-c-1003', eDown: { usersAffected: 380 } });
});
