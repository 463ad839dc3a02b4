import { expect, type Locator, type Page } from '@playwright/test';

/**
 * Logs the dispatch specs' severity-2 router fault for Jade River Bank (an on-site policy customer)
 * through the intake form and returns its id and the id of the fault visit the app will queue.
 */
export async function logJadeRouterFault(page: Page): Promise<{ ticketId: string; visitId: string }> {
  await page.goto('/#/new');
  await page.getByLabel('Customer', { exact: true }).selectOption({ label: 'Jade River Bank' });
  await page.getByLabel('Contact person').fill('Pat Example');
  await page.getByLabel('Contact e-mail').fill('pat@jade.example.org');
  await page.getByLabel('Contact phone').fill('+86 21 5555 0100');
  await page.getByLabel('Short description').fill('Core router reboots every hour');
  await page.getByLabel('Severity').selectOption('2');
  await page.getByLabel('Product line').selectOption('edge-routers');
  await page.getByLabel('Product', { exact: true }).selectOption('ER-4400');
  await page.getByLabel('Company').fill('Jade River Bank');
  await page.getByLabel('Contract / customer no.').fill('C-4001');
  await page.getByLabel('Product serial').fill('ER44-000123');
  await page.getByRole('button', { name: 'Create ticket' }).click();
  await expect(page).toHaveURL(/#\/ticket\//);
  const ticketId = decodeURIComponent(page.url().split('#/ticket/')[1] ?? '');
  return { ticketId, visitId: `visit-${ticketId}-onsite` };
}

/** On the field engineer's visit: files the report of the router repair and the customer's confirmation. */
export async function reportAndConfirmRouterRepair(detail: Locator): Promise<void> {
  await detail.getByLabel('What was found').fill('Power supply B failing under load.');
  await detail.getByLabel('What was done').fill('Replaced power supply B, ran a 30-minute load test.');
  await detail.getByRole('button', { name: 'Save report' }).click();
  await expect(detail.getByText('Report saved.')).toBeVisible();
  await detail.getByLabel('Name of the person confirming').fill('Lee Example');
  await detail.getByLabel('Confirmation text').fill('Router stable since the repair.');
  await detail.getByLabel('The customer confirms the work was done').check();
  await detail.getByRole('button', { name: 'Save confirmation' }).click();
  await expect(detail.getByText('Confirmed by Lee Example.')).toBeVisible();
}

/**
 * On the dispatch board on Tuesday 10:00: the fault visit of the severity-2 ticket logged on Monday
 * is queued by itself, its reason and its 3-working-day arrival deadline shown. Returns the item.
 */
export async function expectQueuedFaultVisit(page: Page, visitId: string, deadline: number): Promise<Locator> {
  const item = page.locator(`[data-testid="unscheduled-visit"][data-visit-id="${visitId}"]`);
  await expect(item).toBeVisible();
  await expect(item.getByTestId('visit-reason')).toHaveText('Online window expired');
  await expect(item.getByTestId('visit-deadline')).toHaveAttribute('data-deadline', String(deadline));
  await expect(item.getByTestId('visit-deadline')).toContainText('Arrive by Mar 12, 2026, 5:00');
  await expect(item.getByTestId('visit-countdown')).toHaveText('2d 7h left');
  return item;
}

/** Books a queued visit with the form for Wednesday 09:00–11:00 with 30 minutes of travel; no clash expected. */
export async function bookWednesdayMorning(page: Page, item: Locator, engineerId: string): Promise<void> {
  await item.getByRole('button', { name: 'Book…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Book visit' });
  await dialog.getByLabel('Engineer').selectOption(engineerId);
  await dialog.getByLabel('Start', { exact: true }).fill('2026-03-11T09:00');
  await dialog.getByLabel('Duration (minutes)').fill('120');
  await dialog.getByLabel('Travel buffer (minutes)').fill('30');
  await expect(dialog.getByTestId('booking-findings')).toContainText('No clashes');
  await dialog.getByRole('button', { name: 'Book', exact: true }).click();
  await expect(dialog).toBeHidden();
}
