import { describe, expect, it } from 'vitest';
import type { WatchEntry } from '../sla/watch';
import { alertLanguages, resolveAlertLanguage } from './alert-language';
import { alertText } from './alert-text';
import { createMemoryJsonStore } from './json-store';
import { createLanguageSetting, languageSettingSchema } from './language-setting';
import { alertMessages, type PluralText } from './messages';
import { groupedAlertToast, singleAlertToast } from './notification-text';
import { createNotificationService } from './notifications';
import { notificationSettingsSchema } from '../ipc';

const at = Date.UTC(2025, 2, 3, 9, 30);
const hhmm = (t: number): string => new Date(t).toISOString().slice(11, 16);
const entry = (ticketId: string, threshold = 100, clock: WatchEntry['clock'] = 'resolution'): WatchEntry => ({
  ticketId,
  clock,
  threshold,
  at,
  label: { customer: 'Примерна банка', severity: 'S1', title: 'Core switch down' },
});

describe('notification texts in the UI language', () => {
  it('writes a Bulgarian breach and warning toast', () => {
    const bg = alertText('bg', hhmm);
    const breach = singleAlertToast(entry('SD-A-0001'), bg);
    expect(breach.title).toBe('SD-A-0001 · S1 · Решение: срокът е просрочен');
    expect(breach.body).toBe('Примерна банка — Core switch down\nРешение: срокът изтече в 09:30');
    const warning = singleAlertToast(entry('SD-A-0002', 75, 'first_response'), bg);
    expect(warning.title).toBe('SD-A-0002 · S1 · Първи отговор на 75%');
    expect(warning.body).toBe('Примерна банка — Core switch down\nПърви отговор: 75% от срока в 09:30');
  });

  it('writes a Simplified Chinese breach and warning toast', () => {
    const zh = alertText('zh-CN', hhmm);
    expect(singleAlertToast(entry('SD-A-0003'), zh).title).toBe('SD-A-0003 · S1 · 解决已超时');
    expect(singleAlertToast(entry('SD-A-0003'), zh).body).toBe('Примерна банка — Core switch down\n解决于 09:30 超时');
    expect(singleAlertToast(entry('SD-A-0004', 90, 'update_cadence'), zh).title).toBe('SD-A-0004 · S1 · 客户更新已达 90%');
  });

  it('formats the time with Intl in the language when no formatter is given', () => {
    const expected = new Intl.DateTimeFormat('bg', { hour: '2-digit', minute: '2-digit' }).format(at);
    expect(singleAlertToast(entry('SD-A-0005'), alertText('bg')).body.endsWith(expected)).toBe(true);
  });

  it('chooses the grouped toast plural by count, per language', () => {
    const batch = (breached: number, warnings: number) => [
      ...Array.from({ length: breached }, (_, i) => entry(`SD-B-${i}`)),
      ...Array.from({ length: warnings }, (_, i) => entry(`SD-W-${i}`, 75)),
    ];
    const en = alertText('en', hhmm);
    const one = groupedAlertToast(batch(1, 0), en);
    expect(one.title).toBe('1 SLA alert');
    expect(one.body).toBe('1 breached: SD-B-0 (Примерна банка)');
    const many = groupedAlertToast(batch(1, 5), en);
    expect(many.title).toBe('6 SLA alerts');
    expect(many.body).toBe('1 breached, 5 warnings: SD-B-0 (Примерна банка), SD-W-0 (Примерна банка), SD-W-1 (Примерна банка), and 3 more');
    const warnOnly = groupedAlertToast(batch(0, 1), en);
    expect(warnOnly.body.startsWith('1 warning:')).toBe(true);

    const bg = alertText('bg', hhmm);
    expect(groupedAlertToast(batch(1, 0), bg).title).toBe('1 SLA сигнал');
    const bgMany = groupedAlertToast(batch(2, 1), bg);
    expect(bgMany.title).toBe('3 SLA сигнала');
    expect(bgMany.body).toBe('2 просрочени, 1 предупреждение: SD-B-0 (Примерна банка), SD-B-1 (Примерна банка) и SD-W-0 (Примерна банка)');

    // Chinese has one form; a thousand alerts get Intl grouping.
    const zh = groupedAlertToast(batch(1000, 1), alertText('zh-CN', hhmm));
    expect(zh.title).toBe('1,001 条 SLA 提醒');
    expect(zh.body).toBe('1,000 条已超时，1 条预警：SD-B-0（Примерна банка）、SD-B-1（Примерна банка）、SD-B-2（Примерна банка）和另外 998 个');
  });

  it('falls back to English for languages without texts, and picks Chinese by script and region', () => {
    expect(resolveAlertLanguage('fr')).toBe('en');
    expect(resolveAlertLanguage('de-AT')).toBe('en');
    expect(resolveAlertLanguage('en-GB')).toBe('en');
    expect(resolveAlertLanguage('bg-BG')).toBe('bg');
    expect(resolveAlertLanguage('zh')).toBe('zh-CN');
    expect(resolveAlertLanguage('zh-SG')).toBe('zh-CN');
    expect(resolveAlertLanguage('zh-Hant')).toBe('zh-TW');
    expect(resolveAlertLanguage('zh-HK')).toBe('zh-TW');
    expect(resolveAlertLanguage('ZH-tw')).toBe('zh-TW');
  });
});

describe('language setting (what the hosts keep)', () => {
  it('stores the resolved language, so a toast after a restart is in it; an unknown language means English', async () => {
    const store = createMemoryJsonStore(languageSettingSchema);
    const changes: string[] = [];
    const setting = createLanguageSetting(store, (l) => changes.push(l));
    await setting.load();
    expect(setting.get()).toBe('en');
    expect(await setting.set('bg')).toBe('bg');
    expect(changes).toEqual(['bg']);

    const shown: string[] = [];
    const again = createLanguageSetting(store);
    await again.load();
    const service = createNotificationService({
      store: createMemoryJsonStore(notificationSettingsSchema),
      notifier: { show: (t) => shown.push(t.title) },
      localMinute: () => 600,
      formatTime: hhmm,
      language: again.get,
      onOpen: () => undefined,
    });
    await service.load();
    service.deliver([entry('SD-A-0006')], at);
    expect(await again.set('fr-FR')).toBe('en');
    service.deliver([entry('SD-A-0007')], at);
    expect(shown).toEqual(['SD-A-0006 · S1 · Решение: срокът е просрочен', 'SD-A-0007 · S1 · Resolution breached']);
  });

  it('refuses a malformed language with a clear error and changes nothing', async () => {
    const store = createMemoryJsonStore(languageSettingSchema);
    const setting = createLanguageSetting(store);
    await setting.set('zh-TW');
    const saved = store.text;
    for (const bad of ['', 'bulgarian language', '../bg', 'bg<script>', `en-${'x'.repeat(40)}`]) {
      await expect(setting.set(bad)).rejects.toThrow(/is not a language tag such as "en", "bg" or "zh-CN"/);
    }
    expect(setting.get()).toBe('zh-TW');
    expect(store.text).toBe(saved);
    expect(store.saves).toBe(1);
  });

  it('keeps the language when it cannot be saved', async () => {
    const store = createMemoryJsonStore(languageSettingSchema);
    const setting = createLanguageSetting(store);
    store.failNextSave();
    await expect(setting.set('bg')).rejects.toThrow('no space left on device');
    expect(setting.get()).toBe('en');
  });
});

describe('catalog', () => {
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  const isPlural = (v: unknown): v is PluralText => typeof v === 'object' && v !== null && 'other' in v;
  const walk = (node: unknown, path: string, out: Map<string, unknown>): Map<string, unknown> => {
    if (typeof node === 'string' || isPlural(node)) out.set(path, node);
    else for (const [k, v] of Object.entries(node as Record<string, unknown>)) walk(v, path ? `${path}.${k}` : k, out);
    return out;
  };
  const english = walk(alertMessages.en, '', new Map());

  for (const lang of alertLanguages) {
    it(`${lang} has every text, with the same placeholders, and exactly the plural forms Intl.PluralRules uses`, () => {
      const texts = walk(alertMessages[lang], '', new Map());
      expect([...texts.keys()].sort()).toEqual([...english.keys()].sort());
      const categories = new Intl.PluralRules(lang).resolvedOptions().pluralCategories;
      for (const [key, text] of texts) {
        const en = english.get(key);
        if (isPlural(text)) {
          expect(Object.keys(text).sort(), key).toEqual([...categories].sort());
          for (const form of Object.values(text)) expect(placeholders(form), key).toEqual(placeholders((en as PluralText).other));
        } else {
          expect(placeholders(text as string), key).toEqual(placeholders(en as string));
        }
      }
    });
  }
});
