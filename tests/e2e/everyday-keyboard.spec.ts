import { test, expect, type Page } from '@playwright/test';
import { storedTickets } from './support/stored';

/** The keys the help lists under one heading, as written there. */
async function listedKeys(page: Page, group: 'shortcuts-here' | 'shortcuts-queue' | 'shortcuts-everywhere'): Promise<string[]> {
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toBeVisible();
  const keys = await help.getByTestId(group).locator('tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-keys') ?? ''));
  await page.keyboard.press('Escape');
  await expect(help).toBeHidden();
  return keys;
}

/** Presses a listed sequence ("g m", "b a", "Shift+E" is written "E"). */
async function pressKeys(page: Page, keys: string): Promise<void> {
  for (const k of keys.split(' ')) await page.keyboard.press(k === 'Esc' ? 'Escape' : /^[A-Z]$/.test(k) ? `Shift+${k}` : k);
}

const blur = (page: Page) => page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

test('the palette finds a ticket by id and by title and opens it; every key the help lists on a ticket does what it says; Esc leaves the ticket', async ({ page }) => {
  await page.goto('/#/queue/all');
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  // An open, owned ticket not escalated yet, so the one-click escalation ("e") has a next level.
  const ticket = (await storedTickets(page)).find((t) => t.ownerId && t.escalationLevel === 0 && !['resolved', 'confirmed', 'closed'].includes(t.status));
  if (!ticket) throw new Error('no owned, unescalated open ticket in the demo data');
  const id = ticket.id;

  // By id: Enter opens it.
  await page.keyboard.press('Control+k');
  const palette = page.getByRole('dialog', { name: 'Command palette' });
  await palette.getByRole('textbox').fill(id);
  await expect(palette.getByRole('option').first()).toContainText(`Open ${id}`);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/ticket/${id}$`));
  const title = (await page.locator('#ticket-title').textContent()) ?? '';

  // By title words: the ticket is among the matches.
  await page.keyboard.press('Control+k');
  await palette.getByRole('textbox').fill(title.split(' ').slice(0, 2).join(' '));
  await expect(palette.getByRole('option').filter({ hasText: `Open ${id} — ${title}` })).toHaveCount(1);
  await page.keyboard.press('Escape');
  // The ticket's actions are palette entries too.
  await page.keyboard.press('Control+k');
  await palette.getByRole('textbox').fill('severity');
  await expect(palette.getByRole('option').filter({ hasText: 'Change this ticket’s severity' })).toBeVisible();
  await page.keyboard.press('Escape');

  // Every key listed for this screen does something; the test knows each one, so an untested key fails.
  const effects: Record<string, () => Promise<void>> = {
    a: async () => expect(page.locator('#ticket-owner')).toBeFocused(),
    s: async () => expect(page.locator('#ticket-status-actions button').first()).toBeFocused(),
    n: async () => expect(page.locator('#ticket-note-text')).toBeFocused(),
    v: async () => {
      await expect(page.getByRole('dialog', { name: 'Change severity' })).toBeVisible();
      // Esc inside the dialog closes the dialog, not the ticket.
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog', { name: 'Change severity' })).toBeHidden();
      await expect(page).toHaveURL(new RegExp(`#/ticket/${id}$`));
    },
    E: async () => {
      await expect(page.getByRole('dialog', { name: 'Escalate' })).toBeVisible();
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog', { name: 'Escalate' })).toBeHidden();
    },
    e: async () => expect(page.getByTestId('escalate-now-status')).toContainText('Escalated to'),
    Esc: async () => expect(page).toHaveURL(/#\/queue\/all$/),
  };
  const here = await listedKeys(page, 'shortcuts-here');
  expect(here.sort()).toEqual(Object.keys(effects).sort());
  const order = here.filter((k) => k !== 'Esc').concat('Esc');
  for (const keys of order) {
    await blur(page);
    if (keys === 'e') await Promise.all([page.waitForEvent('download'), pressKeys(page, keys)]);
    else await pressKeys(page, keys);
    await effects[keys]?.();
  }
});

test('in a queue every listed key works, bulk actions included; every key listed for everywhere navigates or opens what it names', async ({ page }) => {
  await page.goto('/#/queue/all');
  const rows = page.getByTestId('queue-row');
  await expect(rows.first()).toBeVisible();
  expect(await listedKeys(page, 'shortcuts-queue')).toEqual(['j / ↓', 'k / ↑', 'Enter', 'x', '/']);
  await page.keyboard.press('j');
  await expect(rows.nth(1)).toHaveClass(/focused/);
  await page.keyboard.press('k');
  await expect(rows.nth(0)).toHaveClass(/focused/);
  await page.keyboard.press('x');
  await expect(rows.nth(0)).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('j');
  await page.keyboard.press('x');
  const bulk = page.getByRole('form', { name: 'Bulk actions' });
  await expect(bulk).toContainText('2 selected');

  const bulkEffects: Record<string, () => Promise<void>> = {
    'b a': async () => expect(bulk.getByLabel('Owner')).toBeFocused(),
    'b s': async () => expect(bulk.getByLabel('Move to status')).toBeFocused(),
    'b v': async () => expect(bulk.getByLabel('Set severity')).toBeFocused(),
    'b e': async () => expect(page.getByRole('form', { name: 'Escalate the selected tickets' }).getByLabel('The ask')).toBeFocused(),
  };
  expect((await listedKeys(page, 'shortcuts-here')).sort()).toEqual(Object.keys(bulkEffects).sort());
  for (const [keys, effect] of Object.entries(bulkEffects)) {
    await blur(page);
    await pressKeys(page, keys);
    await effect();
  }
  await blur(page);
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox')).toBeFocused();
  await blur(page);
  const focusedId = await page.locator('.queue-row.focused').getAttribute('data-ticket-id');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`#/ticket/${focusedId}$`));

  const routes: Record<string, RegExp> = {
    'g m': /#\/queue\/my$/, 'g u': /#\/queue\/unassigned$/, 'g s': /#\/queue\/breaching_soon$/, 'g b': /#\/queue\/breached$/, 'g a': /#\/queue\/all$/,
    c: /#\/new$/, 'g d': /#\/dispatch$/, 'g v': /#\/visits$/, 'g r': /#\/reports$/, 'g ,': /#\/settings$/,
  };
  const everywhere = await listedKeys(page, 'shortcuts-everywhere');
  expect(everywhere.sort()).toEqual(['?', 'Ctrl/⌘ K', ...Object.keys(routes)].sort());
  for (const [keys, url] of Object.entries(routes)) {
    await blur(page);
    await pressKeys(page, keys);
    await expect(page).toHaveURL(url);
  }
  await blur(page);
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('dialog', { name: 'Command palette' })).toBeVisible();
});
