import { test, expect } from '@playwright/test';

test('going back from a ticket finds the queue where it was: same rows in view, same scroll position', async ({ page }) => {
  await page.goto('/#/queue/all');
  const grid = page.getByRole('grid');
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  // Scroll down the list (rows are 36 px), then open a ticket from there.
  await grid.evaluate((el) => (el.scrollTop = 36 * 20));
  // The rendered rows start four above the first one in view (overscan): take one well inside the view.
  const row = page.locator('[data-testid="queue-row"]').nth(6);
  await expect(row).toBeInViewport();
  const id = (await row.getAttribute('data-ticket-id')) ?? '';
  await row.click();
  await expect(page).toHaveURL(new RegExp(`#/ticket/${id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();

  await page.goBack();
  await expect(page).toHaveURL(/#\/queue\/all$/);
  await expect(page.locator(`[data-testid="queue-row"][data-ticket-id="${id}"]`)).toBeInViewport();
  expect(await grid.evaluate((el) => el.scrollTop)).toBe(36 * 20);

  // Another queue starts at its top.
  await page.getByRole('link', { name: /^Breached/ }).click();
  await expect(page.getByRole('heading', { name: 'Breached' })).toBeVisible();
  await expect.poll(() => grid.evaluate((el) => el.scrollTop)).toBe(0);
});
