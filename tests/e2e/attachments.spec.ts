import { test, expect } from '@playwright/test';
import { startSyncServer, type RunningSyncServer } from './support/sync-server';
import { logJadeRouterFault } from './support/jade-ticket';
import { DEMO_PASSWORD as PASSWORD, device, signIn as signInTo, syncNow } from './support/sync-devices';

// A real 1×1 PNG, so the preview must decode it.
const PHOTO = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

let server: RunningSyncServer;
const signIn = (page: Parameters<typeof signInTo>[0], email: string) => signInTo(page, server, email);

test.beforeAll(async () => {
  test.setTimeout(150_000);
  server = await startSyncServer();
});
test.afterAll(async () => {
  await server?.stop();
});

async function api(path: string, body: unknown, token?: string): Promise<unknown> {
  const res = await fetch(`${server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: JSON.stringify(body) });
  expect(res.status).toBe(200);
  return res.json();
}

/** Books Finn Field for the ticket through the server, as the dispatcher's device would. */
async function bookFinn(ticketId: string): Promise<string> {
  const finn = (await api('/auth/login', { email: 'field@example.com', password: PASSWORD })) as { user: { id: string } };
  const dana = (await api('/auth/login', { email: 'dispatcher@example.com', password: PASSWORD })) as { token: string };
  const now = Date.now();
  const start = Math.ceil(now / 3_600_000) * 3_600_000 + 24 * 3_600_000;
  const visit = {
    id: `visit-att-${now}`, ticketId, customerId: 'cust-jade', kind: 'fault', reason: 'online_window_expired', site: { address: 'Century Avenue 88, Shanghai', timeZone: 'Asia/Shanghai' },
    status: 'confirmed', engineerId: finn.user.id, window: { start, end: start + 2 * 3_600_000 }, travelBufferMinutes: 0, parts: [], workNotes: [], sequence: 0, history: [], createdAt: now, createdBy: '', updatedAt: now, updatedBy: '',
  };
  const r = (await api('/push', { clientId: `e2e-attachments-${now}`, schemaVersion: 5, mutations: [{ id: 1, name: 'visit.create@1', args: { visit }, baseVersions: {}, clientTime: now }] }, dana.token)) as { results: Array<{ status: string }> };
  expect(r.results[0]?.status).toBe('applied');
  return visit.id;
}

test('the agent attaches a log to a note; the field engineer adds a photo to the visit report offline; it uploads at sync and the dispatcher sees it', async ({ browser }) => {
  test.setTimeout(300_000);
  const errors: string[] = [];

  // The agent logs the fault, writes a note and attaches the customer's log file to it.
  const a = await device(browser, undefined, errors);
  await signIn(a.page, 'agent@example.com');
  const { ticketId } = await logJadeRouterFault(a.page);
  await a.page.getByLabel('Note', { exact: true }).fill('Customer sent the router log.');
  await a.page.getByRole('button', { name: 'Add note' }).click();
  const note = a.page.locator('.timeline li[data-kind="note"]').filter({ hasText: 'Customer sent the router log.' });
  await expect(note).toBeVisible();
  await note.getByTestId('attachment-input').setInputFiles({ name: 'router.log', mimeType: 'text/plain', buffer: Buffer.from('12:00:01 kernel panic\n12:00:02 reboot\n') });
  await expect(note.getByTestId('attachment')).toHaveAttribute('data-name', 'router.log');
  await syncNow(a.page);
  await a.page.goto(`/#/ticket/${encodeURIComponent(ticketId)}`);
  await expect(a.page.locator('.timeline [data-testid="attachment"][data-name="router.log"]')).toHaveAttribute('data-state', 'here');

  const visitId = await bookFinn(ticketId);

  // Finn gets the visit, goes on site without a network and photographs the repaired rack.
  const f = await device(browser, undefined, errors);
  await signIn(f.page, 'field@example.com');
  await f.page.getByTestId('nav-visits').click();
  await f.page.locator(`[data-testid="my-visit"][data-visit-id="${visitId}"]`).click();
  const detail = f.page.getByTestId('visit-detail');
  await f.context.setOffline(true);
  await detail.getByTestId('attachment-input').setInputFiles({ name: 'rack-after-repair.png', mimeType: 'image/png', buffer: PHOTO });
  const photo = detail.locator('[data-testid="attachment"][data-name="rack-after-repair.png"]');
  await expect(photo).toHaveAttribute('data-state', 'pending');
  await expect(photo).toContainText('waiting to upload at the next sync');
  await expect(photo.getByTestId('attachment-preview')).toBeVisible();
  await expect(f.page.getByTestId('sync-badge')).toContainText('Offline');

  // Back online, the sync uploads the photo, then sends the change that references it.
  await f.context.setOffline(false);
  await syncNow(f.page);
  await f.page.getByTestId('nav-visits').click();
  await f.page.locator(`[data-testid="my-visit"][data-visit-id="${visitId}"]`).click();
  await expect(photo).toHaveAttribute('data-state', 'here');

  // The dispatcher opens the ticket: the photo is there and previews from the server's bytes.
  const d = await device(browser, undefined, errors);
  await signIn(d.page, 'dispatcher@example.com');
  await d.page.goto(`/#/ticket/${encodeURIComponent(ticketId)}`);
  const list = d.page.getByTestId('attachments-all');
  const onDesk = list.locator('[data-testid="attachment"][data-name="rack-after-repair.png"]');
  await expect(onDesk).toHaveAttribute('data-state', 'remote');
  await onDesk.getByRole('button', { name: 'Show' }).click();
  const img = onDesk.getByTestId('attachment-preview');
  await expect(img).toBeVisible();
  expect(await img.evaluate((el) => (el as HTMLImageElement).naturalWidth)).toBe(1);
  expect(await img.getAttribute('src')).toMatch(/^blob:/);
  await expect(list.locator('[data-testid="attachment"][data-name="router.log"]')).toBeVisible();

  // Settings › Attachments shows what this device keeps now.
  await d.page.goto('/#/settings/attachments');
  await expect(d.page.getByTestId('attachment-cache-used')).toContainText('(1 files)');

  for (const c of [a, f, d]) await c.context.close();
  expect(errors).toEqual([]);
});
