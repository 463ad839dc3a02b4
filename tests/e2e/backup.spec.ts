import { readFile } from 'node:fs/promises';
import { test, expect, type Page } from '@playwright/test';
import { docScreenshot } from './support/doc-screenshot';

type Outbox = Array<{ clientId: string; id: number; name: string; args: unknown }>;

/** The pending mutations, straight from IndexedDB: what the next sync will push. */
function readOutbox(page: Page): Promise<Outbox> {
  return page.evaluate(
    () =>
      new Promise<Outbox>((resolve, reject) => {
        const open = indexedDB.open('service-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('outbox', 'readonly').objectStore('outbox').getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result as Outbox);
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

async function openBackupSettings(page: Page): Promise<void> {
  await page.getByTestId('nav-settings').click();
  await page.locator('.settings-tabs').getByRole('link', { name: 'Backup' }).click();
  await expect(page.getByRole('heading', { name: 'Backup', level: 2 })).toBeVisible();
}

test('a laptop replaced before it could sync: export, import into a fresh profile, the work and its pending changes are back', async ({ page, browser }) => {
  await page.goto('/');
  await expect(page.getByTestId('queue-row').first()).toBeVisible();

  // Work done offline on the old laptop: a new ticket and a note.
  await page.getByRole('button', { name: 'New ticket' }).click();
  await page.getByLabel('Customer', { exact: true }).selectOption({ label: 'Balkan Telecom Services' });
  await page.getByLabel('Short description').fill('Backbone link flaps every hour');
  await page.getByLabel('Contact person').fill('Pat Example');
  await page.getByLabel('Contact e-mail').fill('pat@balkan.example.org');
  await page.getByLabel('Service ID').fill('SVC-4242');
  await page.getByLabel('Problem started at').fill('2026-01-05T08:00');
  await page.getByLabel('Details').fill('The backbone link to the east site goes down for a minute every hour.');
  // A degradation: the impact class gives severity major.
  await page.getByLabel('Impact').selectOption('degradation');
  await page.getByLabel('Product line').selectOption('edge-routers');
  await page.getByLabel('Product', { exact: true }).selectOption('ER-9000 Chassis');
  await page.getByRole('button', { name: 'Create ticket' }).click();
  await expect(page.getByRole('heading', { name: 'Backbone link flaps every hour' })).toBeVisible();
  const id = ((await page.locator('.ticket-id').textContent()) ?? '').trim();
  expect(id).toMatch(/^SD-[A-Z0-9]{6}-0001$/);
  await page.getByLabel('Note', { exact: true }).fill('Asked the carrier for the link logs.');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.locator('.event-note')).toContainText('Asked the carrier for the link logs.');
  const before = await readOutbox(page);
  expect(before.map((e) => e.name)).toEqual(expect.arrayContaining(['ticket.create@1', 'timeline.addNote@1']));

  // Export.
  await openBackupSettings(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export backup' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^service-desk-backup-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\dZ\.json$/);
  const file = test.info().outputPath('backup.json');
  await download.saveAs(file);
  const json = JSON.parse(await readFile(file, 'utf8')) as { format: string; clientId: string; tables: { tickets: Array<Record<string, unknown>>; outbox: Outbox } };
  expect(json.format).toBe('service-desk-backup');
  // The app may record SLA alerts by itself meanwhile; the file holds at least what was pending before.
  const pending = json.tables.outbox;
  expect(pending.slice(0, before.length)).toEqual(before);
  expect(pending.map((e) => e.name)).toEqual(expect.arrayContaining(['ticket.create@1', 'timeline.addNote@1']));
  await expect(page.getByTestId('backup-exported')).toContainText(`${pending.length} unsynced change`);
  expect(json.tables.tickets.find((t) => t['id'] === id)).not.toHaveProperty('qWords');

  // The new laptop: a fresh profile (empty IndexedDB, demo data seeded on first run).
  const fresh = await browser.newContext({ baseURL: test.info().project.use.baseURL, viewport: { width: 1400, height: 860 } });
  const page2 = await fresh.newPage();
  await page2.goto('/');
  await expect(page2.getByTestId('queue-row').first()).toBeVisible();
  // Its own outbox holds only what the app recorded by itself on the demo data (SLA alerts,
  // automatic escalations, fault visits queued when an online window expired), no one's work.
  const byItself = new Set(['ticket.recordSlaAlert@1', 'ticket.recordEscalation@1', 'visit.create@1']);
  expect((await readOutbox(page2)).map((e) => e.name).filter((n) => !byItself.has(n))).toEqual([]);
  await openBackupSettings(page2);
  await page2.getByLabel('Backup file').setInputFiles(file);
  const preview = page2.getByTestId('backup-preview');
  await expect(preview).toBeVisible();
  await expect(preview.locator('tr[data-table=outbox] td')).toHaveText(String(pending.length));
  await expect(preview.getByTestId('backup-pending')).toContainText(`${pending.length} changes were not synced yet`);
  await expect(preview).toContainText('the backup replaces its contents');
  // The other device's unsynced changes are listed and queued only when the user says so.
  await expect(preview.getByTestId('backup-pending-changes')).toContainText('ticket.create@1');
  await expect(preview.getByTestId('backup-pending-changes')).toContainText('are left out');
  await preview.getByLabel(`Queue these ${pending.length} changes and send them at the next sync`).check();
  await page2.screenshot({ path: docScreenshot('backup.png') });
  await page2.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(page2.getByTestId('backup-result')).toContainText('Import complete.');
  await expect(page2.getByTestId('backup-result')).toContainText(`${pending.length} unsynced changes queued`);

  // The ticket and its note are there...
  await page2.evaluate((ticketId) => (location.hash = `#/ticket/${ticketId}`), id);
  await expect(page2.getByRole('heading', { name: 'Backbone link flaps every hour' })).toBeVisible();
  await expect(page2.locator('.event-note')).toContainText('Asked the carrier for the link logs.');
  // ...and the outbox holds the same pending mutations under the old device's client id, for the next sync
  // (followed by any alert this device records from now on, numbered after them).
  const after = await readOutbox(page2);
  expect(after.slice(0, pending.length)).toEqual(pending);
  expect(after.every((e) => e.clientId === json.clientId)).toBe(true);
  expect(after.find((e) => e.name === 'ticket.create@1')?.args).toMatchObject({ ticket: { id, title: 'Backbone link flaps every hour' } });
  // It survives a reload.
  await page2.reload();
  await expect(page2.locator('.event-note')).toContainText('Asked the carrier for the link logs.');
  await fresh.close();
});

test('a damaged backup file is refused with the table and row named, and nothing changes', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  const count = await page.getByTestId('queue-row').count();
  await openBackupSettings(page);
  const bad = {
    format: 'service-desk-backup', version: 1, exportedAt: 1, schemaVersion: 1, clientId: null, actor: null, mutationCounter: 0, cursor: 0,
    tables: { tickets: [{ id: 'SD-BAD-0001', title: '' }], timeline: [], conflicts: [], visits: [], customers: [], engineers: [], policies: [], calendars: [], escalationMatrices: [], syncState: [], outbox: [] },
  };
  await page.getByLabel('Backup file').setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(bad)) });
  const issues = page.locator('.backup-issues');
  await expect(issues).toContainText('This file cannot be imported; nothing was changed.');
  await expect(issues).toContainText('tickets, row 1 (id SD-BAD-0001)');
  await expect(page.getByRole('button', { name: 'Import', exact: true })).toHaveCount(0);
  const outbox = await readOutbox(page);
  await page.goto('/');
  await expect(page.getByTestId('queue-row')).toHaveCount(count);
  expect((await readOutbox(page)).slice(0, outbox.length)).toEqual(outbox);
});
