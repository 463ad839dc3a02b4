import { test, expect } from '@playwright/test';

test('a saved view keeps its filters, sort and columns, and survives a reload', async ({ page }) => {
  await page.goto('/#/queue/all');
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  await page.getByRole('button', { name: 'Save as view…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Saved view' });
  await dialog.getByLabel('Name').fill('Routers, newest first');
  await dialog.getByLabel('Product lines').selectOption(['edge-routers']);
  await dialog.getByLabel('Sort by').selectOption('updatedAt');
  await dialog.getByLabel('Order').selectOption('desc');
  await dialog.getByLabel('Columns').selectOption(['id', 'title', 'product', 'updated']);
  await dialog.getByRole('button', { name: 'Save view' }).click();

  await expect(page.getByRole('heading', { name: 'Routers, newest first' })).toBeVisible();
  await expect(page.getByRole('columnheader')).toHaveText(['Ticket', 'Title', 'Product', 'Updated']);
  const rows = page.getByTestId('queue-row');
  await expect(rows.first()).toBeVisible();
  // Every row is an edge router, newest update first (checked against the store).
  const expected = await page.evaluate(async () => {
    const open = indexedDB.open('service-desk');
    const db = await new Promise<IDBDatabase>((res, rej) => ((open.onsuccess = () => res(open.result)), (open.onerror = () => rej(open.error))));
    const all = await new Promise<{ id: string; productLine: string; updatedAt: number }[]>((res) => {
      const r = db.transaction('tickets').objectStore('tickets').getAll();
      r.onsuccess = () => res(r.result as never);
    });
    return all.filter((t) => t.productLine === 'edge-routers').sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : -1)).map((t) => t.id);
  });
  await expect(page.getByTestId('queue-count')).toHaveText(`${expected.length} tickets`);
  const shown = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-ticket-id')));
  expect(shown.slice(0, 5)).toEqual(expected.slice(0, 5));

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Routers, newest first' })).toBeVisible();
  await expect(page.getByTestId('saved-views').getByRole('link', { name: 'Routers, newest first' })).toBeVisible();
});
