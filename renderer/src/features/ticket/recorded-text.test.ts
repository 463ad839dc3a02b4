import { beforeAll, describe, expect, it } from 'vitest';
import i18next from 'i18next';
import en from '../../i18n/locales/en.json';
import zhCN from '../../i18n/locales/zh-CN.json';
import zhTW from '../../i18n/locales/zh-TW.json';
import bg from '../../i18n/locales/bg.json';
import { resourcesFor } from '../../i18n';
import { presetEscalationMatrices } from '../escalation';
import { translateEscalationReason, translateLevelName, visitChangeText } from './recorded-text';

beforeAll(async () => {
  await i18next.init({
    resources: {
      en: { translation: resourcesFor('en', en) },
      'zh-CN': { translation: resourcesFor('zh-CN', zhCN) },
      'zh-TW': { translation: resourcesFor('zh-TW', zhTW) },
      bg: { translation: resourcesFor('bg', bg) },
    },
    lng: 'bg',
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
});

const inBg = () => i18next.getFixedT('bg');
const names = new Map([['eng-kai', 'Kai Chen']]);
const utc = (at: number) => new Date(at).toISOString().slice(0, 16).replace('T', ' ');

describe('texts recorded in one language read in the reader\'s', () => {
  it('an automatic escalation reason written in English (or by clock id) reads in Bulgarian', () => {
    expect(translateEscalationReason('First response clock breached', inBg())).toBe('просрочен часовник: Първи отговор');
    expect(translateEscalationReason('first_response clock breached', inBg())).toBe('просрочен часовник: Първи отговор');
    expect(translateEscalationReason('at severity 1 for longer than 4.5 h', inBg())).toBe('при тежест 1 повече от 4.5 ч');
  });

  it('a reason recorded in Chinese reads in Bulgarian; one someone typed stays as typed', () => {
    const zh = i18next.getFixedT('zh-CN');
    const recorded = zh('escalation.auto.clockBreached', { clock: zh('clocks.resolution') });
    expect(translateEscalationReason(recorded, inBg())).toBe('просрочен часовник: Решение');
    expect(translateEscalationReason('Please call the customer today', inBg())).toBe('Please call the customer today');
  });

  it('the level name recorded in English reads as the matrix names it in the reader\'s language', () => {
    expect(translateLevelName('M1: direct manager', presetEscalationMatrices, 'bg')).toBe('M1: пряк ръководител');
    expect(translateLevelName('M1: direct manager', presetEscalationMatrices, 'zh-TW')).toBe('M1：直屬主管');
    expect(translateLevelName('A level since removed', presetEscalationMatrices, 'bg')).toBe('A level since removed');
  });

  it('visit steps name the step and the engineer and give times, never enum words, ids or ISO instants', () => {
    const booked = visitChangeText('schedule', 'eng-kai 2026-12-01T01:00:00.000Z–2026-12-01T03:00:00.000Z', inBg(), names, utc);
    expect(booked).toBe('Запазено — Kai Chen · 2026-12-01 01:00–2026-12-01 03:00');
    expect(visitChangeText('created', 'requested_by_hand', inBg(), names, utc)).not.toMatch(/requested_by_hand|Created/);
    expect(visitChangeText('confirm_booking', 'booking confirmed', inBg(), names, utc)).not.toMatch(/confirm|booking/i);
    expect(visitChangeText('arrive', '2026-12-01T01:30:00.000Z', inBg(), names, utc)).toContain('2026-12-01 01:30');
    expect(visitChangeText('cancel', 'customer closed the site', inBg(), names, utc)).toContain('customer closed the site');
  });
});
