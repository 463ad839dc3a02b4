import { test, expect } from '@playwright/test';
import { actAs } from './support/stored';
import { bookWednesdayMorning, expectQueuedFaultVisit, logJadeRouterFault, reportAndConfirmRouterRepair } from './support/jade-ticket';

// Shanghai times, as the dispatcher and the engineer (both in Shanghai) see them.
const MONDAY_0900 = Date.UTC(2026, 2, 9, 1, 0); // ticket logged
const TUESDAY_1000 = Date.UTC(2026, 2, 10, 2, 0); // online window (8 working hours) ended Monday 17:00
const WEDNESDAY_0905 = Date.UTC(2026, 2, 11, 1, 5); // the engineer arrives
const THURSDAY_1700 = Date.UTC(2026, 2, 12, 9, 0); // 3 working days after the online window

test.use({ timezoneId: 'Asia/Shanghai', locale: 'en-US' });

test('without a sync server: an expired severity-2 ticket is queued with its 3-working-day deadline, booked, an overlap refused, a part checked out of the demo warehouse, and the visit recorded offline until the arrival clock is met', async ({ page, context }) => {
  test.setTimeout(120_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.clock.setFixedTime(MONDAY_0900);
  const { ticketId, visitId } = await logJadeRouterFault(page);

  // The next morning the online window has expired unresolved: the board queues a fault visit by itself.
  await page.clock.setFixedTime(TUESDAY_1000);
  await page.goto('/#/dispatch');
  await page.reload();
  const item = await expectQueuedFaultVisit(page, visitId, THURSDAY_1700);

  // Book it with the form: Kai Chen, Wednesday 09:00–11:00 with 30 minutes of travel.
  await bookWednesdayMorning(page, item, 'eng-kai');
  const block = page.locator(`[data-testid="visit-block"][data-visit-id="${visitId}"]`);
  await expect(block).toHaveAttribute('data-status', 'tentative');
  await expect(page.locator('[data-engineer-id="eng-kai"]').locator(block)).toHaveCount(1);

  // A second visit dragged onto Kai's Wednesday overlaps the first (with travel time): refused, with the reason.
  await page.getByRole('button', { name: 'Generate inspections' }).click();
  const inspection = page.locator('[data-testid="unscheduled-visit"][data-visit-id="inspection-contract-c-4001-site-jade-main-2026-04-12"]');
  await expect(inspection.getByTestId('visit-reason')).toHaveText('Periodic inspection');
  await inspection.dragTo(page.locator('[data-engineer-id="eng-kai"] [data-testid="board-cell"]').nth(2));
  const second = page.getByRole('dialog', { name: 'Book visit' });
  await expect(second.getByLabel('Engineer')).toHaveValue('eng-kai');
  await expect(second.getByLabel('Start', { exact: true })).toHaveValue('2026-03-11T08:30');
  const overlap = second.locator('.finding[data-code="overlap"]');
  await expect(overlap).toHaveAttribute('data-severity', 'block');
  await expect(overlap).toContainText(`Kai Chen already has visit ${visitId} from Mar 11, 2026, 9:00 AM to Mar 11, 2026, 11:00 AM, which overlaps this booking.`);
  await expect(second.getByTestId('booking-blocked')).toHaveText('This booking is not possible; change the engineer or the time.');
  await expect(second.getByRole('button', { name: 'Book', exact: true })).toBeDisabled();
  await second.getByRole('button', { name: 'Cancel' }).click();
  await expect(inspection).toBeVisible();

  await block.click();
  const panel = page.getByTestId('visit-panel');
  await expect(panel).toContainText('tentative (not yet confirmed by the server)');
  // Without a server, the device's demo warehouse lends the spare part.
  await panel.getByLabel('Part', { exact: true }).selectOption({ label: 'Power supply 650 W (6 on hand)' });
  await panel.getByRole('button', { name: 'Check out' }).click();
  await expect(panel.getByTestId('visit-parts')).toContainText('1 × Power supply 650 W');
  await expect(panel.getByLabel('Part', { exact: true }).locator('option', { hasText: 'Power supply 650 W' })).toHaveText('Power supply 650 W (5 on hand)');

  // Kai, on site with no network, records the visit.
  await actAs(page, { userId: 'eng-kai', role: 'field_engineer', region: 'apac-cjks' });
  await page.clock.setFixedTime(WEDNESDAY_0905);
  await page.goto('/#/visits');
  await page.reload();
  await context.setOffline(true);
  const mine = page.locator(`[data-testid="my-visit"][data-visit-id="${visitId}"]`);
  await mine.click();
  const detail = page.getByTestId('visit-detail');
  await expect(detail).toContainText('Core router reboots every hour');
  await expect(detail).toContainText('Century Avenue 88, Shanghai');
  await expect(detail).toContainText('Pat Example');
  await detail.getByRole('button', { name: 'Set off (en route)' }).click();
  await detail.getByRole('button', { name: 'Arrived on site' }).click();
  await expect(detail.getByTestId('my-visit-status')).toHaveText('on site');
  await expect(detail.getByTestId('arrived-at')).toContainText('9:05');
  await expect(detail.getByTestId('visit-arrival-clock')).toHaveAttribute('data-state', 'met');

  await reportAndConfirmRouterRepair(detail);
  await detail.getByTestId('visit-parts').getByRole('button', { name: 'Mark used' }).click();
  await expect(detail.getByTestId('visit-parts').locator('li[data-state="used"]')).toContainText('1 × Power supply 650 W');
  await detail.getByRole('button', { name: 'Departed' }).click();
  await detail.getByRole('button', { name: 'Submit visit' }).click();
  await expect(detail.getByTestId('visit-locked')).toBeVisible();
  await expect(detail.getByTestId('my-visit-status')).toHaveText('completed');

  // The ticket's on-site arrival clock stopped in time.
  await detail.getByRole('button', { name: ticketId }).click();
  await expect(page.getByTestId('clock-state-on_site_arrival')).toHaveText('met');

  await context.setOffline(false);
  await page.getByTestId('nav-dispatch').click();
  await expect(page.locator(`[data-testid="visit-block"][data-visit-id="${visitId}"]`)).toHaveAttribute('data-status', 'completed');
  expect(pageErrors).toEqual([]);
});
