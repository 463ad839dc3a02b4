// Properties every shipped escalation matrix keeps, with the policy that uses it: each level can be
// reached (by hand one after the other, and the mail finds someone for every product line and
// region the example data uses), and under any history of severity changes and breaches each
// level fires automatically at most once, in order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { presetConfig } from '../config/preset-config';
import { demoEngineers } from '../demo/catalogue';
import type { Policy } from '../policy/schema';
import { ticketSchema, type Ticket } from '../ticket/schema';
import type { TimelineEvent } from '../ticket/timeline';
import { dueAutomaticEscalations, escalatedLevelsFrom } from './auto';
import { escalationMatrixForPolicy, nextEscalationLevel } from './levels';
import { resolveEscalationRecipients } from './recipients';
import type { ClockStateLike, EscalationMatrix } from './schema';

const config = presetConfig();
const matrices = Object.values(config.escalationMatrices);
const MIN = 60_000;
const T0 = Date.UTC(2026, 2, 2, 8, 0);
const productLines = Object.keys(Object.fromEntries(config.products ? Object.values(config.products).map((p) => [p.productLine, true]) : []));
const regions = ['north-america', 'latin-america', 'emea-anz', 'apac-cjks'];

/** Every shipped policy with the matrix it falls to without a contract, plus the fallback under an admin-made policy. */
const pairs: Array<{ policy: Policy; matrix: EscalationMatrix }> = Object.values(config.policies).flatMap((policy) => {
  const matrix = escalationMatrixForPolicy(matrices, policy.id);
  return matrix ? [{ policy, matrix }] : [];
});

function ticketOn(policy: Policy, over: Partial<Ticket>): Ticket {
  return ticketSchema.parse({
    id: 'SD-PROP-0001', title: 'Fault', channel: 'phone', customerId: 'cust-x', productLine: 'data-vault', product: 'P', region: 'north-america', policyId: policy.id,
    severity: policy.severityLevels[0]?.id ?? '1', impact: 'service_affecting', urgency: 'high', priority: policy.priorities[0]?.id ?? 'P1', status: 'in_progress', ownerId: 'eng-ivan',
    createdAt: T0, updatedAt: T0, sla: { severityHistory: [{ at: T0, severity: policy.severityLevels[0]?.id ?? '1' }], pauses: [], customerUpdates: [] }, ...over,
  });
}

describe('every shipped matrix', () => {
  it('every shipped policy escalates by some matrix', () => {
    expect(pairs.map((p) => p.policy.id).sort()).toEqual(Object.keys(config.policies).sort());
  });

  it.each(pairs.map((p) => [p.policy.id, p.matrix.id, p] as const))('%s (%s): each level is reached by hand one after the other, and each mailed level finds someone for every product line and region', (_p, _m, { policy, matrix }) => {
    const visited: number[] = [];
    let level: number | undefined = 0;
    while ((level = nextEscalationLevel({ escalationLevel: level }, matrix)) !== undefined) visited.push(level);
    expect(visited).toEqual(matrix.levels.map((_l, i) => i + 1));
    for (const productLine of productLines) {
      for (const region of regions) {
        const t = ticketOn(policy, { productLine, region });
        matrix.levels.forEach((l, i) => {
          const r = resolveEscalationRecipients(t, i + 1, matrix, demoEngineers);
          if (l.kind === 'customer_comment') expect(r.missing?.reason).toBe('customer_step');
          else expect(r.missing, `${l.id} ${productLine} ${region}`).toBeUndefined();
        });
      }
    }
  });

  it.each(pairs.map((p) => [p.policy.id, p.matrix.id, p] as const))('%s (%s): a ticket left at one severity reaches every level that has an age rule for it, in the matrix order', (_p, _m, { matrix }) => {
    const severities = new Set(matrix.levels.flatMap((l) => l.auto.flatMap((r) => (r.trigger.kind === 'age' ? [r.trigger.severity] : []))));
    for (const severity of severities) {
      const ladder = matrix.levels.flatMap((l) => l.auto.flatMap((r) => (r.trigger.kind === 'age' && r.trigger.severity === severity ? [r.trigger.minutes] : [])));
      expect([...ladder].sort((a, b) => a - b), severity).toEqual(ladder);
      expect(new Set(ladder).size, severity).toBe(ladder.length);
    }
  });

  it('property: under any history of severity changes and clock breaches, each level fires automatically at most once and levels only go up', () => {
    const arb = fc.record({
      pair: fc.nat({ max: pairs.length - 1 }),
      steps: fc.array(fc.record({ afterMinutes: fc.integer({ min: 1, max: 3000 }), severityIndex: fc.nat({ max: 9 }), breach: fc.boolean() }), { maxLength: 6 }),
      tick: fc.integer({ min: 5, max: 480 }),
    });
    fc.assert(
      fc.property(arb, ({ pair, steps, tick }) => {
        const { policy, matrix } = pairs[pair]!;
        const sev = (i: number): string => policy.severityLevels[i % policy.severityLevels.length]?.id ?? '1';
        const history = [{ at: T0, severity: sev(0), breach: false }];
        let at = T0;
        for (const s of steps) {
          at += s.afterMinutes * MIN;
          history.push({ at, severity: sev(s.severityIndex), breach: s.breach });
        }
        let events: TimelineEvent[] = [];
        const fired: number[] = [];
        for (let now = T0; now <= at + 12_000 * MIN; now += tick * MIN) {
          const seen = history.filter((h) => h.at <= now);
          const changes = seen.filter((h, i) => i === 0 || h.severity !== seen[i - 1]?.severity).map(({ at: when, severity }) => ({ at: when, severity }));
          const clocks: ClockStateLike[] = seen.some((h) => h.breach) ? [{ kind: 'first_response', state: 'breached' }, { kind: 'online_resolution', state: 'breached' }] : [];
          const reached = escalatedLevelsFrom(events);
          const ticket = ticketOn(policy, { severity: changes[changes.length - 1]?.severity ?? sev(0), escalationLevel: Math.max(0, ...reached), sla: { severityHistory: changes, pauses: [], customerUpdates: [] } });
          for (const d of dueAutomaticEscalations(ticket, matrix, clocks, now, reached)) {
            fired.push(d.level);
            events = [...events, { id: `e${events.length}`, ticketId: ticket.id, at: now, by: 'system', kind: 'escalated', level: d.level, levelName: d.levelId, recipients: [], ask: d.reason, automatic: true }];
          }
        }
        expect(new Set(fired).size).toBe(fired.length);
        expect([...fired].sort((a, b) => a - b)).toEqual(fired);
      }),
      { numRuns: 80 },
    );
  });
});
