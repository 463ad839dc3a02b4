import { test, expect } from '@playwright/test';

test('opens on the demo queue from the local store and keeps it across a reload', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'All tickets' })).toBeVisible();
  const rows = page.getByTestId('queue-row');
  await expect(rows.first()).toBeVisible();
  await expect(page.getByTestId('queue-count')).toHaveText('60 tickets');
  const firstId = await rows.first().locator('span').first().textContent();
  expect(firstId).toMatch(/^SD-DEMO-\d{4}$/);
  await page.screenshot({ path: 'docs/screenshots/queue.png' });

  await page.reload();
  await expect(page.getByTestId('queue-count')).toHaveText('60 tickets');
  await expect(rows.first().locator('span').first()).toHaveText(firstId ?? '');
});

test('switches the language at runtime and remembers it', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.getByRole('heading', { name: '全部工单' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: '全部工单' })).toBeVisible();
  await page.getByLabel('语言').selectOption('bg');
  await expect(page.getByRole('heading', { name: 'Всички тикети' })).toBeVisible();
});
