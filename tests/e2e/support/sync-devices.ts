// Devices of the e2e sync specs: each a fresh browser context (own IndexedDB) in Shanghai with its
// clock fixed, signed in to a real sync server through Settings › Sync as a demo-tenant user.
import { expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import type { RunningSyncServer } from './sync-server';

export const DEMO_PASSWORD = 'demo-password';

/** A fresh device in Shanghai, its clock fixed at `at` (undefined: the real clock), collecting page errors. */
export async function device(browser: Browser, at: number | undefined, errors: string[]): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ timezoneId: 'Asia/Shanghai', locale: 'en-US', viewport: { width: 1400, height: 860 } });
  const page = await context.newPage();
  page.on('pageerror', (e) => errors.push(e.message));
  if (at !== undefined) await page.clock.setFixedTime(at);
  await page.goto('/#/settings/sync');
  return { context, page };
}

/** Syncs from Settings › Sync and waits until nothing is waiting to be sent. */
export async function syncNow(page: Page): Promise<void> {
  await page.getByTestId('sync-badge').click();
  const pending = page.locator('.sync-facts div').filter({ hasText: 'Waiting to send' }).locator('dd');
  // A sync may already be running (started by a change or the server's poke): ask again until both are done.
  await expect(async () => {
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(page.getByTestId('sync-state')).toHaveText('idle', { timeout: 20_000 });
    await expect(pending).toHaveText('0', { timeout: 2_000 });
  }).toPass({ timeout: 60_000 });
}

/** Signs in through Settings › Sync, as a user of the server's demo tenant, and syncs. */
export async function signIn(page: Page, server: RunningSyncServer, email: string): Promise<void> {
  await page.goto('/#/settings/sync');
  await page.getByLabel('Server address').fill(server.url);
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.locator('#root').getByText(`Signed in as ${email}.`)).toBeVisible({ timeout: 30_000 });
  await syncNow(page);
}

/** A demo user's id, asked of the server. */
export async function userId(server: RunningSyncServer, email: string): Promise<string> {
  const res = await fetch(`${server.url}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password: DEMO_PASSWORD }) });
  const body = (await res.json()) as { user: { id: string } };
  return body.user.id;
}
