import { test, expect, type Page } from '@playwright/test';

type Captured = { title: string; body: string };
type StoredWatch = { entries: Array<{ ticketId: string; clock: string; threshold: number; at: number }>; fired: Array<[string, number]> };

const clockNames: Record<string, string> = {
  first_response: 'First response',
  update_cadence: 'Customer update',
  online_resolution: 'Online resolution',
  on_site_arrival: 'On-site arrival',
  resolution: 'Resolution',
  rfo: 'RFO report',
};

// The real Web Notifications API still shows each notification; the wrapper only remembers
// what was constructed so the test can read it and click it (headless Chromium has no toast to click).
const captureNotifications = () => {
  const Real = window.Notification;
  const seen: Array<{ title: string; body: string; n: Notification }> = [];
  class Capturing extends Real {
    constructor(title: string, options?: NotificationOptions) {
      super(title, options);
      seen.push({ title, body: options?.body ?? '', n: this });
    }
    static override get permission() {
      return Real.permission;
    }
    static override requestPermission() {
      return Real.requestPermission();
    }
  }
  Object.assign(window, { Notification: Capturing, __notifications: seen });
};

const notifications = (page: Page) => page.evaluate(() => (window as unknown as { __notifications: Captured[] }).__notifications.map(({ title, body }) => ({ title, body })));

async function storedWatch(page: Page): Promise<StoredWatch> {
  const text = await page.evaluate(() => localStorage.getItem('service-desk.sla-watch'));
  return JSON.parse(text ?? '{"entries":[],"fired":[]}') as StoredWatch;
}

test('a ticket about to breach notifies; clicking the notification opens the ticket, whose timeline keeps the alert', async ({ page, context }) => {
  await context.grantPermissions(['notifications'], { origin: 'http://127.0.0.1:4317' });
  await context.addInitScript(captureNotifications);
  const start = Date.now();
  await page.clock.install({ time: start });
  await page.goto('/');
  await expect(page.getByTestId('queue-row').first()).toBeVisible();

  // The page handed its watch list to the web host's timer service, which persisted it.
  await expect.poll(async () => (await storedWatch(page)).entries.length).toBeGreaterThan(0);
  const watch = await storedWatch(page);
  const now = await page.evaluate(() => Date.now());
  // The first upcoming instant with at most three alerts (more at once become one grouped notification).
  const upcoming = watch.entries.filter((e) => e.at > now + 120_000).sort((a, b) => a.at - b.at);
  const next = upcoming.find((e) => upcoming.filter((o) => o.at === e.at).length <= 3);
  if (!next) throw new Error('the demo data has no upcoming SLA alert');

  // Time passes until a minute before it (the laptop was closed), then runs normally across it.
  await page.clock.fastForward(next.at - now - 60_000);
  const before = (await notifications(page)).length;
  await page.clock.runFor(61_000);
  const expectedTitle = `${next.ticketId} · `;
  await expect.poll(async () => (await notifications(page)).slice(before).map((n) => n.title)).toContainEqual(expect.stringContaining(expectedTitle));
  const shown = (await notifications(page)).slice(before).find((n) => n.title.startsWith(expectedTitle));
  expect(shown?.title).toContain(next.threshold >= 100 ? 'breached' : `at ${next.threshold}%`);

  // Click it: the app opens that ticket.
  await page.evaluate((title) => {
    const found = (window as unknown as { __notifications: Array<{ title: string; n: Notification }> }).__notifications.find((x) => x.title === title);
    found?.n.onclick?.(new Event('click'));
  }, shown?.title ?? '');
  await expect(page).toHaveURL(new RegExp(`#/ticket/${next.ticketId}$`));

  // The alert was recorded on the ticket (a synced timeline event), so it is still there after a reload.
  await page.reload();
  const clock = clockNames[next.clock] ?? next.clock;
  const text = next.threshold >= 100 ? `${clock} breached` : `${clock} at ${next.threshold} %`;
  await expect(page.locator('li[data-kind="sla_alert"]').filter({ hasText: text })).toHaveCount(1);
});

test('with notifications denied, alerts are still recorded on the ticket and counted as blocked', async ({ page, context }) => {
  await context.addInitScript(captureNotifications);
  await context.addInitScript(() => {
    Object.defineProperty(window.Notification, 'permission', { get: () => 'denied' });
  });
  await page.clock.install({ time: Date.now() });
  await page.goto('/');
  await expect(page.getByTestId('queue-row').first()).toBeVisible();
  // Demo tickets already past a target fire as soon as the page hands over its watch list.
  await expect.poll(async () => (await storedWatch(page)).fired.length).toBeGreaterThan(0);
  expect(await notifications(page)).toEqual([]);
  type Control = { blockedCount(): number; permission(): string };
  const control = await page.evaluate(() => {
    const c = (window as unknown as { __serviceDeskHost: { notificationControl?: Control } }).__serviceDeskHost.notificationControl;
    return c ? { blocked: c.blockedCount(), permission: c.permission() } : null;
  });
  expect(control).toEqual({ blocked: expect.any(Number), permission: 'denied' });
  expect(control?.blocked).toBeGreaterThan(0);

  const [firstKey] = (await storedWatch(page)).fired[0] ?? [''];
  const ticketId = firstKey.split('|')[0] ?? '';
  await page.goto(`/#/ticket/${ticketId}`);
  await expect(page.locator('li[data-kind="sla_alert"]').first()).toBeVisible();
});
