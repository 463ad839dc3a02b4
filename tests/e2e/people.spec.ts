import { test, expect, type Browser, type Page } from '@playwright/test';
import { startSyncServer, type RunningSyncServer } from './support/sync-server';

// Settings › People through the real sync server (embedded PGlite, demo tenant): an admin adds a
// colleague who signs in on their own device at once; deactivating ends that session; signing out
// ends the admin's session on the server and can remove the organisation's data from the device.

let server: RunningSyncServer;
test.beforeAll(async () => {
  // Starting the embedded database and hashing the demo password take long on a busy machine.
  test.setTimeout(150_000);
  server = await startSyncServer();
});
test.afterAll(async () => {
  await server?.stop();
});

async function device(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-US', viewport: { width: 1400, height: 860 } });
  const page = await context.newPage();
  await page.goto('/#/settings/sync');
  return page;
}

async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto('/#/settings/sync');
  await page.getByLabel('Server address').fill(server.url);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('#root').getByText(`Signed in as ${email}.`)).toBeVisible({ timeout: 30_000 });
}

test('an admin adds a person in Settings › People, who can then sign in; deactivating signs them out; signing out revokes the session', async ({ browser }) => {
  test.setTimeout(180_000);
  const admin = await device(browser);
  await admin.goto('/#/settings/people');
  await expect(admin.getByTestId('people-unavailable')).toContainText('Sign in to the sync server as an admin');
  await signIn(admin, 'admin@example.com', 'demo-password');

  await admin.getByRole('link', { name: 'People' }).click();
  await expect(admin.getByTestId('person-field@example.com')).toContainText('Finn Field');
  const add = admin.getByRole('form', { name: 'Add a person' });
  await add.getByLabel('Name').fill('Pat Person');
  await add.getByLabel('E-mail').fill('pat@example.com');
  await add.getByLabel('Role').selectOption('field_engineer');
  await add.getByLabel('Region').fill('emea');
  await add.getByLabel('Skills').fill('edge-routers, data-vault');
  await add.getByLabel('Initial password').fill('short');
  await add.getByRole('button', { name: 'Add person' }).click();
  await expect(add.getByRole('alert')).toHaveText('The password needs at least 10 characters.');
  await add.getByLabel('Initial password').fill('pat-long-password');
  await add.getByRole('button', { name: 'Add person' }).click();
  await expect(admin.getByRole('status')).toHaveText('pat@example.com was added and can sign in now.');
  const pat = admin.getByTestId('person-pat@example.com');
  await expect(pat).toContainText('field engineer');
  await expect(pat).toContainText('edge-routers, data-vault');

  // Pat signs in on a laptop of their own, while the server keeps running.
  const laptop = await device(browser);
  await signIn(laptop, 'pat@example.com', 'pat-long-password');

  // The admin moves Pat to another region, then deactivates them: Pat's session ends at once.
  await admin.getByRole('button', { name: 'Edit Pat Person <pat@example.com>' }).click();
  await admin.getByRole('form', { name: 'Edit Pat Person <pat@example.com>' }).getByLabel('Region').fill('apac-cjks');
  await admin.getByRole('button', { name: 'Save' }).click();
  await expect(pat).toContainText('apac-cjks');
  await admin.getByRole('button', { name: 'Deactivate Pat Person <pat@example.com>' }).click();
  await expect(pat).toContainText('deactivated');
  await laptop.getByRole('button', { name: 'Sync now' }).click();
  await expect(laptop.getByTestId('sync-badge')).toContainText('Sign in again to sync');

  // The admin signs out and removes the organisation's data from this device.
  await admin.goto('/#/settings/sync');
  await admin.getByRole('button', { name: 'Sign out' }).click();
  await admin.getByLabel('Remove this organisation’s data from this device').check();
  await admin.getByRole('button', { name: 'Sign out now' }).click();
  await expect(admin.locator('#root').getByText('The server ended the session.')).toBeVisible();
  await expect(admin.locator('#root').getByText('The organisation’s data was removed from this device.')).toBeVisible();
  await admin.goto('/#/settings/people');
  await expect(admin.getByTestId('people-unavailable')).toBeVisible();
});
