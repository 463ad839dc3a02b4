import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { policySchema, type Policy } from '../policy/schema';
import { resolvePriorityRaise } from '../policy/priority';
import { setPriority } from '../ticket/commands';
import type { Ticket } from '../ticket/schema';
import type { TimelineEvent } from '../ticket/timeline';
import { memoryStore } from '../sync/memory-store.test-support';
import networkLadder from '../../resources/presets/escalation/network-age-ladder.json';
import { T0, makeTicket, presetMatrix } from './fixtures.test-support';
import { escalationMatrixSchema } from './schema';
import { ageRuleDueAt, dueAutomaticEscalations, escalatedLevelsFrom, severityEffectiveSince } from './auto';

const MIN = 60_000;
const matrix = presetMatrix();
const policyFiles = import.meta.glob<unknown>('../../resources/presets/policies/*.json', { eager: true, import: 'default' });
const policies: Policy[] = Object.values(policyFiles).map((p) => policySchema.parse(p));
const policy = (id: string): Policy => {
  const p = policies.find((x) => x.id === id);
  if (!p) throw new Error(`no preset policy ${id}`);
  return p;
};

/** A ticket whose severity changed at the given instants (the first entry is creation). */
function withHistory(history: Array<{ at: number; severity: string }>, overrides: Partial<Ticket> = {}): Ticket {
  const last = history[history.length - 1];
  return makeTicket({ severity: last?.severity ?? '1', createdAt: history[0]?.at ?? T0, sla: { severityHistory: history, pauses: [], customerUpdates: [] }, ...overrides });
}

/** The minutes each age rule of the matrix names for `severity`, by level. */
function ageRulesFor(severity: string): Map<number, number> {
  const out = new Map<number, number>();
  matrix.levels.forEach((l, i) => {
    for (const r of l.auto) if (r.trigger.kind === 'age' && r.trigger.severity === severity) out.set(i + 1, r.trigger.minutes);
  });
  return out;
}

describe('escalation by age at every severity of every policy', () => {
  it('"your ticket will automatically be moved to the next management level through the escalation matrix based on the age of the ticket": every severity of every preset policy has an age ladder', () => {
    for (const p of policies) {
      for (const level of p.severityLevels) {
        const ladder = ageRulesFor(level.id);
        expect(ladder.size, `${p.id} severity ${level.id}`).toBeGreaterThan(0);
        // Each rule's number is an example, and the settings screen says so.
        for (const l of matrix.levels) for (const r of l.auto) if (r.trigger.kind === 'age') expect(r.illustrative).toBe(true);
      }
    }
  });

  it('measures the age from when the current severity took effect: a ticket raised to severity 1 after a day reaches M1 four hours after the raise, not every level at once', () => {
    const raisedAt = T0 + 24 * 60 * MIN;
    const t = withHistory([{ at: T0, severity: '3' }, { at: raisedAt, severity: '1' }], { escalationLevel: 0 });
    expect(severityEffectiveSince(t)).toBe(raisedAt);
    expect(dueAutomaticEscalations(t, matrix, [], raisedAt + 1 * MIN, []).map((d) => d.level)).toEqual([]);
    expect(dueAutomaticEscalations(t, matrix, [], raisedAt + 240 * MIN, []).map((d) => d.level)).toEqual([2]);
    expect(dueAutomaticEscalations(t, matrix, [], raisedAt + 480 * MIN, [2]).map((d) => d.level)).toEqual([3]);
  });

  it('"ескалацията се случва автоматично ... въз основа на възрастта на тикета": a major network fault escalates by age like any other severity', () => {
    const ladder = escalationMatrixSchema.parse(networkLadder);
    const t = withHistory([{ at: T0, severity: 'major' }], { policyId: 'network-impact-rfo', priority: 'P2' });
    const rule = ladder.levels[0]?.auto.find((r) => r.trigger.kind === 'age' && r.trigger.severity === 'major');
    const m1 = rule?.trigger.kind === 'age' ? rule.trigger.minutes : undefined;
    expect(m1).toBeDefined();
    expect(dueAutomaticEscalations(t, ladder, [], T0 + (m1 ?? 0) * MIN - 1, [])).toEqual([]);
    expect(dueAutomaticEscalations(t, ladder, [], T0 + (m1 ?? 0) * MIN, [])).toMatchObject([{ level: 1, reason: `at severity major for ${m1} min` }]);
  });

  it('"系统将自动升级该Case的优先级": the priority raise maps through each policy\'s own scale, also where there is no "critical"', () => {
    expect(resolvePriorityRaise(policy('business-hours-3-severity'), 'normal', 'top')).toBe('high');
    expect(resolvePriorityRaise(policy('network-impact-rfo'), 'P3', 'top')).toBe('P1');
    expect(resolvePriorityRaise(policy('network-impact-rfo'), 'P3', 'next')).toBe('P2');
    expect(resolvePriorityRaise(policy('network-impact-rfo'), 'P1', 'top')).toBeUndefined();
    expect(resolvePriorityRaise(policy('network-impact-rfo'), 'P1', 'critical')).toBeUndefined();
    const t = withHistory([{ at: T0, severity: 'major' }], { policyId: 'network-impact-rfo', priority: 'P3' });
    const r = setPriority(t, { priority: 'top', reason: 'first_response clock breached', automatic: true }, policy('network-impact-rfo'), { now: T0 + MIN, by: 'system', eventId: 'e1' });
    expect(r.ok && r.ticket.priority).toBe('P1');
    expect(r.ok && r.event?.to.priority).toBe('P1');
    // A person cannot type "top": only an automatic rule speaks in relative terms.
    expect(setPriority(t, { priority: 'top', reason: 'x', automatic: false }, policy('network-impact-rfo'), { now: T0 + MIN, by: 'u1', eventId: 'e2' }).ok).toBe(false);
  });

  it('attributes automatic escalations and their priority raise to "system", on every device and on the server alike', () => {
    const s = memoryStore();
    const p = policy('network-impact-rfo');
    s.put('policies', p.id, p);
    const t = withHistory([{ at: T0, severity: 'major' }], { policyId: p.id, priority: 'P3', id: 'SD-AGE-0001' });
    s.run('ticket.create@1', { ticket: t }, 'clientAAAA', 1);
    s.run('ticket.recordEscalation@1', { ticketId: t.id, level: 2, levelName: 'M1', recipients: [], ask: 'at severity major for 480 min', automatic: true }, 'clientAAAA', 2);
    s.run('ticket.setPriority@1', { ticketId: t.id, priority: 'top', reason: 'at severity major for 480 min', automatic: true }, 'clientAAAA', 3);
    s.run('ticket.recordEscalation@1', { ticketId: t.id, level: 3, levelName: 'M2', recipients: [], ask: 'asked by the customer', automatic: false }, 'clientAAAA', 4);
    const events = s.all('timeline') as TimelineEvent[];
    const by = events.filter((e) => e.kind === 'escalated' || e.kind === 'severity_changed').map((e) => [e.kind, e.by]);
    expect(by).toEqual([['escalated', 'system'], ['severity_changed', 'system'], ['escalated', 'user-clientAAAA']]);
    expect(s.data('tickets', t.id)).toMatchObject({ priority: 'P1', escalationLevel: 3 });
  });

  it('property: for any policy and any sequence of severity changes, each level fires at most once and never before the age its rule names, measured from when that severity took effect', () => {
    const arb = fc.record({
      policyIndex: fc.nat({ max: policies.length - 1 }),
      steps: fc.array(fc.record({ afterMinutes: fc.integer({ min: 1, max: 3000 }), severityIndex: fc.nat({ max: 9 }) }), { maxLength: 6 }),
      tick: fc.integer({ min: 5, max: 240 }),
    });
    fc.assert(
      fc.property(arb, ({ policyIndex, steps, tick }) => {
        const p = policies[policyIndex] as Policy;
        const sev = (i: number) => (p.severityLevels[i % p.severityLevels.length] as { id: string }).id;
        const history = [{ at: T0, severity: sev(0) }];
        let at = T0;
        for (const s of steps) {
          at += s.afterMinutes * MIN;
          const next = sev(s.severityIndex);
          if (next !== history[history.length - 1]?.severity) history.push({ at, severity: next });
        }
        const end = at + 12_000 * MIN;
        let events: TimelineEvent[] = [];
        const fired: number[] = [];
        for (let now = T0; now <= end; now += tick * MIN) {
          const visible = history.filter((h) => h.at <= now);
          const ticket = withHistory(visible, { policyId: p.id, escalationLevel: Math.max(0, ...escalatedLevelsFrom(events)) });
          for (const d of dueAutomaticEscalations(ticket, matrix, [], now, escalatedLevelsFrom(events))) {
            if (d.trigger.kind !== 'age') continue;
            const dueAt = ageRuleDueAt(d.trigger, ticket);
            // Never before the named age, counted from when the ticket's current severity took effect.
            expect(dueAt).toBeDefined();
            expect(now).toBeGreaterThanOrEqual(dueAt ?? Infinity);
            expect(now - severityEffectiveSince(ticket)).toBeGreaterThanOrEqual(d.trigger.minutes * MIN);
            fired.push(d.level);
            events = [...events, { id: `e${events.length}`, ticketId: ticket.id, at: now, by: 'system', kind: 'escalated', level: d.level, levelName: d.levelId, recipients: [], ask: d.reason, automatic: true }];
          }
        }
        expect(new Set(fired).size).toBe(fired.length);
      }),
      { numRuns: 60 },
    );
  });
});
