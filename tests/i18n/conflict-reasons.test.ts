// Every coded conflict reason the mutations can record is translated in all four languages, so a
// conflict never shows the server's English sentence to a reader of another language.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import i18n from 'i18next';
import en from '../../renderer/src/i18n/locales/en.json';
import zhCN from '../../renderer/src/i18n/locales/zh-CN.json';
import zhTW from '../../renderer/src/i18n/locales/zh-TW.json';
import bg from '../../renderer/src/i18n/locales/bg.json';
import { refusalText } from '../../renderer/src/app/refusal-text';

const root = join(__dirname, '../../shared');
const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : []));
const codes = [...new Set(sources(join(root, 'sync')).flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/because\('([a-z_]+)'|refusal: \{ code: '([a-z_]+)'/g)].map((m) => m[1] ?? m[2] ?? '')))];

describe('conflict reasons', () => {
  it('are found in the mutations (the scan works)', () => {
    expect(codes).toEqual(expect.arrayContaining(['ticket_not_found', 'changed_meanwhile', 'visit_reclaimed', 'booking_tentative']));
  });

  it.each([['en', en], ['zh-CN', zhCN], ['zh-TW', zhTW], ['bg', bg]] as const)('each have a sentence in %s, not an English copy', (lang, cat) => {
    const refusal = cat.refusal as Record<string, string>;
    for (const code of codes) {
      expect(refusal[code], `${lang}: refusal.${code}`).toBeTruthy();
      if (lang !== 'en') expect(refusal[code], `${lang}: refusal.${code}`).not.toBe((en.refusal as Record<string, string>)[code]);
    }
  });

  it('read in the reader language with their parameters, and an old record without a code keeps its text', async () => {
    const t = await i18n.createInstance().init({ lng: 'bg', resources: { bg: { translation: bg } } });
    expect(refusalText(t, { code: 'higher_severity_kept', message: 'higher severity 1 kept over 3', params: { kept: '1', lost: '3' } })).toBe('Запазена е по-високата тежест 1 вместо 3.');
    expect(refusalText(t, { code: 'some_future_code', message: 'a reason from a newer server', params: {} })).toBe('a reason from a newer server');
  });
});
