import { test, expect } from '@playwright/test';
import { logJadeRouterFault } from './support/jade-ticket';

// Shanghai times; half a minute past the minute, so that a write lands after the minute tick.
const MONDAY_0900_30 = Date.UTC(2026, 2, 9, 1, 0, 30);
const MONDAY_0920_30 = Date.UTC(2026, 2, 9, 1, 20, 30);

test.use({ timezoneId: 'Asia/Shanghai', locale: 'en-US' });

test('the ticket page shows everything intake captured, the contact with click-to-mail and click-to-call, and the E-Down answers', async ({ page }) => {
  await page.clock.setFixedTime(MONDAY_0900_30);
  await page.goto('/#/new');
  await page.getByLabel('Customer', { exact: true }).selectOption({ label: 'Orbit Retail Systems' });
  await page.getByLabel('Contact person').fill('Robin Example');
  await page.getByLabel('Contact e-mail').fill('robin@orbit.example.com');
  await page.getByLabel('Contact phone').fill('+1 (415) 555-0142');
  await page.getByLabel('Short description').fill('Checkout tills cannot reach the pricing server');
  await page.getByLabel('Details').fill('All 40 tills in store 12 time out when looking up prices.\nStarted after the night batch.');
  await page.getByLabel('Severity').selectOption('1');
  await page.getByLabel('Problem started at').fill('2026-03-09T08:40');
  await page.getByLabel('Intermittent or permanent').selectOption('permanent');
  await page.getByLabel('Product line').selectOption('content-platform');
  await page.getByLabel('Product', { exact: true }).selectOption('Capture Suite');
  await page.getByLabel('Version', { exact: true }).fill('7.2');
  await page.getByLabel('Contract / customer no.').fill('C-1003');
  await page.getByLabel('Product serial').fill('PS-7788');
  await page.getByLabel('Service ID').fill('SVC-ORB-12');
  await page.getByLabel('Circuit ID').fill('CKT-4410');
  await page.getByLabel('IP address').fill('10.12.0.5');
  await page.getByLabel('Test results and logs').fill('ping 10.12.0.5: timeout\nssh: connection refused\nbatch.log: OOM at 02:13');
  await page.getByRole('button', { name: 'Create ticket' }).click();
  await expect(page).toHaveURL(/#\/ticket\//);

  const brief = page.getByRole('region', { name: 'What was reported' });
  await expect(brief.getByTestId('ticket-description')).toHaveText('All 40 tills in store 12 time out when looking up prices.\nStarted after the night batch.');
  await expect(brief.locator('[data-field="problemStartedAt"] dd')).toHaveText('Mar 9, 2026, 8:40 AM');
  await expect(brief.locator('[data-field="intermittent"] dd')).toHaveText('Permanent');
  await expect(brief.locator('[data-field="contactName"] dd')).toHaveText('Robin Example');
  await expect(brief.getByRole('link', { name: 'robin@orbit.example.com' })).toHaveAttribute('href', 'mailto:robin@orbit.example.com');
  await expect(brief.getByRole('link', { name: '+1 (415) 555-0142' })).toHaveAttribute('href', 'tel:+14155550142');
  for (const [field, value] of [['productVersion', '7.2'], ['productSerial', 'PS-7788'], ['serviceId', 'SVC-ORB-12'], ['circuitId', 'CKT-4410'], ['ipAddress', '10.12.0.5']] as const) {
    await expect(brief.locator(`[data-field="${field}"] dd`)).toHaveText(value);
  }
  const logs = brief.locator('details[data-field="logs"]');
  await expect(logs.locator('summary')).toHaveText('Test results and logs (3 lines)');
  await logs.locator('summary').click();
  await expect(logs.locator('pre')).toContainText('batch.log: OOM at 02:13');
  // The problem and the requester come before the timeline, where an engineer looks first.
  const briefTop = (await brief.boundingBox())?.y ?? Infinity;
  const timelineTop = (await page.getByRole('heading', { name: 'Timeline' }).boundingBox())?.y ?? -Infinity;
  expect(briefTop).toBeLessThan(timelineTop);
  await expect(brief.getByTestId('edown-answers')).toHaveCount(0);

  // Raised to E-Down with its questionnaire: the answers appear on the page.
  await page.getByRole('button', { name: 'Change severity…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Change severity' });
  await dialog.getByLabel('Severity', { exact: true }).selectOption('edown');
  await dialog.getByLabel('Why production is down').selectOption('users_cannot_reach_server');
  await dialog.getByLabel('Users of the system').fill('400');
  await dialog.getByLabel('Users affected').fill('380');
  await dialog.getByLabel('Down since').fill('2026-03-09T08:40');
  await dialog.getByLabel('Actions taken so far (and new contact details)').fill('Restarted the pricing service twice.');
  await dialog.getByLabel('Technical contact for the whole incident').fill('Sam Example, +1 415 555 0199');
  await dialog.getByLabel('Reason for the change').fill('Whole store down.');
  await dialog.getByRole('button', { name: 'Save change' }).click();
  await expect(dialog).toBeHidden();
  const edown = brief.getByTestId('edown-answers');
  await expect(edown).toContainText('Most end users cannot reach the server software');
  await expect(edown).toContainText('380 of 400');
  await expect(edown).toContainText('Mar 9, 2026, 8:40 AM');
  await expect(edown).toContainText('Sam Example, +1 415 555 0199');
  await expect(edown).toContainText('Restarted the pricing service twice.');
});

test('every action updates the clocks it changes at once: a recorded customer update ends "overdue", a requested visit starts the arrival clock', async ({ page }) => {
  await page.clock.setFixedTime(MONDAY_0900_30);
  await logJadeRouterFault(page);

  // Twenty minutes later the first update (due after 10 minutes) is overdue.
  await page.clock.setFixedTime(MONDAY_0920_30);
  await page.reload();
  await expect(page.getByTestId('cadence-countdown')).toHaveText('Update overdue by 10m');
  await page.getByRole('button', { name: 'Record customer updated' }).click();
  // The next update is due 30 minutes after this one, shown without waiting for the minute to turn.
  await expect(page.getByTestId('cadence-countdown')).toHaveText(/^Next update due in 30m/);

  await expect(page.getByTestId('clock-state-on_site_arrival')).toHaveText('not started');
  await page.getByRole('button', { name: 'Request on-site visit' }).click();
  await expect(page.getByTestId('clock-state-on_site_arrival')).toHaveText('running');
});
