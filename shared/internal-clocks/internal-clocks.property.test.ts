// Property tests: whatever hand-offs people try to record, in whatever order and at whatever
// times, the internal clocks keep their promises.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { policySchema } from '../policy/schema';
import { businessMeter, elapsedMeter } from '../sla/clocks-meter';
import { MIN, MON_0900, officeCalendar } from '../sla/clocks-fixtures.test-support';
import { ticketSchema, type Ticket } from '../ticket/schema';
import { internalStatus, recordInternalStep, type InternalClock, type InternalProcess } from './index';

const raw = import.meta.glob<unknown>('../../resources/presets/policies/onsite-4-level-7x24.json', { eager: true, import: 'default' });
const process = policySchema.parse(Object.values(raw)[0]).internalProcess as InternalProcess;
const stepIds = process.steps.map((s) => s.id);

const ticket = (): Ticket =>
  ticketSchema.parse({
    id: 'SD-P-1', title: 'Gateway down', channel: 'phone', customerId: 'c1', productLine: 'security', product: 'Gateway', region: 'emea-anz',
    policyId: 'onsite-4-level-7x24', severity: '1', impact: 'service_affecting', urgency: 'high', priority: 'high', status: 'in_progress',
    sla: { severityHistory: [{ at: MON_0900, severity: '1' }] }, createdAt: MON_0900, updatedAt: MON_0900, createdBy: 'ann',
  });

const attempt = fc.record({ step: fc.constantFrom(...stepIds), mark: fc.constantFrom('start' as const, 'done' as const), gap: fc.integer({ min: 0, max: 3 * 60 }) });
const meters = fc.constantFrom(['office', businessMeter(officeCalendar)] as const, ['always', elapsedMeter] as const);

describe('internal clocks (properties)', () => {
  it("a step's due is always its start plus its minutes on the calendar; a stopped step never breaches later; a met step never restarts", () => {
    fc.assert(
      fc.property(meters, fc.array(attempt, { maxLength: 25 }), fc.integer({ min: 0, max: 48 * 60 }), ([, meter], attempts, later) => {
        let t = ticket();
        let now = MON_0900;
        const settled = new Map<string, InternalClock>();
        for (const a of attempts) {
          now += a.gap * MIN;
          const r = recordInternalStep(t, { step: a.step, mark: a.mark }, process, meter, { now, by: 'u', eventId: `e${now}` });
          if (r.ok) t = r.ticket;
          const s = internalStatus(t, process, meter, now);
          s.clocks.forEach((c, i) => {
            if (c.startedAt !== undefined) expect(c.target).toBe(meter.add(c.startedAt, process.steps[i]?.minutes ?? 0));
            if (c.completedAt !== undefined) {
              const before = settled.get(c.step);
              if (before) expect(c).toEqual(before);
              settled.set(c.step, c);
            }
          });
        }
        // Much later, every finished step still reads the same.
        const end = internalStatus(t, process, meter, now + later * MIN);
        for (const c of end.clocks) if (c.completedAt !== undefined) expect(c).toEqual(settled.get(c.step));
        // At most one hand-off per step was recorded, and in the process's order.
        const done = (t.internalFacts ?? []).filter((f) => f.mark === 'done').map((f) => f.step);
        expect(new Set(done).size).toBe(done.length);
        expect(done).toEqual(stepIds.slice(0, done.length));
      }),
      { numRuns: 300 },
    );
  });
});
