import { test, expect } from '@playwright/test';
import { killBrowser, launchOnProfile, makeProfileDir, type KillableBrowser } from './support/killable-browser';
import { actAs, storedRows } from './support/stored';
import { bookWednesdayMorning, expectQueuedFaultVisit, logJadeRouterFault } from './support/jade-ticket';

// Shanghai times, as the dispatcher and the engineer (both in Shanghai) see them.
const MONDAY_0900 = Date.UTC(2026, 2, 9, 1, 0); // ticket logged
const TUESDAY_1000 = Date.UTC(2026, 2, 10, 2, 0); // the fault visit is queued by itself
const WEDNESDAY_0905 = Date.UTC(2026, 2, 11, 1, 5); // the engineer arrives
const THURSDAY_1700 = Date.UTC(2026, 2, 12, 9, 0); // the arrival deadline
const inShanghai = { timezoneId: 'Asia/Shanghai' };

// A field engineer on site without network; the laptop dies (SIGKILL of the browser) mid-sentence.
test.setTimeout(180_000);

type OutboxRow = { id: number; name: string; args: { visitId?: string; action?: { type: string; text?: string } } };

async function openMyVisit(b: KillableBrowser, visitId: string) {
  await b.page.clock.setFixedTime(WEDNESDAY_0905);
  await b.page.goto('/#/visits');
  // The app reads who uses the device when it starts.
  await b.page.reload();
  await b.context.setOffline(true);
  await b.page.locator(`[data-testid="my-visit"][data-visit-id="${visitId}"]`).click();
  return b.page.getByTestId('visit-detail');
}

test('offline, the visit report and work notes typed on site survive the laptop dying mid-sentence', async () => {
  const profile = makeProfileDir();
  let b = await launchOnProfile(profile.dir, inShanghai);
  try {
    // A dispatcher logs a router fault on Monday; on Tuesday its visit is queued and booked for Kai on Wednesday.
    await b.page.clock.setFixedTime(MONDAY_0900);
    const { visitId } = await logJadeRouterFault(b.page);
    await b.page.clock.setFixedTime(TUESDAY_1000);
    await b.page.goto('/#/dispatch');
    await b.page.reload();
    await bookWednesdayMorning(b.page, await expectQueuedFaultVisit(b.page, visitId, THURSDAY_1700), 'eng-kai');
    await actAs(b.page, { userId: 'eng-kai', role: 'field_engineer', region: 'apac-cjks' });

    // Kai, on site with no network.
    let detail = await openMyVisit(b, visitId);
    await detail.getByRole('button', { name: 'Set off (en route)' }).click();
    await detail.getByRole('button', { name: 'Arrived on site' }).click();
    await expect(detail.getByLabel('What was found')).toBeEnabled();

    // Three work notes at full speed, then a fourth half-typed.
    const workNote = detail.getByLabel('Work note', { exact: true });
    await workNote.click();
    const notes = ['Fan tray removed', 'Dust filter clogged', 'Replaced filter'];
    for (const n of notes) {
      await b.page.keyboard.type(n, { delay: 20 });
      await b.page.keyboard.press('Control+Enter');
    }
    await b.page.keyboard.type('Waiting for the', { delay: 20 });
    await expect(detail.locator('.work-notes li').filter({ hasText: 'Replaced filter' })).toHaveCount(1);

    await detail.getByLabel('What was found').click();
    await b.page.keyboard.type('Fan tray B full of dust, fan 2 stalls at start.', { delay: 10 });
    await detail.getByLabel('What was done').click();
    await b.page.keyboard.type('Cleaned the tray and replaced the', { delay: 10 });
    await b.page.waitForTimeout(500);
    await killBrowser(b);

    b = await launchOnProfile(profile.dir, inShanghai);
    detail = await openMyVisit(b, visitId);
    await expect(detail.getByLabel('What was found')).toHaveValue('Fan tray B full of dust, fan 2 stalls at start.');
    await expect(detail.getByLabel('What was done')).toHaveValue('Cleaned the tray and replaced the');
    await expect(detail.getByTestId('draft-restored').filter({ hasText: 'Restored your unsaved visit report from' })).toBeVisible();
    await expect(detail.getByLabel('Work note', { exact: true })).toHaveValue('Waiting for the');
    await expect(detail.getByTestId('draft-restored').filter({ hasText: 'Restored your unsaved work note from' })).toBeVisible();
    const queued = (await storedRows<OutboxRow>(b.page, 'outbox')).filter((e) => e.args.visitId === visitId && e.args.action?.type === 'add_work_note').sort((x, y) => x.id - y.id);
    expect(queued.map((e) => e.args.action?.text)).toEqual(notes);

    // Finishing the sentence and saving removes the draft with the save; it does not come back.
    await detail.getByLabel('What was done').press('End');
    await b.page.keyboard.type(' fan.', { delay: 10 });
    await detail.getByRole('button', { name: 'Save report' }).click();
    await expect(detail.getByText('Report saved')).toBeVisible();
    await expect.poll(async () => (await storedRows<{ key: string }>(b.page, 'drafts')).map((d) => d.key)).toEqual([`visitNote:${visitId}`]);
  } finally {
    await killBrowser(b).catch(() => undefined);
    profile.remove();
  }
});
