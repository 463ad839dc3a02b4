import { readFileSync, readdirSync } from 'node:fs';
import { test, expect, type Page } from '@playwright/test';
import { parsePolicy, type Policy } from '../../shared/policy';
import { calendarPresetSchema, computeClocks, type BusinessCalendar, type CalendarLookup } from '../../shared/sla';
import type { Ticket } from '../../shared/ticket';
import { docScreenshot } from './support/doc-screenshot';
import { storedTickets } from './support/stored';

const presetDir = new URL('../../resources/presets/', import.meta.url);
const policies = new Map<string, Policy>(
  readdirSync(new URL('policies/', presetDir)).map((f) => {
    const p = parsePolicy(JSON.parse(readFileSync(new URL(`policies/${f}`, presetDir), 'utf8')));
    return [p.id, p];
  }),
);
const calendars: CalendarLookup = Object.fromEntries(
  readdirSync(new URL('calendars/', presetDir)).map((f) => {
    const c = calendarPresetSchema.parse(JSON.parse(readFileSync(new URL(`calendars/${f}`, presetDir), 'utf8')));
    return [c.id, c.calendar];
  }),
);

const localDate = (ms: number, zone: string) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(ms);

type Pick = { ticket: Ticket; clock: string; calendarId: string; date: string; oldTarget: number; newTarget: number };

/** An open ticket whose running clock (on a real business calendar) ends on a day that, closed, moves the deadline later. */
function pickTicket(tickets: Ticket[], now: number): Pick {
  for (const ticket of tickets.filter((t) => t.status !== 'closed').sort((a, b) => a.id.localeCompare(b.id))) {
    const policy = policies.get(ticket.policyId);
    if (!policy) continue;
    for (const c of computeClocks(ticket, policy, now, calendars)) {
      if (c.state !== 'running' || c.target === undefined || c.unit === 'elapsed_minutes' || c.calendarId === 'always-open') continue;
      const cal = calendars[c.calendarId] as BusinessCalendar;
      const date = localDate(c.target, cal.timeZone);
      if (cal.overrides?.[date] !== undefined) continue;
      const after = { ...calendars, [c.calendarId]: { ...cal, overrides: { ...cal.overrides, [date]: [] } } };
      const moved = computeClocks(ticket, policy, now, after).find((x) => x.kind === c.kind);
      if (moved?.target !== undefined && moved.target > c.target) return { ticket, clock: c.kind, calendarId: c.calendarId, date, oldTarget: c.target, newTarget: moved.target };
    }
  }
  throw new Error('no open demo ticket with a running business-calendar clock');
}

/** Acts as Dana Whitfield (admin), chosen in Settings › User as a user would. */
async function becomeAdmin(page: Page): Promise<void> {
  // Without a sync server the user picks who they are in Settings › User.
  await page.goto('/#/settings/identity');
  await page.getByLabel('Acting as').selectOption('eng-dana');
  await expect(page.getByLabel('Acting as')).toHaveValue('eng-dana');
  await page.goto('/#/settings/calendars');
}

/** An agent sees the editors read-only. */
async function expectReadOnly(page: Page): Promise<void> {
  await page.goto('/#/settings/calendars');
  await expect(page.getByText('Only an administrator can change this.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Save calendar' })).toHaveCount(0);
}

const shown = (page: Page, ms: number) => page.evaluate((t) => new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeStyle: 'short' }).format(t), ms);
/** The ticket's clock table writes its targets short, so they fit beside the timeline in every language. */
const shownShort = (page: Page, ms: number) => page.evaluate((t) => new Intl.DateTimeFormat('en', { dateStyle: 'short', timeStyle: 'short' }).format(t), ms);

test('an admin adds a holiday to a calendar: the moved deadlines are listed before saving, then the ticket clock moves', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  const pick = pickTicket(await storedTickets(page), Date.now());
  const clockCell = () => page.locator(`tr[data-clock="${pick.clock}"] td`).nth(2);

  // The ticket's deadline before the change.
  await page.goto(`/#/ticket/${pick.ticket.id}`);
  await expect(clockCell()).toContainText(await shownShort(page, pick.oldTarget));

  await expectReadOnly(page);
  await becomeAdmin(page);
  await page.getByTestId('calendar-select').selectOption(pick.calendarId);
  await expect(page.getByTestId('calendar-used-by')).toContainText(policies.get(pick.ticket.policyId)?.name ?? '');

  // A holiday on the day the clock would end.
  const overrides = page.getByTestId('calendar-overrides');
  await overrides.locator('input[type="date"]').fill(pick.date);
  await overrides.getByLabel('Kind').last().selectOption('holiday');
  await overrides.getByRole('button', { name: 'Add date' }).click();
  await expect(overrides.locator(`tr[data-date="${pick.date}"]`)).toContainText('Holiday (closed)');

  const impact = page.getByTestId('deadline-impact');
  const row = impact.locator(`[data-testid="impact-row"][data-ticket-id="${pick.ticket.id}"][data-clock="${pick.clock}"]`);
  await expect(row).toBeVisible({ timeout: 15_000 });
  expect(Number(await row.getAttribute('data-delta'))).toBeCloseTo((pick.newTarget - pick.oldTarget) / 60_000, 6);
  expect(Number(await row.getAttribute('data-delta'))).toBeGreaterThan(0);
  await expect(row).toContainText(await shown(page, pick.newTarget));
  await expect(page.getByTestId('impact-summary')).toContainText('open tickets checked');
  await row.scrollIntoViewIfNeeded();
  await page.screenshot({ path: docScreenshot('admin-calendar.png') });

  await page.getByRole('button', { name: 'Save calendar' }).click();
  await expect(page.getByText("Saved. The tickets' deadlines follow the new calendar.")).toBeVisible();
  await expect(page.locator('.chip', { hasText: 'edited' })).toBeVisible();

  // The ticket's clock now ends later; the stored queue key followed.
  await page.goto(`/#/ticket/${pick.ticket.id}`);
  await expect(clockCell()).toContainText(await shownShort(page, pick.newTarget));
  await expect
    .poll(async () => ((await storedTickets(page)).find((t) => t.id === pick.ticket.id) as (Ticket & { dueAt?: number }) | undefined)?.dueAt ?? 0)
    .toBeLessThanOrEqual(pick.newTarget);
  // The edit survives a reload (stored row overlaid on the shipped calendar).
  await page.reload();
  await expect(clockCell()).toContainText(await shownShort(page, pick.newTarget));
});

test('an admin edits a policy: per-field errors refuse the save, the preview shows the sample deadlines', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  await becomeAdmin(page);
  await page.getByRole('link', { name: 'Policies' }).click();
  await page.getByTestId('policy-select').selectOption('business-hours-3-severity');
  const preview = page.getByTestId('policy-preview');
  await expect(preview).toContainText('First response');

  const thresholds = page.getByLabel('Warning thresholds (% of target)');
  await thresholds.fill('75, 50');
  await page.getByRole('button', { name: 'Save policy' }).click();
  await expect(page.getByTestId('policy-errors')).toContainText('Each warning threshold must be higher than the one before');
  await thresholds.fill('50, 75');
  await expect(page.getByTestId('policy-errors')).toHaveCount(0);

  // Severity 1 answered within 60 business minutes (a more severe level may be faster, never slower):
  // the preview follows at once.
  await page.getByLabel('First response target').nth(0).fill('60');
  await preview.locator('..').getByLabel('Severity', { exact: true }).selectOption('1');
  await expect(preview.locator('tr', { hasText: 'First response' })).toContainText('1h');
  await preview.evaluate((el) => el.scrollIntoView({ block: 'end' }));
  await page.screenshot({ path: docScreenshot('admin-policy.png') });
  await page.getByRole('button', { name: 'Save policy' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
  await expect(page.locator('.chip', { hasText: 'edited' })).toBeVisible();
});
