import { describe, expect, it } from 'vitest';
import type { TimelineEvent } from '../ticket/timeline';
import { T0, makeTicket, presetMatrix } from './fixtures.test-support';
import { dueAutomaticEscalations, escalatedLevelsFrom } from './index';
import type { ClockStateLike, DueEscalation } from './index';

const matrix = presetMatrix();
const MIN = 60_000;
const breachedFirstResponse: ClockStateLike[] = [{ kind: 'first_response', state: 'breached', target: T0 + 30 * MIN }];

/** What the app does with a due escalation: append the event and move the ticket's level. */
function record(events: TimelineEvent[], due: DueEscalation, at: number): TimelineEvent[] {
  return [...events, { id: `ev-${events.length}`, ticketId: 'T-2025-0042', at, by: 'system', kind: 'escalated', level: due.level, levelName: due.levelId, recipients: [], ask: due.reason, automatic: true }];
}

describe('dueAutomaticEscalations', () => {
  it('escalates to M1 and raises the priority when the first-response clock breaches', () => {
    const due = dueAutomaticEscalations(makeTicket({ priority: 'P2' }), matrix, breachedFirstResponse, T0 + 31 * MIN, []);
    expect(due).toEqual([{ level: 2, levelId: 'm1', trigger: { kind: 'clock_breached', clock: 'first_response' }, reason: 'first_response clock breached', raisePriorityTo: 'top', notify: true }]);
  });

  it('does nothing while no clock is breached and the ticket is young', () => {
    const clocks: ClockStateLike[] = [{ kind: 'first_response', state: 'running', target: T0 + 30 * MIN }];
    expect(dueAutomaticEscalations(makeTicket(), matrix, clocks, T0 + 10 * MIN, [])).toEqual([]);
  });

  it('moves up by age at a severity (4 h -> M1, 8 h -> M2, 24 h -> product manager) and only at that severity', () => {
    const levelsAt = (minutes: number, severity = '1'): number[] => dueAutomaticEscalations(makeTicket({ severity }), matrix, [], T0 + minutes * MIN, []).map((d) => d.level);
    expect(levelsAt(239)).toEqual([]);
    expect(levelsAt(240)).toEqual([2]);
    expect(levelsAt(480)).toEqual([2, 3]);
    expect(levelsAt(1440)).toEqual([2, 3, 4]);
    // Severity 3 has its own, slower ladder.
    expect(levelsAt(1439, '3')).toEqual([]);
    expect(levelsAt(1440, '3')).toEqual([2]);
  });

  it('escalates exactly once per level, also after a restart that recomputes from the persisted events', () => {
    let persisted: TimelineEvent[] = [];
    const fired: number[] = [];
    // Ticks every 10 minutes over two days; every few hours the app "restarts": all in-memory state
    // is dropped and the already-escalated levels are recomputed from the persisted events only.
    for (let minute = 0; minute <= 48 * 60; minute += 10) {
      const ticket = makeTicket({ escalationLevel: Math.max(0, ...escalatedLevelsFrom(persisted)) });
      const clocks: ClockStateLike[] = minute >= 30 ? breachedFirstResponse : [{ kind: 'first_response', state: 'running', target: T0 + 30 * MIN }];
      const due = dueAutomaticEscalations(ticket, matrix, clocks, T0 + minute * MIN, escalatedLevelsFrom(persisted));
      for (const d of due) {
        persisted = record(persisted, d, T0 + minute * MIN);
        fired.push(d.level);
      }
      // Idempotent: asking again right away with the new events returns nothing.
      expect(dueAutomaticEscalations(ticket, matrix, clocks, T0 + minute * MIN, escalatedLevelsFrom(persisted))).toEqual([]);
    }
    expect(fired).toEqual([2, 3, 4]);
    expect(persisted.filter((e) => e.kind === 'escalated')).toHaveLength(3);
  });

  it('never goes back below a level reached by hand', () => {
    expect(dueAutomaticEscalations(makeTicket({ escalationLevel: 3 }), matrix, breachedFirstResponse, T0 + 600 * MIN, [])).toEqual([]);
  });

  it('leaves resolved and closed tickets alone', () => {
    for (const status of ['resolved', 'confirmed', 'closed'] as const) {
      expect(dueAutomaticEscalations(makeTicket({ status }), matrix, breachedFirstResponse, T0 + 5000 * MIN, [])).toEqual([]);
    }
  });
});

describe('escalatedLevelsFrom', () => {
  it('reads the levels from escalated events only', () => {
    const events: TimelineEvent[] = [
      { id: 'a', ticketId: 't', at: 1, by: 'u', kind: 'created' },
      { id: 'b', ticketId: 't', at: 2, by: 'u', kind: 'escalated', level: 3, levelName: 'M2', recipients: [], ask: '', automatic: false },
      { id: 'c', ticketId: 't', at: 3, by: 'system', kind: 'escalated', level: 2, levelName: 'M1', recipients: [], ask: '', automatic: true },
    ];
    expect(escalatedLevelsFrom(events)).toEqual([2, 3]);
  });
});
