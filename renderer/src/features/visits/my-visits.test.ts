import { describe, expect, it } from 'vitest';
import { createVisit, type Visit } from '../../../../shared/dispatch';
import { groupMyVisits } from './my-visits';

const NOW = Date.UTC(2026, 2, 10, 2); // Tuesday 10:00 in Shanghai
const H = 3_600_000;

function visit(id: string, start: number, status: Visit['status'], engineerId = 'eng-kai'): Visit {
  return createVisit({
    id, customerId: 'cust-jade', kind: 'fault', reason: 'online_window_expired', engineerId, status, window: { start, end: start + 2 * H },
    site: { address: '', timeZone: 'Asia/Shanghai' }, createdAt: 0, updatedAt: 0, ...(status === 'completed' ? { submittedAt: start + 3 * H } : {}),
  });
}

describe('My visits grouping', () => {
  it('splits the engineer’s visits into today (and anything under way), reports still owed, upcoming and submitted', () => {
    const visits = [
      visit('later-today', NOW + 5 * H, 'tentative'),
      visit('this-morning', NOW - 2 * H, 'confirmed'),
      visit('tomorrow', NOW + 24 * H, 'confirmed'),
      visit('yesterday-open', NOW - 24 * H, 'confirmed'),
      visit('yesterday-still-on-site', NOW - 26 * H, 'arrived'),
      visit('done', NOW - 48 * H, 'completed'),
      visit('cancelled', NOW + H, 'cancelled'),
      visit('someone-else', NOW + H, 'confirmed', 'eng-rosa'),
      // 23:30 Shanghai today is still today for an engineer in Shanghai, though it is another UTC date.
      visit('late-tonight', Date.UTC(2026, 2, 10, 15, 30), 'tentative'),
    ];
    const g = groupMyVisits(visits, 'eng-kai', NOW, 'Asia/Shanghai');
    expect(g.today.map((v) => v.id)).toEqual(['yesterday-still-on-site', 'this-morning', 'later-today', 'late-tonight']);
    expect(g.overdue.map((v) => v.id)).toEqual(['yesterday-open']);
    expect(g.upcoming.map((v) => v.id)).toEqual(['tomorrow']);
    expect(g.done.map((v) => v.id)).toEqual(['done']);
  });
});
