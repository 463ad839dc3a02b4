import { describe, expect, it } from 'vitest';
import { actorName, readableVisitDetail } from './visit-history-text';

const names = new Map([['eng-kai', 'Kai Chen']]);
const shanghai = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Asia/Shanghai' });

describe('readableVisitDetail', () => {
  it('shows a booking as the engineer name and the window in the screen zone', () => {
    const text = readableVisitDetail('eng-kai 2026-03-11T01:00:00.000Z–2026-03-11T03:00:00.000Z', names, (t) => shanghai.format(t));
    expect(text).toBe('Kai Chen 11 Mar 2026, 09:00–11 Mar 2026, 11:00');
    expect(text).not.toMatch(/eng-kai|T01:00|Z\b/);
  });
  it('keeps a reason typed by a person as written', () => {
    expect(readableVisitDetail('eng-kai 2026-03-11T01:00:00.000Z–2026-03-11T03:00:00.000Z: customer asked for the afternoon', names, (t) => shanghai.format(t))).toMatch(/: customer asked for the afternoon$/);
  });
  it('leaves unknown words and text without times untouched', () => {
    expect(readableVisitDetail('booking confirmed', names, String)).toBe('booking confirmed');
  });
});

describe('actorName', () => {
  it('names people, the system, and falls back to the stored id', () => {
    expect(actorName('eng-kai', names, 'System')).toBe('Kai Chen');
    expect(actorName('system', names, 'System')).toBe('System');
    expect(actorName('u-9', names, 'System')).toBe('u-9');
  });
});
