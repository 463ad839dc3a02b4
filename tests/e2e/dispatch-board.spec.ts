import { test, expect } from '@playwright/test';
import { expectQueuedFaultVisit, logJadeRouterFault } from './support/jade-ticket';

// Shanghai times, as the dispatcher sees them.
const MONDAY_0900 = Date.UTC(2026, 2, 9, 1, 0);
const TUESDAY_1000 = Date.UTC(2026, 2, 10, 2, 0);
const THURSDAY_1700 = Date.UTC(2026, 2, 12, 9, 0);
const NEXT_THURSDAY_1000 = Date.UTC(2026, 2, 19, 2, 0);

test.use({ timezoneId: 'Asia/Shanghai', locale: 'en-US', viewport: { width: 1280, height: 800 } });

test('the board opens on today\'s week with Monday to Sunday all visible at 1280 px, also after days with the app open', async ({ page }) => {
  await page.clock.setFixedTime(TUESDAY_1000);
  await page.goto('/#/dispatch');
  const heads = page.locator('.board-head [role="columnheader"]').filter({ hasNotText: 'Engineer' });
  await expect(heads).toHaveText(['Mon, Mar 9', 'Tue, Mar 10', 'Wed, Mar 11', 'Thu, Mar 12', 'Fri, Mar 13', 'Sat, Mar 14', 'Sun, Mar 15']);
  for (const head of await heads.all()) {
    const box = await head.boundingBox();
    expect(box).not.toBeNull();
    // Inside the window and not clipped by the board's scroll area.
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(1280);
    await expect(head).toBeInViewport({ ratio: 1 });
  }
  await expect(page.getByTestId('board-range')).toHaveText('Mar 9 – 15, 2026');

  // The dispatcher pages back a week, leaves the board, and comes back nine days later without restarting.
  await page.getByRole('button', { name: 'Previous' }).click();
  await expect(page.getByTestId('board-range')).toHaveText('Mar 2 – 8, 2026');
  await page.getByTestId('nav-visits').click();
  await page.clock.setFixedTime(NEXT_THURSDAY_1000);
  await page.getByTestId('nav-dispatch').click();
  await expect(page.getByTestId('board-range')).toHaveText('Mar 16 – 22, 2026');
});

test('Book proposes the engineer of the customer\'s region trained on its product line, with the reason, not the first alphabetically', async ({ page }) => {
  await page.clock.setFixedTime(MONDAY_0900);
  const { visitId } = await logJadeRouterFault(page);
  await page.clock.setFixedTime(TUESDAY_1000);
  await page.goto('/#/dispatch');
  await page.reload();
  const item = await expectQueuedFaultVisit(page, visitId, THURSDAY_1700);
  await item.getByRole('button', { name: 'Book…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Book visit' });
  // Ivan Petrov comes first alphabetically but works in Europe; Kai Chen works in Shanghai on edge routers.
  await expect(dialog.getByLabel('Engineer')).toHaveValue('eng-kai');
  const suggestion = dialog.getByTestId('engineer-suggestion');
  await expect(suggestion).toContainText('Suggested: Kai Chen');
  await expect(suggestion.getByTestId('suggestion-reason')).toContainText("free in this slot · trained on Edge routers · works in the customer's region (apac-cjks) · within working hours · based in the site's time zone");

  // Choosing someone else keeps the proposal one click away.
  await dialog.getByLabel('Engineer').selectOption('eng-ivan');
  await expect(dialog.locator('.finding[data-code="wrong_region"]')).toBeVisible();
  await suggestion.getByRole('button', { name: 'Use Kai Chen' }).click();
  await expect(dialog.getByLabel('Engineer')).toHaveValue('eng-kai');
  await expect(dialog.getByTestId('booking-findings')).toContainText('No clashes');
});

test('an installation visit requested on the board for a customer waits unscheduled under its contract and is booked like a fault visit', async ({ page }) => {
  await page.clock.setFixedTime(TUESDAY_1000);
  await page.goto('/#/dispatch');
  await page.getByRole('button', { name: 'Request installation or training…' }).click();
  const form = page.getByRole('form', { name: 'Request installation or training…' });
  await form.getByLabel('Visit type').selectOption({ label: 'Installation' });
  await form.getByLabel('Customer').selectOption({ label: 'Jade River Bank' });
  await expect(form.getByTestId('service-contract')).toHaveText('under contract C-4001');
  await form.getByRole('button', { name: 'Request visit' }).click();
  await expect(page.getByTestId('service-requested')).toHaveText('Installation visit requested for Jade River Bank; it waits on the dispatch board.');
  const item = page.locator('[data-testid="unscheduled-visit"]').filter({ has: page.getByTestId('visit-reason').getByText('Installation', { exact: true }) });
  await expect(item).toHaveCount(1);
  await item.getByRole('button', { name: 'Book…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Book visit' });
  await expect(dialog.getByLabel('Engineer')).toHaveValue('eng-kai');
  await dialog.getByLabel('Start', { exact: true }).fill('2026-03-12T10:00');
  await dialog.getByRole('button', { name: 'Book', exact: true }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('[data-engineer-id="eng-kai"] [data-testid="visit-block"]').filter({ hasText: 'Installation' })).toHaveCount(1);
});
