import { test, expect } from '@playwright/test';

test('a search shows how many tickets match, not the queue total, and the total comes back when it is cleared', async ({ page }) => {
  await page.goto('/#/queue/all');
  const rows = page.getByTestId('queue-row');
  await expect(rows.first()).toBeVisible();
  const count = page.getByTestId('queue-count');
  await expect(count).toHaveText(/^\d+ tickets$/);
  const total = (await count.textContent()) ?? '';
  const id = (await rows.first().getAttribute('data-ticket-id')) ?? '';

  await page.getByRole('searchbox').fill(id);
  await expect(rows).toHaveCount(1);
  await expect(count).toHaveText('1 match');

  await page.getByRole('searchbox').fill('zzzz-no-such-word');
  await expect(page.getByText('No ticket matches your search.')).toBeVisible();
  await expect(count).toHaveText('0 matches');

  await page.getByRole('searchbox').fill('');
  await expect(count).toHaveText(total);
});
