import { expect, type Page } from '@playwright/test';

// Logging a phone call from a customer whose contract a spec has just added or imported: the
// customer has no installed base, so everything intake would prefill from an asset is typed here
// and product line and product are picked from the catalogue.

export type PhoneCall = {
  customer: string;
  title: string;
  contact: { name: string; email: string; phone: string };
  contractNumber: string;
  configuration: string;
};

/** Fills the new-ticket form for a severity-2 Vault DB call and creates it; resolves when the ticket page shows it. */
export async function logPhoneCall(page: Page, call: PhoneCall): Promise<void> {
  await page.goto('/#/new');
  await page.getByLabel('Customer', { exact: true }).selectOption({ label: call.customer });
  await page.getByLabel('Received by').selectOption('phone');
  await page.getByLabel('Short description').fill(call.title);
  await page.getByLabel('Contact person').fill(call.contact.name);
  await page.getByLabel('Contact e-mail').fill(call.contact.email);
  await page.getByLabel('Contact phone').fill(call.contact.phone);
  await page.getByLabel('Company', { exact: true }).fill(call.customer);
  await page.getByLabel('Contract / customer no.').fill(call.contractNumber);
  await page.getByLabel('Version', { exact: true }).fill('2.0');
  await page.getByLabel('Patch level').fill('2.0.3');
  await page.getByLabel('Operating system and version').fill('Linux 6.1');
  await page.getByLabel('Configuration', { exact: true }).fill(call.configuration);
  await page.getByLabel('Database', { exact: true }).fill('Vault DB 12');
  await page.getByLabel('Severity', { exact: true }).selectOption('2');
  await page.getByLabel('Product line').selectOption('data-vault');
  await page.getByLabel('Product', { exact: true }).selectOption('Vault DB 12');
  await page.getByRole('button', { name: 'Create ticket' }).click();
  await expect(page.getByRole('heading', { name: call.title })).toBeVisible();
}
