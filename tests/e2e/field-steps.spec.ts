import { test, expect } from '@playwright/test';
import { actAs } from './support/stored';
import { bookWednesdayMorning, expectQueuedFaultVisit, logJadeRouterFault } from './support/jade-ticket';

// Shanghai times; the visit is booked for Wednesday 09:00–11:00 (30 minutes of travel before it).
const MONDAY_0900 = Date.UTC(2026, 2, 9, 1, 0);
const TUESDAY_0900 = Date.UTC(2026, 2, 10, 1, 0);
const TUESDAY_1000 = Date.UTC(2026, 2, 10, 2, 0);
const THURSDAY_1700 = Date.UTC(2026, 2, 12, 9, 0);

// The engineer's laptop is in Europe: every time must still follow the zone the screen names.
test.use({ timezoneId: 'Europe/Sofia', locale: 'en-US' });

test('arriving a day before the booked window asks first (how far, in the site zone); recorded anyway it can be undone while unsynced, and the history shows names and local times', async ({ page }) => {
  test.setTimeout(90_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await page.clock.setFixedTime(MONDAY_0900);
  const { visitId } = await logJadeRouterFault(page);
  await page.clock.setFixedTime(TUESDAY_1000);
  await page.goto('/#/dispatch');
  await page.reload();
  await page.getByLabel('Time zone').selectOption('Asia/Shanghai');
  await bookWednesdayMorning(page, await expectQueuedFaultVisit(page, visitId, THURSDAY_1700), 'eng-kai');

  // The dispatcher's view of the visit history: the engineer's name and local times, no ids or ISO strings.
  await page.locator(`[data-testid="visit-block"][data-visit-id="${visitId}"]`).click();
  const history = page.getByTestId('visit-panel').locator('.visit-history');
  await expect(history).toContainText('Booked — Kai Chen Mar 11, 2026, 9:00 AM–Mar 11, 2026, 11:00 AM');
  await expect(history).not.toContainText('eng-kai');
  await expect(history).not.toContainText(/\d{4}-\d{2}-\d{2}T/);

  // Tuesday 09:00 in Shanghai: Kai opens tomorrow's visit and taps "Arrived on site" by mistake.
  await actAs(page, { userId: 'eng-kai', role: 'field_engineer', region: 'apac-cjks' });
  await page.clock.setFixedTime(TUESDAY_0900);
  await page.goto('/#/visits');
  await page.reload();
  await expect(page.getByText('Kai Chen · times in Asia/Shanghai')).toBeVisible();
  await page.locator(`[data-testid="my-visit"][data-visit-id="${visitId}"]`).click();
  const detail = page.getByTestId('visit-detail');
  await detail.getByRole('button', { name: 'Arrived on site' }).click();
  const confirm = detail.getByTestId('step-confirm');
  await expect(confirm).toContainText('Arrived at Mar 10, 2026, 9:00 AM is 1 d 0 h before the booked window Mar 11, 2026, 9:00 – 11:00 AM (Asia/Shanghai). Record it anyway?');
  await confirm.getByRole('button', { name: "Don't record" }).click();
  await expect(confirm).toBeHidden();
  await expect(detail.getByTestId('my-visit-status')).toHaveText('tentative (not yet confirmed by the server)');

  // Recorded anyway (say the customer let him in early), it is shown in the screen's zone and can be undone.
  await detail.getByRole('button', { name: 'Arrived on site' }).click();
  await confirm.getByRole('button', { name: 'Record anyway' }).click();
  await expect(detail.getByTestId('my-visit-status')).toHaveText('on site');
  await expect(detail.getByTestId('arrived-at')).toContainText('Mar 10, 2026, 9:00 AM');
  const undo = detail.getByTestId('step-undo');
  await expect(undo).toHaveAttribute('data-state', 'pending');
  await expect(undo).toContainText('Arrived recorded at Mar 10, 2026, 9:00 AM. Not synced yet, so it can still be undone.');
  await undo.getByRole('button', { name: 'Undo' }).click();
  await expect(undo).toHaveText('Arrived was taken back; nothing was sent to the server.');
  await expect(detail.getByTestId('my-visit-status')).toHaveText('tentative (not yet confirmed by the server)');
  await expect(detail.getByTestId('arrived-at')).not.toContainText('9:00');
  // Nothing of the withdrawn arrival waits to be sent.
  const queued = await page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('service-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('outbox').objectStore('outbox').getAll();
          req.onsuccess = () => (open.result.close(), resolve((req.result as Array<{ name: string; args: { action?: { type: string } } }>).map((e) => `${e.name}:${e.args.action?.type ?? ''}`)));
          req.onerror = () => reject(req.error);
        };
      }),
  );
  expect(queued).not.toContain('visit.action@1:arrive');
  expect(pageErrors).toEqual([]);
});
