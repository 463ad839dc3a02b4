import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDuration, splitDuration } from './duration';

const say = (parts: ReturnType<typeof splitDuration>, words: Record<string, string>) => parts.map(([u, n]) => `${n} ${words[u]}`).join(' ');

describe('durations as people type them', () => {
  it('reads hours, minutes and days in every language, a bare number as minutes', () => {
    expect(parseDuration('4 h', false)).toEqual({ ok: true, minutes: 240 });
    expect(parseDuration('30 min', false)).toEqual({ ok: true, minutes: 30 });
    expect(parseDuration('1 h 30 min', false)).toEqual({ ok: true, minutes: 90 });
    expect(parseDuration('1,5h', false)).toEqual({ ok: true, minutes: 90 });
    expect(parseDuration('2 d', true)).toEqual({ ok: true, minutes: 2880 });
    expect(parseDuration('4 小时', false)).toEqual({ ok: true, minutes: 240 });
    expect(parseDuration('2天', true)).toEqual({ ok: true, minutes: 2880 });
    expect(parseDuration('3 ч 15 мин', false)).toEqual({ ok: true, minutes: 195 });
    expect(parseDuration('4800', false)).toEqual({ ok: true, minutes: 4800 });
  });

  it('refuses what is not a target, saying why', () => {
    expect(parseDuration('', false)).toEqual({ ok: false, problem: 'empty' });
    expect(parseDuration('soon', false)).toEqual({ ok: false, problem: 'unreadable' });
    expect(parseDuration('4 weeks', false)).toEqual({ ok: false, problem: 'unreadable' });
    expect(parseDuration('0 h', false)).toEqual({ ok: false, problem: 'not_positive' });
    expect(parseDuration('0.3 min', false)).toEqual({ ok: false, problem: 'not_whole' });
    // A business day depends on the calendar: days are refused for business minutes.
    expect(parseDuration('2 d', false)).toEqual({ ok: false, problem: 'no_days' });
  });

  it('every stored value reads back unchanged from its displayed form, in each language', () => {
    const languages = [
      { min: 'min', h: 'h', d: 'd' },
      { min: '分钟', h: '小时', d: '天' },
      { min: 'мин', h: 'ч', d: 'д' },
    ];
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 400_000 }), fc.boolean(), fc.constantFrom(...languages), (minutes, days, words) => {
        expect(parseDuration(say(splitDuration(minutes, days), words), days)).toEqual({ ok: true, minutes });
      }),
    );
  });
});
