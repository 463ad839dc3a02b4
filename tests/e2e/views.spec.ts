import { test, expect, type Page } from '@playwright/test';

/** Reads a whole object store of the app's IndexedDB (test-side check against the store). */
function readStore<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(async (store) => {
    const open = indexedDB.open('service-desk');
    const db = await new Promise<IDBDatabase>((res, rej) => ((open.onsuccess = () => res(open.result)), (open.onerror = () => rej(open.error))));
    const rows = await new Promise<unknown[]>((res) => {
      const r = db.transaction(store).objectStore(store).getAll();
      r.onsuccess = () => res(r.result);
    });
    db.close();
    return rows;
  }, store) as Promise<T[]>;
}

test('a saved view keeps its filters, sort and columns, is synced per user, and survives a reload', async ({ page }) => {
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
  const all = await readStore<{ id: string; productLine: string; updatedAt: number }>(page, 'tickets');
  const expected = all.filter((t) => t.productLine === 'edge-routers').sort((a, b) => b.updatedAt - a.updatedAt || (a.id < b.id ? 1 : -1)).map((t) => t.id);
  await expect(page.getByTestId('queue-count')).toHaveText(`${expected.length} tickets`);
  const shown = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-ticket-id')));
  expect(shown.slice(0, 5)).toEqual(expected.slice(0, 5));
  const link = page.getByTestId('saved-views').getByRole('link', { name: /Routers, newest first/ });
  await expect(link).toContainText(String(expected.length));

  // Stored in the user's synced views and queued for the sync server as view.put@1.
  const views = await readStore<{ id: string; ownerId: string; name: string }>(page, 'savedViews');
  expect(views.map((v) => [v.ownerId, v.name])).toEqual([['eng-alex', 'Routers, newest first']]);
  expect((await readStore<{ name: string }>(page, 'outbox')).map((e) => e.name)).toContain('view.put@1');

  await page.reload();
  await expect(page.getByRole('heading', { name: 'Routers, newest first' })).toBeVisible();
  await expect(link).toBeVisible();
  await expect(page.getByTestId('queue-count')).toHaveText(`${expected.length} tickets`);
  expect(await rows.first().getAttribute('data-ticket-id')).toBe(expected[0]);

  // Deleting it removes it everywhere, also after a reload.
  await page.getByRole('button', { name: 'Edit view…' }).click();
  await page.getByRole('dialog', { name: 'Saved view' }).getByRole('button', { name: 'Delete view' }).click();
  await expect(link).toHaveCount(0);
  expect((await readStore<{ name: string }>(page, 'outbox')).map((e) => e.name)).toContain('view.delete@1');
  await page.reload();
  await expect(page.getByRole('heading', { name: 'My tickets' })).toBeVisible();
  await expect(link).toHaveCount(0);
});

test('a view kept on this device by the previous version moves into the synced views once', async ({ page }) => {
  await page.goto('/#/queue/all');
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  // What the first session stored: device-local views in meta `savedViews`.
  await page.evaluate(async () => {
    const open = indexedDB.open('service-desk');
    const db = await new Promise<IDBDatabase>((res, rej) => ((open.onsuccess = () => res(open.result)), (open.onerror = () => rej(open.error))));
    const view = { id: 'view-legacy', ownerId: 'eng-alex', name: 'Old breached EMEA', filters: { regions: ['emea-anz'], breachedOnly: true }, sort: { field: 'dueAt', direction: 'asc' }, columns: ['id', 'title', 'clocks'], updatedAt: 1 };
    await new Promise<void>((res) => {
      const tx = db.transaction('meta', 'readwrite');
      tx.objectStore('meta').put({ key: 'savedViews', value: [view] });
      tx.oncomplete = () => res();
    });
    db.close();
  });
  await page.reload();
  await expect(page.getByTestId('saved-views').getByRole('link', { name: /Old breached EMEA/ })).toBeVisible();
  await expect.poll(async () => (await readStore<{ key: string }>(page, 'meta')).some((m) => m.key === 'savedViews')).toBe(false);
  expect((await readStore<{ id: string; ownerId: string }>(page, 'savedViews')).map((v) => [v.id, v.ownerId])).toEqual([['view-legacy', 'eng-alex']]);
  await page.getByTestId('saved-views').getByRole('link', { name: /Old breached EMEA/ }).click();
  await expect(page.getByRole('columnheader')).toHaveText(['Ticket', 'Title', 'SLA clocks']);
});
