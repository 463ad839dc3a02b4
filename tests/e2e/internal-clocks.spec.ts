import { test, expect, type Page } from '@playwright/test';
import { storedTickets } from './support/stored';

const RECEPTION = 'Receptionist tells the specialist (5 min)';

/** How many receptionist hand-offs the Reports screen counts (met, and met + breached). */
async function receptionInReports(page: Page): Promise<{ met: number; counted: number }> {
  await page.goto('/#/reports');
  await expect(page.getByTestId('reports-page')).toHaveAttribute('data-computing', 'no');
  const card = page.getByTestId('report-card-internal-steps');
  await expect(card).toContainText(RECEPTION);
  const m = new RegExp(`${RECEPTION.replace(/[()]/g, '\\$&')}: (\\d+)/(\\d+)`).exec((await card.textContent()) ?? '');
  return { met: Number(m?.[1]), counted: Number(m?.[2]) };
}

test("internal steps: recording the receptionist's hand-off starts the specialist's clock, names whose turn it is, and the report counts it", async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  const before = await receptionInReports(page);
  const ticket = (await storedTickets(page)).find((t) => t.title === 'Backup job fails on the ore-grade database');
  if (!ticket) throw new Error('the demo data has no call waiting for the receptionist hand-off');

  await page.goto(`/#/ticket/${ticket.id}`);
  const panel = page.getByTestId('internal-steps');
  await expect(panel.getByTestId('internal-turn')).toContainText('Receptionist');
  await expect(panel.locator('li[data-step="reception_to_specialist"]')).toHaveAttribute('data-state', /running|breached/);

  await panel.getByLabel('Hand over to (Customer-service specialist)').selectOption({ label: 'Sam Okafor' });
  await panel.getByRole('button', { name: `Record hand-off: ${RECEPTION}` }).click();
  await expect(panel.getByTestId('internal-turn')).toContainText('Customer-service specialist — Sam Okafor');
  const next = panel.locator('li[data-step="specialist_to_manager"]');
  await expect(next).toHaveAttribute('data-state', 'running');
  await expect(next).toContainText('min left');
  await expect(panel.locator('li[data-step="reception_to_specialist"]')).toHaveAttribute('data-state', /met|breached/);
  await expect(page.locator('.timeline li[data-kind="internal_step"]')).toContainText(`Hand-off recorded: ${RECEPTION}; next turn: Sam Okafor`);

  // Recording it again is impossible: the button now offers the specialist's hand-off.
  await expect(panel.getByRole('button', { name: /Record hand-off: Specialist tells the manager/ })).toBeVisible();

  const after = await receptionInReports(page);
  expect(after.counted).toBe(before.counted + 1);
});
