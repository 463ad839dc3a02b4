import { readFile } from 'node:fs/promises';
import { test, expect, type Page } from '@playwright/test';
import PostalMime from 'postal-mime';
import { presetConfig } from '../../shared/config/preset-config';
import { escalationMatrixForTicket } from '../../shared/contract';
import { resolveEscalationRecipients } from '../../shared/escalation';
import { demoEngineers } from '../../shared/demo';
import type { Ticket } from '../../shared/ticket';
import { docScreenshot } from './support/doc-screenshot';
import { storedTickets } from './support/stored';

const config = presetConfig();
/** The matrix the app escalates this ticket by: its contract's, else its policy's. */
const matrixOf = (t: Ticket) => {
  const m = escalationMatrixForTicket(Object.values(config.escalationMatrices), t, config);
  if (!m) throw new Error(`no escalation matrix for ${t.id}`);
  return m;
};

/** The app's own tickets with these ids: the expected recipients come from the data, not from the UI. */
const storedTicketsWithIds = async (page: Page, ids: string[]): Promise<Ticket[]> => (await storedTickets(page)).filter((t) => ids.includes(t.id));

test('escalates a breached ticket with one click: the .eml has the matrix recipients and the ticket id, the timeline keeps it across a reload', async ({ page }) => {
  await page.goto('/#/queue/breached');
  await expect(page.getByRole('heading', { name: 'Breached' })).toBeVisible();
  const rows = page.getByTestId('queue-row');
  await expect(rows.first()).toBeVisible();
  const ids = (await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-ticket-id')))).filter((x): x is string => x !== null);
  // M1 is the owner's manager: pick a breached ticket that has an owner.
  const candidates = (await storedTicketsWithIds(page, ids)).filter((t) => t.ownerId);
  const ticket = candidates[0];
  if (!ticket) throw new Error(`no owned ticket among the breached ones: ${ids.join(', ')}`);

  await page.locator(`[data-ticket-id="${ticket.id}"]`).click();
  await expect(page).toHaveURL(new RegExp(`#/ticket/${ticket.id}$`));
  await page.getByRole('button', { name: 'Escalate…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Escalate' });
  await expect(dialog).toBeVisible();

  const level = Number(await dialog.locator('[data-testid="escalation-level-option"] input:checked').inputValue());
  expect(level).toBeGreaterThan(ticket.escalationLevel);
  const expected = resolveEscalationRecipients(ticket, level, matrixOf(ticket), demoEngineers);
  expect(expected.missing).toBeUndefined();
  await expect(dialog.getByTestId('escalation-to')).toHaveText(expected.to.join(', '));

  await dialog.getByLabel('What was tried').fill('Restarted the service and collected logs.');
  await dialog.getByLabel('The ask').fill('Please assign a senior engineer today.');
  await dialog.screenshot({ path: docScreenshot('escalation.png') });

  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Escalate and open mail draft' }).click()]);
  expect(download.suggestedFilename()).toBe(`${ticket.id}-escalation-L${level}.eml`);
  const eml = await readFile(await download.path());
  const mail = await PostalMime.parse(eml);
  expect(mail.to?.map((a) => a.address)).toEqual(expected.to);
  expect((mail.cc ?? []).map((a) => a.address)).toEqual(expected.cc);
  expect(mail.subject).toContain(ticket.id);
  expect(mail.text).toContain('Please assign a senior engineer today.');
  await expect(dialog.getByTestId('escalation-status')).toContainText('Escalation recorded');
  await dialog.getByTestId('escalation-status').scrollIntoViewIfNeeded();
  await dialog.screenshot({ path: docScreenshot('escalation-sent.png') });

  await dialog.getByRole('button', { name: 'Close' }).click();
  const event = page.locator('.timeline li[data-kind="escalated"]').filter({ hasText: 'Please assign a senior engineer today.' });
  await expect(event).toHaveCount(1);
  await expect(event).toContainText(expected.to[0] ?? '');

  await page.reload();
  await expect(page.locator('.timeline li[data-kind="escalated"]').filter({ hasText: 'Please assign a senior engineer today.' })).toHaveCount(1);
});
