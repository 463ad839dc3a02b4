import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, type Page } from '@playwright/test';

type Tree = { [key: string]: string | Tree };
const localeRoot = join(import.meta.dirname, '../../renderer/src');

/** One language's whole catalogue, flattened: app strings plus each feature's under its name. */
function catalogue(lang: string): Map<string, string> {
  const tree = JSON.parse(readFileSync(join(localeRoot, 'i18n/locales', `${lang}.json`), 'utf8')) as Tree;
  for (const feature of readdirSync(join(localeRoot, 'features'))) {
    const file = join(localeRoot, 'features', feature, 'locales', `${lang}.json`);
    if (existsSync(file)) tree[feature] = JSON.parse(readFileSync(file, 'utf8')) as Tree;
  }
  const out = new Map<string, string>();
  const walk = (t: Tree, prefix: string) => {
    for (const [k, v] of Object.entries(t)) {
      if (typeof v === 'string') out.set(prefix + k, v);
      else walk(v, `${prefix}${k}.`);
    }
  };
  walk(tree, '');
  return out;
}

const english = catalogue('en');
const keys = new Set([...english.keys()].map((k) => k.replace(/_(one|other)$/, '')));

/** Every piece of text the user sees: text nodes, labels, tooltips, placeholders and options. */
async function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const s = n.textContent?.trim();
      if (s && n.parentElement && n.parentElement.closest('[aria-hidden="true"]') === null && n.parentElement.offsetParent !== null) out.push(s);
    }
    for (const el of document.querySelectorAll('[title],[aria-label],[placeholder]')) {
      for (const a of ['title', 'aria-label', 'placeholder']) {
        const v = el.getAttribute(a)?.trim();
        if (v) out.push(v);
      }
    }
    return out;
  });
}

/** What a user would flag: a raw key, an unfilled {{placeholder}}, or an English string in another language. */
function problems(texts: readonly string[], lang: string, local: Map<string, string>): string[] {
  // English strings whose translation differs: seeing them means the language fell back to English.
  const fallbacks = new Set([...english].filter(([k, v]) => local.get(k) !== v && /[A-Za-z]{3}/.test(v) && !v.includes('{{')).map(([, v]) => v));
  return texts.flatMap((s) => [
    ...(s.includes('{{') ? [`placeholder: ${s}`] : []),
    ...(keys.has(s) ? [`raw key: ${s}`] : []),
    ...(lang !== 'en' && fallbacks.has(s) ? [`English: ${s}`] : []),
  ]);
}

const screens: Array<[string, string]> = [
  ['nav-dispatch', '#/dispatch'],
  ['nav-visits', '#/visits'],
  ['nav-reports', '#/reports'],
  ['nav-settings', '#/settings'],
];

for (const lang of ['en', 'zh-CN', 'zh-TW', 'bg'] as const) {
  test(`in ${lang} the main screens show no raw key, placeholder or English fallback`, async ({ page }) => {
    const local = catalogue(lang);
    await page.goto('/');
    await expect(page.getByTestId('queue-row').first()).toBeVisible();
    await page.getByLabel('Language').selectOption(lang);
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    const seen: string[] = [];
    const look = async (where: string) => seen.push(...problems(await visibleTexts(page), lang, local).map((p) => `${where} ${p}`));

    await look('queue');
    await page.getByTestId('count-breached').click();
    await page.getByTestId('queue-row').first().click();
    await expect(page.locator('#ticket-title')).toBeVisible();
    await look('ticket');
    await page.locator('nav button.primary').click();
    await look('new ticket');
    for (const [testId, hash] of screens) {
      await page.getByTestId(testId).click();
      await expect(page).toHaveURL(new RegExp(`${hash.replace(/[#/]/g, '\\$&')}`));
      await page.waitForTimeout(300);
      await look(hash);
    }
    for (const section of ['people', 'notifications', 'escalation', 'policies', 'calendars', 'demo', 'backup']) {
      await page.locator(`a[href="#/settings/${section}"]`).click();
      await page.waitForTimeout(300);
      await look(`settings/${section}`);
    }
    expect([...new Set(seen)]).toEqual([]);
  });
}
