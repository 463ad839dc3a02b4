import { test, expect, type Page } from '@playwright/test';
import type { Product } from '../../shared/contract';
import { storedRows } from './support/stored';

const lineOptions = async (page: Page) => {
  await page.goto('/#/new');
  const select = page.getByLabel('Product line');
  await expect(select).toBeVisible();
  return select.locator('option').allTextContents();
};

test('an admin adds a product line, intake offers it; retired, intake no longer does; a line in use cannot be deleted', async ({ page }) => {
  // First run seeds the demo store and the machine may be shared: allow more than the default minute.
  test.setTimeout(180_000);
  await page.goto('/');
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  await page.goto('/#/settings/identity');
  await page.getByLabel('Acting as').selectOption('eng-dana');
  await page.goto('/#/settings/catalogue');
  await expect(page.getByRole('heading', { name: 'Product catalogue' })).toBeVisible();
  const before = await storedRows<Product>(page, 'products');

  // Empty names and a name another line already has: said in words, nothing is stored.
  await page.getByRole('button', { name: 'New product line' }).click();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('catalogue-error-lineName').first()).toHaveText('Enter a name.');
  await expect(page.getByTestId('catalogue-error-productName').first()).toHaveText('Enter a name.');
  await page.getByLabel('Product line name').fill('edge routers');
  await page.getByLabel('Product line id').fill('branch-routers');
  await page.getByLabel('Product name').fill('BR-10');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('catalogue-error-lineName')).toHaveText('Another product line is already named edge routers.');
  expect(await storedRows<Product>(page, 'products')).toEqual(before);

  // Fixed: the id follows the name until typed; here it was typed, so it is kept.
  await page.getByLabel('Product line name').fill('Core switches');
  await page.getByLabel('Product line id').fill('core-switches');
  await page.getByLabel('Product name').fill('CS-100');
  await expect(page.getByLabel('Product id')).toHaveValue('cs-100');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('catalogue-message')).toHaveText('Core switches added.');
  const line = page.locator('tbody[data-line="core-switches"]');
  await expect(line).toContainText('CS-100');
  expect((await storedRows<Product>(page, 'products')).find((p) => p.id === 'cs-100')).toMatchObject({ productLine: 'core-switches', productLineName: 'Core switches', name: 'CS-100', retired: false });
  // Stored as a synced change, like every other configuration edit.
  const outbox = await storedRows<{ name: string; args: { table: string } }>(page, 'outbox');
  expect(outbox.some((e) => e.name === 'config.put@1' && e.args.table === 'products')).toBe(true);

  expect(await lineOptions(page)).toContain('Core switches');
  await page.getByLabel('Product line').selectOption({ label: 'Core switches' });
  await expect(page.getByLabel('Product', { exact: true }).locator('option')).toContainText(['CS-100']);

  // Retired: kept in the catalogue (and on whatever names it), no longer offered at intake.
  await page.goto('/#/settings/catalogue');
  await line.getByRole('button', { name: 'Retire' }).first().click();
  await expect(page.getByTestId('catalogue-message')).toHaveText('Core switches retired: no longer offered at intake.');
  await expect(line.getByTestId('retired').first()).toBeVisible();
  expect((await storedRows<Product>(page, 'products')).find((p) => p.id === 'cs-100')).toMatchObject({ retired: true });
  expect(await lineOptions(page)).not.toContain('Core switches');

  // The demo tickets name edge routers: that line cannot be deleted, and the reason says where it is used.
  await page.goto('/#/settings/catalogue');
  await page.locator('tbody[data-line="edge-routers"]').getByRole('button', { name: 'Delete' }).first().click();
  await expect(page.getByTestId('catalogue-message')).toContainText(/Cannot delete: still used by \d+ ticket\(s\) \(SD-/);
  await expect(page.getByTestId('catalogue-message')).toContainText('Retire it instead');
  expect((await storedRows<Product>(page, 'products')).filter((p) => p.productLine === 'edge-routers').length).toBeGreaterThan(0);
});
