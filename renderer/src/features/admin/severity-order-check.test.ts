import { beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import en from '../../i18n/locales/en.json';
import bg from '../../i18n/locales/bg.json';
import { resourcesFor } from '../../i18n';
import { presetConfig } from '../../../../shared/config/preset-config';
import { firstSeverityOrderViolation, severityOrderText } from './severity-order-check';

beforeAll(async () => {
  await i18next.init({ resources: { en: { translation: resourcesFor('en', en) }, bg: { translation: resourcesFor('bg', bg) } }, lng: 'en', fallbackLng: 'en' });
});

const config = presetConfig();

describe('saving a policy: a more severe ticket is never due later', () => {
  it.each(Object.keys(config.policies))('shipped policy %s passes the check it is saved with', (id) => {
    expect(firstSeverityOrderViolation(config.policies[id]!, config)).toBeUndefined();
  });

  it('an edit making level 1 slower than level 2 is refused, with the levels, clock and channel in words', () => {
    const p = config.policies['onsite-4-level-7x24']!;
    const slower = { ...p, severityLevels: p.severityLevels.map((l) => (l.id === '1' ? { ...l, targets: { ...l.targets, first_response: { unit: 'business_minutes' as const, value: 600 } } } : l)) };
    const v = firstSeverityOrderViolation(slower, config);
    expect(v).toMatchObject({ higher: '1', lower: '2', kind: 'first_response' });
    const [one, two] = slower.severityLevels;
    const text = severityOrderText(v!, slower, i18next.t.bind(i18next), 'en');
    expect(text).toContain(`“${one!.label}”`);
    expect(text).toContain(`“${two!.label}”`);
    expect(text).toContain('First response');
    expect(text).toMatch(/never be due later/);
    expect(severityOrderText(v!, slower, i18next.getFixedT('bg'), 'bg')).toMatch(/^Не е записано/);
  });
});
