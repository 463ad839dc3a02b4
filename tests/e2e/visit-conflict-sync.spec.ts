import { test, expect } from '@playwright/test';
import { startSyncServer, type RunningSyncServer } from './support/sync-server';
import { bookWednesdayMorning, expectQueuedFaultVisit, logJadeRouterFault } from './support/jade-ticket';
import { device, signIn, syncNow, userId } from './support/sync-devices';

// Two devices through the real sync server: Finn records his arrival offline while the dispatcher,
// not knowing, hands the visit to Sam. The visit must stay Finn's (on his laptop too), and the
// dispatcher must see the conflict on the board and decide it.
const MONDAY_0900 = Date.UTC(2026, 2, 9, 1, 0);
const TUESDAY_1000 = Date.UTC(2026, 2, 10, 2, 0);
const WEDNESDAY_0830 = Date.UTC(2026, 2, 11, 0, 30);
const WEDNESDAY_0840 = Date.UTC(2026, 2, 11, 0, 40);
const WEDNESDAY_0905 = Date.UTC(2026, 2, 11, 1, 5);
const THURSDAY_1700 = Date.UTC(2026, 2, 12, 9, 0);

let server: RunningSyncServer;

test.beforeAll(async () => {
  test.setTimeout(150_000);
  server = await startSyncServer();
});
test.afterAll(async () => {
  await server?.stop();
});

test('a visit handed to another engineer while its engineer records his arrival offline stays with him, is marked on the board, and the dispatcher decides it', async ({ browser }) => {
  test.setTimeout(300_000);
  const errors: string[] = [];
  const finn = await userId(server, 'field@example.com');
  const sam = await userId(server, 'field2@example.com');

  // The dispatcher logs the ticket and books Finn for Wednesday morning; the server confirms.
  const d = await device(browser, MONDAY_0900, errors);
  const desk = d.page;
  await signIn(desk, server, 'dispatcher@example.com');
  const { visitId } = await logJadeRouterFault(desk);
  await syncNow(desk);
  await desk.clock.setFixedTime(TUESDAY_1000);
  await desk.reload();
  await desk.getByTestId('nav-dispatch').click();
  await bookWednesdayMorning(desk, await expectQueuedFaultVisit(desk, visitId, THURSDAY_1700), finn);
  await syncNow(desk);

  // Finn gets the visit, loses the network, sets off and arrives.
  const f = await device(browser, WEDNESDAY_0830, errors);
  const laptop = f.page;
  await signIn(laptop, server, 'field@example.com');
  await laptop.getByTestId('nav-visits').click();
  const mine = laptop.locator(`[data-testid="my-visit"][data-visit-id="${visitId}"]`);
  await expect(mine).toBeVisible();
  await f.context.setOffline(true);
  await mine.click();
  const detail = laptop.getByTestId('visit-detail');
  await detail.getByRole('button', { name: 'Set off (en route)' }).click();
  await laptop.clock.setFixedTime(WEDNESDAY_0905);
  await detail.getByRole('button', { name: 'Arrived on site' }).click();
  await expect(detail.getByTestId('my-visit-status')).toHaveText('on site');

  // Meanwhile the dispatcher, who has not heard from Finn, hands the visit to Sam.
  await desk.clock.setFixedTime(WEDNESDAY_0840);
  await desk.reload();
  await desk.getByTestId('nav-dispatch').click();
  await desk.locator(`[data-engineer-id="${finn}"] [data-testid="visit-block"][data-visit-id="${visitId}"]`).click();
  await desk.getByTestId('visit-panel').getByRole('button', { name: 'Reschedule…' }).click();
  const dialog = desk.getByRole('dialog', { name: 'Reschedule visit' });
  await dialog.getByLabel('Engineer').selectOption(sam);
  await dialog.getByLabel('Reason').fill('Sam is closer');
  await dialog.locator('button[type="submit"]').click();
  await expect(dialog).toBeHidden();
  await syncNow(desk);

  // Finn comes back online: his arrival is his, and the visit stays on his laptop.
  await f.context.setOffline(false);
  await syncNow(laptop);
  await laptop.getByTestId('nav-visits').click();
  await expect(mine).toBeVisible();
  await mine.click();
  await expect(laptop.getByTestId('visit-detail').getByTestId('my-visit-status')).toHaveText('on site');

  // The dispatcher's board shows the visit back in Finn's row, marked as a conflict to decide.
  await syncNow(desk);
  await desk.getByTestId('nav-dispatch').click();
  const block = desk.locator(`[data-engineer-id="${finn}"] [data-testid="visit-block"][data-visit-id="${visitId}"]`);
  await expect(block).toHaveAttribute('data-conflict', 'open');
  await expect(block).toHaveAttribute('aria-label', /Conflict to resolve/);
  await block.click();
  await desk.getByTestId('visit-conflict').getByRole('button', { name: 'Decide now' }).click();

  // In Settings › Sync the choices say what they do, with names (no user ids).
  const conflict = desk.getByTestId('conflict').filter({ has: desk.getByTestId('visit-conflict-choices') });
  await expect(conflict).toContainText('Now: on site, with Finn Field.');
  await expect(conflict).not.toContainText(finn);
  await expect(conflict.getByRole('button', { name: 'Hand it over to Sam Site' })).toBeVisible();
  await conflict.getByRole('button', { name: 'Keep it with Finn Field' }).click();
  await syncNow(desk);
  await expect(desk.getByText('No conflicts.')).toBeVisible();
  await desk.getByTestId('nav-dispatch').click();
  await expect(block).not.toHaveAttribute('data-conflict', 'open');
  await expect(block).toHaveAttribute('data-status', 'arrived');

  await f.context.close();
  await d.context.close();
  expect(errors).toEqual([]);
});
