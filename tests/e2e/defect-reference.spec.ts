import { readFileSync } from 'node:fs';
import { test, expect } from '@playwright/test';
import PostalMime from 'postal-mime';
import { presetConfig } from '../../shared/config/preset-config';
import { escalationMatrixForTicket } from '../../shared/contract';
import { resolveEscalationRecipients } from '../../shared/escalation';
import { demoEngineers } from '../../shared/demo';
import { policySchema } from '../../shared/policy';
import { storedTickets } from './support/stored';

const config = presetConfig();
const matrices = Object.values(config.escalationMatrices);
const edown = policySchema.parse(JSON.parse(readFileSync(new URL('../../resources/presets/policies/enterprise-edown.json', import.meta.url), 'utf8')));

test('"at M2 the escalation references the SPR raised": escalating to M2 without the SPR is refused with the reason; once set on the ticket the escalation goes through and its mail names the SPR', async ({ page }) => {
  const m2 = edown.defectReference?.requiredFromLevel;
  if (m2 === undefined) throw new Error('the E-Down policy no longer requires an SPR at M2');
  await page.goto('/');
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  // An open E-Down-policy ticket below M2 whose M2 (the owner's second-level manager) can be reached, without an SPR yet.
  const ticket = (await storedTickets(page)).find(
    (t) => t.policyId === edown.id && !['resolved', 'confirmed', 'closed'].includes(t.status) && t.escalationLevel < m2 && !t.defectReference && ((m) => m !== undefined && resolveEscalationRecipients(t, m2, m, demoEngineers).missing === undefined)(escalationMatrixForTicket(matrices, t, config)),
  );
  if (!ticket) throw new Error('the demo data has no open E-Down-policy ticket that M2 can be reached for');
  await page.goto(`/#/ticket/${ticket.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  const panel = page.getByTestId('defect-panel');
  await expect(panel).toContainText(`before escalating to level ${m2}`);
  await expect(panel.getByTestId('defect-reference')).toHaveText('None raised yet.');

  const escalations = page.locator('.timeline li[data-kind="escalated"]');
  const before = await escalations.count();
  await page.getByRole('button', { name: 'Escalate…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Escalate' });
  await dialog.locator(`[data-testid="escalation-level-option"][data-level="${m2}"] input`).check();
  await dialog.getByRole('button', { name: 'Escalate and open mail draft' }).click();
  await expect(dialog.getByTestId('escalation-status')).toContainText(`Escalating to level ${m2} or above needs the SPR/defect reference`);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(escalations).toHaveCount(before);

  await panel.getByRole('button', { name: 'Add SPR/defect…' }).click();
  await panel.getByLabel('SPR or defect id').fill('SPR 2241398');
  await panel.getByRole('button', { name: 'Save' }).click();
  await expect(panel.getByTestId('defect-reference')).toHaveText('SPR 2241398');
  await expect(page.locator('.timeline li[data-kind="defect_reference"]')).toContainText('SPR/defect reference set: SPR 2241398');

  await page.getByRole('button', { name: 'Escalate…' }).click();
  await dialog.locator(`[data-testid="escalation-level-option"][data-level="${m2}"] input`).check();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Escalate and open mail draft' }).click()]);
  const mail = await PostalMime.parse(readFileSync(await download.path()));
  expect(mail.text).toContain('SPR/defect: SPR 2241398');
  await expect(dialog.getByTestId('escalation-status')).toContainText('Escalation recorded');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(escalations).toHaveCount(before + 1);
  await page.reload();
  await expect(page.getByTestId('defect-panel').getByTestId('defect-reference')).toHaveText('SPR 2241398');
});

test('Reports count the deferral by agreement in the demo data, with who agreed in its table', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  await page.goto('/#/reports');
  await expect(page.getByTestId('reports-page')).toHaveAttribute('data-computing', 'no', { timeout: 60_000 });
  const card = page.getByTestId('report-card-deferrals');
  await expect(card).toContainText(/Deferrals: [1-9]\d* · tickets: [1-9]\d* · waiting now: [1-9]/);
  await card.getByRole('button', { name: 'Table' }).click();
  await expect(card.getByRole('table')).toContainText('Pat Example');
});
