import { test, expect } from '@playwright/test';

test('each policy escalates by its own matrix, and the numbers and people no policy text gives are marked "Illustrative — set your own" with the reason', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByTestId('queue-row').first()).toBeVisible();

  // Settings › Escalation: the network services ladder by ticket age.
  await page.goto('/#/settings/escalation');
  await page.getByTestId('matrix-select').selectOption('network-age-ladder');
  const levels = page.locator('.esc-level-def');
  await expect(levels).toHaveCount(3);
  await expect(levels.first()).toContainText('Service centre duty manager');
  // Every level's people and every age rule are examples.
  await expect(page.locator('[data-testid="illustrative-mark"][data-what="recipients"]')).toHaveCount(3);
  await expect(page.locator('[data-testid="illustrative-mark"][data-what="value"]')).toHaveCount(9);
  const mark = page.locator('[data-testid="illustrative-mark"][data-what="value"]').first();
  await expect(mark).toContainText('Illustrative — set your own');
  await expect(mark).toHaveAttribute('title', /gives no number/);

  // The M1/M2 matrix reaches the owner's managers, found in the directory: nothing to mark.
  await page.getByTestId('matrix-select').selectOption('support-managers-m1-m2');
  await expect(levels).toHaveCount(2);
  await expect(page.getByTestId('illustrative-mark')).toHaveCount(0);

  // Settings › Policies: which matrix each policy's tickets escalate by.
  await page.getByRole('link', { name: 'Policies' }).click();
  const section = page.getByTestId('policy-escalation');
  await page.getByTestId('policy-select').selectOption('enterprise-edown');
  await expect(section).toContainText('M1: the engineer\'s direct manager → M2: second-level support management');
  await expect(section.getByTestId('illustrative-mark')).toHaveCount(0);
  await page.getByTestId('policy-select').selectOption('network-impact-rfo');
  await expect(section).toContainText('Management ladder by ticket age');
  await expect(section.getByTestId('illustrative-mark')).toHaveAttribute('title', /example/);
  await page.getByTestId('policy-select').selectOption('business-hours-3-severity');
  await expect(section).toContainText('Customer asks to escalate → Product manager → Regional support lead → Vice-president');

  // In Bulgarian the mark, its reason and the level names follow the language.
  await page.getByLabel('Language').selectOption('bg');
  await page.goto('/#/settings/escalation');
  await page.getByTestId('matrix-select').selectOption('network-age-ladder');
  await expect(levels.first()).toContainText('Дежурен мениджър на Центъра за обслужване');
  await expect(mark).toContainText('Примерна стойност — задайте своя');
  await expect(mark).toHaveAttribute('title', /не дава число/);
});
