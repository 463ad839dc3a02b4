import { test, expect } from '@playwright/test';
import { docScreenshot } from './support/doc-screenshot';

test('opens on my queue of demo tickets from the local store and keeps it across a reload', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'My tickets' })).toBeVisible();
  const rows = page.getByTestId('queue-row');
  await expect(rows.first()).toBeVisible();
  const count = await page.getByTestId('queue-count').textContent();
  expect(count).toMatch(/^\d+ tickets?$/);
  const firstId = await rows.first().getAttribute('data-ticket-id');
  expect(firstId).toMatch(/^SD-DEMO-\d{4}$/);

  await page.getByTestId('count-all').click();
  await expect(page.getByRole('heading', { name: 'All open' })).toBeVisible();
  await page.screenshot({ path: docScreenshot('queue.png') });

  await page.reload();
  await expect(page.getByRole('heading', { name: 'All open' })).toBeVisible();
  await page.getByRole('link', { name: /My tickets/ }).click();
  await expect(page.getByTestId('queue-count')).toHaveText(count ?? '');
  await expect(rows.first()).toHaveAttribute('data-ticket-id', firstId ?? '');
});

test('switches the language at runtime and remembers it', async ({ page }) => {
  await page.goto('/');
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(page.getByRole('heading', { name: '我的工单' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: '我的工单' })).toBeVisible();
  await page.getByLabel('语言').selectOption('bg');
  await expect(page.getByRole('heading', { name: 'Моите тикети' })).toBeVisible();
});

test('the command palette and the help overlay work from the keyboard', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  await page.keyboard.press('Control+k');
  await page.getByPlaceholder('Type a command…').fill('breached');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Breached' })).toBeVisible();
  await page.keyboard.press('g');
  await page.keyboard.press('a');
  await expect(page.getByRole('heading', { name: 'All open' })).toBeVisible();
  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});
