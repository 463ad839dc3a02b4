import { test, expect, type Page } from '@playwright/test';
import type { Ticket } from '../../shared/ticket';

/**
 * An open demo ticket with an owner (the first escalation level is the owner's manager) that no
 * one has escalated yet (most breached demo tickets already carry the automatic escalations their
 * breach caused); escalating by hand works for any open ticket.
 */
async function ownedUnescalatedTicket(page: Page): Promise<Ticket> {
  await page.goto('/');
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  const tickets = await page.evaluate(
    () =>
      new Promise<Ticket[]>((resolve, reject) => {
        const open = indexedDB.open('service-desk');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('tickets').objectStore('tickets').getAll();
          req.onsuccess = () => (open.result.close(), resolve(req.result as Ticket[]));
          req.onerror = () => reject(req.error);
        };
      }),
  );
  const ticket = tickets.find((t) => t.ownerId && t.escalationLevel === 0 && !['resolved', 'closed'].includes(t.status));
  if (!ticket) throw new Error('no owned, unescalated open ticket in the demo data');
  return ticket;
}

test('one click escalates to the pre-selected level and opens the draft; Undo really takes it back; the dialog stays for editing', async ({ page }) => {
  const ticket = await ownedUnescalatedTicket(page);
  await page.goto(`/#/ticket/${ticket.id}`);
  const escalated = page.locator('.timeline li[data-kind="escalated"]');
  await expect(page.getByRole('heading', { name: ticket.title })).toBeVisible();
  await expect(escalated).toHaveCount(0);

  // The level the one click uses is the one the dialog pre-selects.
  await page.getByRole('button', { name: 'Escalate…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Escalate' });
  const level = Number(await dialog.locator('[data-testid="escalation-level-option"] input:checked').inputValue());
  await dialog.getByRole('button', { name: 'Close' }).click();

  const now = page.getByTestId('escalate-now');
  await expect(now).toHaveText(/^Escalate to /);
  const [download] = await Promise.all([page.waitForEvent('download'), now.click()]);
  expect(download.suggestedFilename()).toBe(`${ticket.id}-escalation-L${level}.eml`);
  const status = page.getByTestId('escalate-now-status');
  await expect(status).toContainText('Escalated to');
  await expect(escalated).toHaveCount(1);
  await expect(page.locator('.facts').getByText('Escalation level')).toBeVisible();

  // Undo within the few seconds: the escalation is gone from the ticket, its level and the queue to sync.
  await status.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('escalate-now-status')).toContainText('taken back');
  await expect(escalated).toHaveCount(0);
  await expect(page.locator('.facts').getByText('Escalation level')).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('heading', { name: ticket.title })).toBeVisible();
  await expect(escalated).toHaveCount(0);

  // Without undo the offer goes after a few seconds and the escalation stays.
  await Promise.all([page.waitForEvent('download'), page.getByTestId('escalate-now').click()]);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Undo' })).toBeHidden({ timeout: 12_000 });
  await page.reload();
  await expect(escalated).toHaveCount(1);

  // The dialog remains for adding what was tried and the ask, at the next level.
  await page.getByRole('button', { name: 'Escalate…' }).click();
  await expect(dialog.getByLabel('What was tried')).toBeVisible();
  expect(Number(await dialog.locator('[data-testid="escalation-level-option"] input:checked').inputValue())).toBeGreaterThan(level);
});
