// Hostile or oversized files and an insecure sync address, as a user meets them in the web host
// (the same renderer the desktop app loads): each gets a clear message and changes nothing.
import { test, expect, type Page } from '@playwright/test';

const ics = (rrule: string) =>
  ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Example//Holidays//EN', 'BEGIN:VEVENT', 'UID:never@example.com', 'DTSTART;VALUE=DATE:20260101', 'SUMMARY:Never', `RRULE:${rrule}`, 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');

async function becomeAdmin(page: Page): Promise<void> {
  await page.goto('/');
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  await page.goto('/#/settings/identity');
  await page.getByLabel('Acting as').selectOption('eng-dana');
  await expect(page.getByLabel('Acting as')).toHaveValue('eng-dana');
}

/** Names of the changes waiting in the outbox. */
async function pendingNames(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('service-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('outbox').objectStore('outbox').getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve((req.result as Array<{ name: string }>).map((e) => e.name));
          };
          req.onerror = () => reject(req.error);
        };
      }),
  );
}

async function storedCount(page: Page, table: string): Promise<number> {
  return page.evaluate(
    (name) =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('service-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(name).objectStore(name).count();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    table,
  );
}

test('a holiday file whose rule can never occur is refused at once, and the page stays usable', async ({ page }) => {
  await becomeAdmin(page);
  await page.goto('/#/settings/calendars');
  const started = Date.now();
  await page.getByLabel(/Import public holidays/).setInputFiles({ name: 'never.ics', mimeType: 'text/calendar', buffer: Buffer.from(ics('FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30')) });
  const refusal = page.getByRole('alert').filter({ hasText: 'never.ics could not be imported' });
  await expect(refusal).toContainText('can never occur');
  expect(Date.now() - started).toBeLessThan(15_000);
  await expect(page.getByTestId('ics-preview')).toHaveCount(0);
  // The UI thread was never blocked: navigation still works.
  await page.goto('/#/settings/identity');
  await expect(page.getByLabel('Acting as')).toBeVisible();
});

test('a readable holiday file is parsed off the UI thread and previewed', async ({ page }) => {
  await becomeAdmin(page);
  await page.goto('/#/settings/calendars');
  const year = new Date().getFullYear();
  const file = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Example//Holidays//EN', 'BEGIN:VEVENT', 'UID:ny@example.com', `DTSTART;VALUE=DATE:${year}0101`, 'SUMMARY:New Year', 'RRULE:FREQ=YEARLY', 'END:VEVENT', 'END:VCALENDAR', ''].join('\r\n');
  await page.getByLabel(/Import public holidays/).setInputFiles({ name: 'holidays.ics', mimeType: 'text/calendar', buffer: Buffer.from(file) });
  await expect(page.getByTestId('ics-preview')).toContainText(`${year}-01-01`);
  await expect(page.getByTestId('ics-preview')).toContainText(`${year + 1}-01-01`);
});

test('an oversized configuration file is refused before it is read, and nothing is stored', async ({ page }) => {
  await becomeAdmin(page);
  await page.goto('/#/settings/policies');
  const before = await storedCount(page, 'policies');
  const huge = Buffer.alloc(6 * 1024 * 1024, ' ');
  await page.getByLabel('Import configuration').setInputFiles({ name: 'huge-config.json', mimeType: 'application/json', buffer: huge });
  await expect(page.getByRole('alert').filter({ hasText: 'huge-config.json' })).toContainText('huge-config.json is 6 MB, more than the 5 MB this import accepts. Nothing was imported.');
  expect(await storedCount(page, 'policies')).toBe(before);
  // The app may queue changes of its own on the demo data meanwhile (alerts, fault visits); no configuration change is queued.
  expect((await pendingNames(page)).filter((n) => n.startsWith('config.'))).toEqual([]);
});

test('a sync address over plain http to another machine is refused with the reason', async ({ page }) => {
  await page.goto('/#/settings/sync');
  await page.getByLabel('Server address').fill('http://sync.example.com');
  await page.getByLabel('E-mail').fill('dana@example.com');
  await page.getByLabel('Password').fill('secret');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Plain http://' })).toContainText('Plain http:// sends your password and token unencrypted');
  // http:// to this machine is accepted by the form (it then tries to reach the server).
  await page.getByLabel('Server address').fill('http://127.0.0.1:9');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByText('Plain http:// sends your password')).toHaveCount(0);
});
