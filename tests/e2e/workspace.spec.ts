import { test, expect } from '@playwright/test';
import { docScreenshot } from './support/doc-screenshot';

test('an engineer works a ticket offline from intake to note, in three languages, and finds it all after a reload', async ({ page, context }) => {
  await page.goto('/');
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  // After one online visit the web host's service worker serves the app shell offline.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await context.setOffline(true);

  // Intake, with a validation error first.
  await page.getByRole('button', { name: 'New ticket' }).click();
  await expect(page.getByRole('heading', { name: 'New ticket' })).toBeVisible();
  await page.getByLabel('Customer', { exact: true }).selectOption({ label: 'Balkan Telecom Services' });
  await page.getByLabel('Short description').fill('Core switch drops packets at night');
  await page.getByRole('button', { name: 'Create ticket' }).click();
  await expect(page.getByText('fields need attention')).toBeVisible();
  await expect(page.locator('[data-field=serviceId] .error')).toHaveText('Required by this customer’s policy.');
  await page.getByLabel('Contact person').fill('Pat Example');
  await page.getByLabel('Contact e-mail').fill('pat@balkan.example.org');
  await page.getByLabel('Service ID').fill('SVC-7788');
  await page.getByLabel('Problem started at').fill('2026-01-05T08:00');
  await page.getByLabel('Details').fill('Since the firmware update the core switch drops 5 % of packets between 01:00 and 03:00.');
  // A degradation: the impact class gives severity major.
  await page.getByLabel('Impact').selectOption('degradation');
  await expect(page.getByLabel('Severity')).toHaveValue('major');
  await page.getByLabel('Product line').selectOption('edge-routers');
  await page.getByLabel('Product', { exact: true }).selectOption('ER-9000 Chassis');
  await page.getByRole('button', { name: 'Create ticket' }).click();

  // The new ticket opens at once with an id minted on this device.
  await expect(page.getByRole('heading', { name: 'Core switch drops packets at night' })).toBeVisible();
  const id = (await page.locator('.ticket-id').textContent()) ?? '';
  expect(id).toMatch(/^SD-[A-Z0-9]{6}-0001$/);
  await page.screenshot({ path: docScreenshot('ticket.png') });

  // It is in My tickets.
  await page.getByRole('link', { name: /My tickets/ }).click();
  await page.getByRole('searchbox').fill('core switch');
  await expect(page.locator(`[data-ticket-id="${id}"]`)).toBeVisible();
  await page.locator(`[data-ticket-id="${id}"]`).click();

  // Severity change with the what-if preview.
  const before = await page.getByTestId('ticket-severity').textContent();
  await page.getByRole('button', { name: 'Change severity…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change severity' });
  await dialog.getByRole('combobox', { name: 'Severity', exact: true }).selectOption({ index: 0 });
  await expect(dialog.getByTestId('whatif').locator('tr.moved').first()).toBeVisible();
  // The preview names the priority before -> after; saving writes exactly the "after".
  const priorityBefore = (await page.getByTestId('ticket-priority').textContent()) ?? '';
  await expect(dialog.getByTestId('whatif-priority')).toHaveText(new RegExp(`^${priorityBefore} → \\S+$`));
  const previewed = ((await dialog.getByTestId('whatif-priority').textContent()) ?? '').split(' → ')[1] ?? '';
  await dialog.getByRole('button', { name: 'Save change' }).click();
  await expect(dialog.getByText('Say why the severity changes.')).toBeVisible();
  await dialog.getByLabel('Reason for the change').fill('Customer reports whole region affected');
  await page.screenshot({ path: docScreenshot('severity-editor.png') });
  await dialog.getByRole('button', { name: 'Save change' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('ticket-severity')).not.toHaveText(before ?? '');
  await expect(page.getByTestId('ticket-priority')).toHaveText(previewed);
  await expect(page.locator('.event-severity_changed')).toContainText('Customer reports whole region affected');

  // The first customer update from its template in the customer's language (Bulgarian), recorded on the ticket.
  await page.getByRole('button', { name: 'Write update' }).click();
  await expect(page.getByLabel('Subject')).toHaveValue(`[${id}] Заявката е приета: Core switch drops packets at night`);
  await page.getByRole('button', { name: 'Record customer updated' }).click();
  await expect(page.locator('.event-customer_update')).toHaveCount(1);
  await expect(page.getByText('1 update sent so far')).toBeVisible();

  // A note.
  await page.getByLabel('Note', { exact: true }).fill('Asked the customer for the switch logs.');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.locator('.event-note')).toContainText('Asked the customer for the switch logs.');

  // Languages.
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.getByRole('button', { name: '添加备注' })).toBeVisible();
  await page.getByLabel('语言').selectOption('bg');
  await expect(page.getByRole('button', { name: 'Добави бележка' })).toBeVisible();

  // Everything survives a reload, still offline.
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Core switch drops packets at night' })).toBeVisible();
  await expect(page.locator('.event-note')).toContainText('Asked the customer for the switch logs.');
  await expect(page.locator('.event-severity_changed')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'Добави бележка' })).toBeVisible();
});

test('a half-typed intake form is still there after leaving the screen', async ({ page }) => {
  await page.goto('/#/new');
  await page.getByLabel('Short description').fill('Printer on fire');
  await page.getByRole('link', { name: /My tickets/ }).click();
  await page.getByRole('button', { name: 'New ticket' }).click();
  await expect(page.getByLabel('Short description')).toHaveValue('Printer on fire');
});
