import { describe, expect, it } from 'vitest';
import { assignLanes, boardColumns, mondayOf, openHours, openShare, placeSpan, suggestedStart } from './board-layout';
import { config } from './fixtures.test-support';

const china = config.calendars['china-2026-2027']!;
const HOUR = 3_600_000;

describe('board layout', () => {
  it('a week is Monday to Sunday in the board zone, whatever day the anchor is', () => {
    const wednesday = Date.UTC(2026, 2, 11, 12);
    const cols = boardColumns('week', wednesday, 'Asia/Shanghai');
    expect(cols).toHaveLength(7);
    expect(new Date(cols[0]!.start).toISOString()).toBe('2026-03-08T16:00:00.000Z'); // Mon 9 March 00:00 Shanghai
    expect(cols[6]!.end - cols[0]!.start).toBe(7 * 24 * HOUR);
    expect(mondayOf(Date.UTC(2026, 2, 15, 15, 59), 'Asia/Shanghai')).toBe(mondayOf(wednesday, 'Asia/Shanghai'));
  });

  it('the day view of a DST change has 23 hour columns and its week is an hour short', () => {
    const springForward = Date.UTC(2026, 2, 29, 12); // Sunday 29 March 2026, Sofia goes to summer time
    expect(boardColumns('day', springForward, 'Europe/Sofia')).toHaveLength(23);
    const week = boardColumns('week', springForward, 'Europe/Sofia');
    expect(week[6]!.end - week[6]!.start).toBe(23 * HOUR);
  });

  it('shades the engineer’s working time: 08:30–17:00 Shanghai, closed on a public holiday', () => {
    const monday = Date.UTC(2026, 2, 9, 0); // 08:00 Shanghai
    expect(openShare(china, monday, monday + HOUR)).toBeCloseTo(0.5);
    expect(openShare(china, monday + HOUR, monday + 2 * HOUR)).toBe(1);
    const labourDay = boardColumns('week', Date.UTC(2026, 4, 1, 4), 'Asia/Shanghai').find((c) => new Date(c.start + 8 * HOUR).getUTCDate() === 1)!;
    expect(openHours(china, labourDay).every((s) => s === 0)).toBe(true);
    const mondayCol = boardColumns('week', monday, 'Asia/Shanghai')[0]!;
    expect(openHours(china, mondayCol).filter((s) => s > 0)).toHaveLength(9);
    expect(suggestedStart(china, mondayCol)).toBe(Date.UTC(2026, 2, 9, 0, 30));
  });

  it('places a visit across columns of different lengths and stacks overlapping visits in lanes', () => {
    const cols = boardColumns('week', Date.UTC(2026, 2, 11), 'UTC');
    expect(placeSpan(cols[1]!.start + 12 * HOUR, cols[1]!.start + 18 * HOUR, cols)).toEqual({ left: (1.5 / 7) * 100, width: (0.25 / 7) * 100 });
    expect(placeSpan(cols[0]!.start - 5 * HOUR, cols[0]!.start - HOUR, cols)).toBeUndefined();
    expect(assignLanes([{ from: 0, to: 10 }, { from: 5, to: 15 }, { from: 10, to: 20 }])).toEqual([0, 1, 0]);
  });
});

describe('visit blocks', () => {
  it('fill the day cells they touch in the week view and sit at their exact time in the day view', async () => {
    const { blockSpan } = await import('./board-layout');
    const week = boardColumns('week', Date.UTC(2026, 2, 11), 'UTC');
    const start = week[2]!.start + 9 * HOUR;
    expect(blockSpan('week', start, start + 2 * HOUR, week)).toMatchObject({ left: (2 / 7) * 100, width: (1 / 7) * 100, from: week[2]!.start, to: week[2]!.end });
    expect(blockSpan('week', start, start + 20 * HOUR, week)).toMatchObject({ width: (2 / 7) * 100 });
    const day = boardColumns('day', start, 'UTC');
    expect(blockSpan('day', start, start + 2 * HOUR, day)).toEqual({ left: (9 / 24) * 100, width: (2 / 24) * 100, from: start, to: start + 2 * HOUR });
  });
});
