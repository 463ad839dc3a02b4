import { test, expect, type Page } from '@playwright/test';
import { killBrowser, launchOnProfile, makeProfileDir, type KillableBrowser } from './support/killable-browser';
import { storedRows } from './support/stored';

// Each test runs its own browser on a persistent profile and kills it with SIGKILL (as a crash or
// a dead battery would: no unload, nothing flushed), then starts it again on the same profile.
test.setTimeout(180_000);

type OutboxRow = { id: number; name: string; args: { ticket?: { id: string; title: string }; ticketId?: string; text?: string; action?: { type: string; text?: string } } };

const ticketFields = {
  title: 'Core switch drops packets at night',
  contactName: 'Pat Example',
  contactEmail: 'pat@example.com',
  contactPhone: '+359 2 555 0100',
  productLine: 'edge-routers',
  product: 'ER-9000 Chassis',
  productVersion: '7.2.1',
  serviceId: 'SVC-7788',
  problemStartedAt: '2026-01-05T08:00',
  description: 'Since the firmware update the core switch drops 5 % of packets between 01:00 and 03:00.',
};

const field = (page: Page, name: string) => page.locator(`[data-field="${name}"] :is(input, select, textarea)`);

async function openApp(b: KillableBrowser, hash = ''): Promise<void> {
  await b.page.goto(`/${hash}`);
  await expect(b.page.locator('.shell')).toBeVisible();
}

test('a new ticket survives a kill 0.5 s after the last keystroke with every field, and a kill 100 ms after Create never makes a second ticket', async () => {
  const profile = makeProfileDir();
  let b = await launchOnProfile(profile.dir);
  try {
    await openApp(b);
    await expect(b.page.getByTestId('queue-row').first()).toBeVisible();
    await b.page.getByRole('button', { name: 'New ticket' }).click();
    const page = b.page;
    await field(page, 'customerId').selectOption({ label: 'Balkan Telecom Services' });
    const customerId = await field(page, 'customerId').inputValue();
    await field(page, 'channel').selectOption('email');
    // A degradation: the impact class gives the severity (major).
    await field(page, 'impact').selectOption('degradation');
    const impact = await field(page, 'impact').inputValue();
    const severity = await field(page, 'severity').inputValue();
    expect(severity).toBe('major');
    await field(page, 'urgency').selectOption('high');
    await field(page, 'intermittent').selectOption('intermittent');
    for (const [name, value] of Object.entries(ticketFields)) {
      if (name === 'description') continue;
      // Product line and product are chosen from the catalogue.
      if (name === 'productLine' || name === 'product') await field(page, name).selectOption(value);
      else await field(page, name).fill(value);
    }
    // The last field is typed key by key; the browser dies half a second after the last key.
    await field(page, 'description').click();
    await page.keyboard.type(ticketFields.description, { delay: 5 });
    await page.waitForTimeout(500);
    await killBrowser(b);

    b = await launchOnProfile(profile.dir);
    await openApp(b, '#/new');
    const restored = b.page;
    await expect(restored.getByTestId('draft-restored')).toContainText(/Restored your unsaved ticket from \d{1,2}:\d{2}/);
    await expect(field(restored, 'customerId')).toHaveValue(customerId);
    await expect(field(restored, 'customerId').locator('option:checked')).toHaveText('Balkan Telecom Services');
    await expect(field(restored, 'severity')).toHaveValue(severity);
    await expect(field(restored, 'channel')).toHaveValue('email');
    await expect(field(restored, 'impact')).toHaveValue(impact);
    await expect(field(restored, 'urgency')).toHaveValue('high');
    await expect(field(restored, 'intermittent')).toHaveValue('intermittent');
    for (const [name, value] of Object.entries(ticketFields)) await expect(field(restored, name)).toHaveValue(value);

    // Create, and the browser dies 100 ms later.
    await restored.getByRole('button', { name: 'Create ticket' }).click();
    await restored.waitForTimeout(100);
    await killBrowser(b);

    b = await launchOnProfile(profile.dir);
    await openApp(b, '#/new');
    const again = b.page;
    await expect(field(again, 'title')).toBeVisible();
    // Either the create made it (and its draft went with it) or neither did: then saving opens the one ticket.
    if ((await again.getByTestId('draft-restored').count()) > 0) {
      await expect(field(again, 'title')).toHaveValue(ticketFields.title);
      await again.getByRole('button', { name: 'Create ticket' }).click();
    } else {
      await expect(field(again, 'title')).toHaveValue('');
      await again.goto(`/#/ticket/${encodeURIComponent((await storedRows<OutboxRow>(again, 'outbox')).find((e) => e.name === 'ticket.create@1')?.args.ticket?.id ?? '')}`);
    }
    await expect(again.getByRole('heading', { name: ticketFields.title })).toBeVisible();
    const creates = (await storedRows<OutboxRow>(again, 'outbox')).filter((e) => e.name === 'ticket.create@1');
    expect(creates.map((e) => e.args.ticket?.title)).toEqual([ticketFields.title]);
    expect(await storedRows(again, 'drafts')).toEqual([]);
    await again.getByRole('button', { name: 'New ticket' }).click();
    await expect(field(again, 'title')).toHaveValue('');
    await expect(again.getByTestId('draft-restored')).toHaveCount(0);
  } finally {
    await killBrowser(b).catch(() => undefined);
    profile.remove();
  }
});

test('20 notes typed at 20 ms a key with Ctrl+Enter between them are saved exactly and in order; a half-typed one survives a kill', async () => {
  const profile = makeProfileDir();
  let b = await launchOnProfile(profile.dir);
  try {
    await openApp(b);
    const row = b.page.getByTestId('queue-row').first();
    const ticketId = (await row.getAttribute('data-ticket-id')) ?? '';
    await row.click();
    const note = b.page.getByLabel('Note', { exact: true });
    await note.click();
    const texts = Array.from({ length: 20 }, (_, i) => `typed note ${i + 1}`);
    for (const text of texts) {
      await b.page.keyboard.type(text, { delay: 20 });
      await b.page.keyboard.press('Control+Enter');
    }
    await b.page.keyboard.type('half a thought', { delay: 20 });
    await expect(b.page.locator('.event-note').filter({ hasText: 'typed note 20' })).toHaveCount(1);
    await expect(b.page.locator('.note-form [role=alert]')).toHaveCount(0);
    await b.page.waitForTimeout(500);
    await killBrowser(b);

    b = await launchOnProfile(profile.dir);
    await openApp(b, `#/ticket/${encodeURIComponent(ticketId)}`);
    const page = b.page;
    await expect(page.getByTestId('draft-restored')).toContainText('Restored your unsaved note from');
    await expect(page.getByLabel('Note', { exact: true })).toHaveValue('half a thought');
    const queued = (await storedRows<OutboxRow>(page, 'outbox')).filter((e) => e.name === 'timeline.addNote@1').sort((x, y) => x.id - y.id);
    expect(queued.map((e) => e.args.text)).toEqual(texts);
    expect(new Set(queued.map((e) => e.args.ticketId))).toEqual(new Set([ticketId]));
    const shown = await page.locator('.event-note').filter({ hasText: /typed note \d+/ }).allTextContents();
    expect(shown.map((s) => /typed note \d+/.exec(s)?.[0])).toEqual(texts);
  } finally {
    await killBrowser(b).catch(() => undefined);
    profile.remove();
  }
});

test('an edited customer update and a half-written escalation come back after a kill; recording the update removes its draft', async () => {
  const profile = makeProfileDir();
  let b = await launchOnProfile(profile.dir);
  try {
    await openApp(b);
    const row = b.page.getByTestId('queue-row').first();
    const ticketId = (await row.getAttribute('data-ticket-id')) ?? '';
    await row.click();
    const page = b.page;
    await page.getByRole('button', { name: 'Write update' }).click();
    const subject = page.getByLabel('Subject');
    await expect(subject).not.toHaveValue('');
    await subject.press('End');
    await page.keyboard.type(' (call at 15:00)', { delay: 10 });
    const editedSubject = await subject.inputValue();
    const body = await page.getByLabel('Message').inputValue();

    await page.getByRole('button', { name: 'Escalate…' }).click();
    const dialog = page.getByRole('form', { name: 'Escalate the ticket' });
    await dialog.getByLabel('What was tried').click();
    await page.keyboard.type('Rebooted both controllers, swapped the uplink cable', { delay: 10 });
    await page.waitForTimeout(500);
    await killBrowser(b);

    b = await launchOnProfile(profile.dir);
    await openApp(b, `#/ticket/${encodeURIComponent(ticketId)}`);
    const again = b.page;
    await expect(again.getByTestId('draft-restored').filter({ hasText: 'Restored your unsaved customer update from' })).toBeVisible();
    await expect(again.getByLabel('Subject')).toHaveValue(editedSubject);
    await expect(again.getByLabel('Message')).toHaveValue(body);
    await again.getByRole('button', { name: 'Escalate…' }).click();
    const restored = again.getByRole('form', { name: 'Escalate the ticket' });
    await expect(restored.getByTestId('draft-restored')).toContainText('Restored your unsaved escalation text from');
    await expect(restored.getByLabel('What was tried')).toHaveValue('Rebooted both controllers, swapped the uplink cable');

    // Discard drops the escalation text; recording the update removes its draft with the record.
    await restored.getByRole('button', { name: 'Discard' }).click();
    await expect(restored.getByLabel('What was tried')).toHaveValue('');
    await restored.getByRole('button', { name: 'Close' }).click();
    await again.getByRole('button', { name: 'Record customer updated' }).click();
    await expect(again.locator('.event-customer_update').last()).toContainText('(call at 15:00)');
    await expect.poll(async () => (await storedRows<{ key: string }>(again, 'drafts')).map((d) => d.key)).toEqual([]);
  } finally {
    await killBrowser(b).catch(() => undefined);
    profile.remove();
  }
});
