import { test, expect } from '@playwright/test';
import { startSyncServer, type RunningSyncServer } from './support/sync-server';
import { bookWednesdayMorning, expectQueuedFaultVisit, logJadeRouterFault, reportAndConfirmRouterRepair } from './support/jade-ticket';
import { docScreenshot } from './support/doc-screenshot';
import { device, signIn as signInTo, syncNow, userId as userIdOn } from './support/sync-devices';

// Shanghai times, as the dispatcher and the field engineer (both in Shanghai) see them. The sync
// server runs on the real clock: only the devices live in March 2026.
const MONDAY_0900 = Date.UTC(2026, 2, 9, 1, 0); // ticket logged
const TUESDAY_1000 = Date.UTC(2026, 2, 10, 2, 0); // online window (8 working hours) ended Monday 17:00
const WEDNESDAY_0830 = Date.UTC(2026, 2, 11, 0, 30); // the engineer sets off
const WEDNESDAY_0905 = Date.UTC(2026, 2, 11, 1, 5); // the engineer arrives
const WEDNESDAY_1200 = Date.UTC(2026, 2, 11, 4, 0); // the dispatcher looks again
const THURSDAY_1700 = Date.UTC(2026, 2, 12, 9, 0); // 3 working days after the online window

let server: RunningSyncServer;
const signIn = (page: Parameters<typeof signInTo>[0], email: string) => signInTo(page, server, email);
const userId = (email: string) => userIdOn(server, email);

test.beforeAll(async () => {
  // Starting the embedded database and hashing the demo password take long on a busy machine.
  test.setTimeout(150_000);
  server = await startSyncServer();
});
test.afterAll(async () => {
  await server?.stop();
});

test('through the sync server: the dispatcher books the expired severity-2 ticket, an overlap is refused, the field engineer records the visit offline, and after sync the dispatcher sees it done with the arrival clock met', async ({ browser }) => {
  test.setTimeout(240_000);
  const errors: string[] = [];
  const finn = await userId('field@example.com');

  // The dispatcher signs in and logs the ticket on Monday morning; it reaches the server.
  const d = await device(browser, MONDAY_0900, errors);
  const desk = d.page;
  await signIn(desk, 'dispatcher@example.com');
  const { ticketId, visitId } = await logJadeRouterFault(desk);
  await syncNow(desk);

  // Tuesday 10:00: the online window has expired unresolved; the app queued a fault visit by itself.
  await desk.clock.setFixedTime(TUESDAY_1000);
  await desk.reload();
  await desk.getByTestId('nav-dispatch').click();
  const item = await expectQueuedFaultVisit(desk, visitId, THURSDAY_1700);

  // Book Finn Field (a user of the server's tenant) for Wednesday 09:00–11:00, 30 minutes' travel.
  await bookWednesdayMorning(desk, item, finn);
  const block = desk.locator(`[data-engineer-id="${finn}"] [data-testid="visit-block"][data-visit-id="${visitId}"]`);
  await expect(block).toHaveAttribute('data-status', 'tentative');
  // The server confirms the booking: it alone sees every dispatcher's bookings.
  await syncNow(desk);
  await expect(desk.getByText('No conflicts.')).toBeVisible();
  await desk.getByTestId('nav-dispatch').click();
  await expect(block).toHaveAttribute('data-status', 'confirmed');

  // A second visit dropped on Finn's Wednesday overlaps the first (with travel time): refused, with the reason.
  await desk.getByRole('button', { name: 'Generate inspections' }).click();
  const inspection = desk.locator('[data-testid="unscheduled-visit"][data-visit-id="inspection-contract-c-4001-site-jade-main-2026-04-12"]');
  await expect(inspection.getByTestId('visit-reason')).toHaveText('Periodic inspection');
  await inspection.dragTo(desk.locator(`[data-engineer-id="${finn}"] [data-testid="board-cell"]`).nth(2));
  const second = desk.getByRole('dialog', { name: 'Book visit' });
  await expect(second.getByLabel('Engineer')).toHaveValue(finn);
  await expect(second.getByLabel('Start', { exact: true })).toHaveValue('2026-03-11T08:30');
  const overlap = second.locator('.finding[data-code="overlap"]');
  await expect(overlap).toHaveAttribute('data-severity', 'block');
  await expect(overlap).toContainText(`Finn Field already has visit ${visitId} from Mar 11, 2026, 9:00 AM to Mar 11, 2026, 11:00 AM, which overlaps this booking.`);
  await expect(second.getByTestId('booking-blocked')).toHaveText('This booking is not possible; change the engineer or the time.');
  await expect(second.getByRole('button', { name: 'Book', exact: true })).toBeDisabled();
  await second.screenshot({ path: docScreenshot('dispatch-overlap.png') });
  await second.getByRole('button', { name: 'Cancel' }).click();
  await expect(inspection).toBeVisible();

  await block.click();
  await expect(desk.getByTestId('visit-panel')).toContainText('confirmed');
  // Automatic escalation notices of the demo tickets would cover the board in the README picture.
  const notices = desk.getByTestId('escalation-notices');
  if (await notices.isVisible()) await notices.getByRole('button', { name: 'Clear' }).click();
  await desk.screenshot({ path: docScreenshot('dispatch-board.png') });

  // Finn signs in on his own laptop on Wednesday morning and gets the visit from the server.
  const f = await device(browser, WEDNESDAY_0830, errors);
  const laptop = f.page;
  await signIn(laptop, 'field@example.com');
  await laptop.getByTestId('nav-visits').click();
  const mine = laptop.locator(`[data-testid="my-visit"][data-visit-id="${visitId}"]`);
  await expect(mine).toBeVisible();

  // At the customer's site there is no network: everything is recorded offline.
  await f.context.setOffline(true);
  await mine.click();
  const detail = laptop.getByTestId('visit-detail');
  await expect(detail).toContainText('Core router reboots every hour');
  await expect(detail).toContainText('Century Avenue 88, Shanghai');
  await expect(detail).toContainText('Pat Example');
  await detail.getByRole('button', { name: 'Set off (en route)' }).click();
  await laptop.clock.setFixedTime(WEDNESDAY_0905);
  await detail.getByRole('button', { name: 'Arrived on site' }).click();
  await expect(detail.getByTestId('my-visit-status')).toHaveText('on site');
  await expect(detail.getByTestId('arrived-at')).toContainText('9:05');
  await expect(detail.getByTestId('visit-arrival-clock')).toHaveAttribute('data-state', 'met');
  await reportAndConfirmRouterRepair(detail);
  await detail.getByRole('button', { name: 'Departed' }).click();
  await detail.getByRole('button', { name: 'Submit visit' }).click();
  await expect(detail.getByTestId('visit-locked')).toBeVisible();
  await expect(detail.getByTestId('my-visit-status')).toHaveText('completed');
  await expect(laptop.getByTestId('sync-badge')).toContainText('Offline');
  await expect(laptop.getByTestId('sync-badge')).toContainText(/\d+ changes? waiting/);
  await laptop.screenshot({ path: docScreenshot('dispatch-my-visit.png') });

  // Back online, the laptop sends what was recorded.
  await f.context.setOffline(false);
  await syncNow(laptop);
  // Nothing the engineer did offline (nor the demo data both devices started with) is a conflict.
  await expect(laptop.getByText('No conflicts.')).toBeVisible();

  // The dispatcher's board shows the visit done, and the ticket's on-site arrival clock met.
  await desk.clock.setFixedTime(WEDNESDAY_1200);
  await syncNow(desk);
  await expect(desk.getByText('No conflicts.')).toBeVisible();
  await desk.getByTestId('nav-dispatch').click();
  await expect(desk.locator(`[data-testid="visit-block"][data-visit-id="${visitId}"]`)).toHaveAttribute('data-status', 'completed');
  await desk.goto(`/#/ticket/${encodeURIComponent(ticketId)}`);
  await expect(desk.getByTestId('clock-state-on_site_arrival')).toHaveText('met');

  await f.context.close();
  await d.context.close();
  expect(errors).toEqual([]);
});
