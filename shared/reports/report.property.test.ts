import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { complianceReport } from './report';
import { reportGroupings } from './types';
import { HOUR, MIN, MON, reportCalendars, reportPolicies, reportTicket } from './report-fixtures.test-support';

const DAY = 24 * HOUR;

const ticketArb = fc.record({
  createdDay: fc.integer({ min: 0, max: 60 }),
  createdMinute: fc.integer({ min: 0, max: 1439 }),
  respondAfter: fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }),
  resolveAfter: fc.option(fc.integer({ min: 1, max: 2000 }), { nil: undefined }),
  severities: fc.array(fc.constantFrom('1', '2', 'edown'), { minLength: 1, maxLength: 3 }),
  productLine: fc.constantFrom('storage', 'network'),
  region: fc.constantFrom('emea', 'apac', 'amer'),
  customerId: fc.constantFrom('cust-a', 'cust-b'),
  ownerId: fc.option(fc.constantFrom('eng-a', 'eng-b'), { nil: undefined }),
});

describe('complianceReport properties', () => {
  it('met + breached over the groups equals the ungrouped total, for every grouping and clock', () => {
    fc.assert(
      fc.property(fc.array(ticketArb, { maxLength: 40 }), fc.constantFrom(...reportGroupings), fc.option(fc.integer({ min: 0, max: 70 }), { nil: undefined }), (specs, groupBy, fromDay) => {
        const tickets = specs.map((s, i) => {
          const createdAt = MON + s.createdDay * DAY + s.createdMinute * MIN;
          const history = s.severities.map((severity, k) => ({ at: createdAt + k * 45 * MIN, severity }));
          const severity = history[history.length - 1]?.severity ?? '1';
          return reportTicket({
            id: `P-${i}`,
            createdAt,
            severity,
            productLine: s.productLine,
            region: s.region,
            customerId: s.customerId,
            ownerId: s.ownerId,
            sla: {
              severityHistory: history,
              ...(s.respondAfter !== undefined ? { respondedAt: createdAt + s.respondAfter * MIN } : {}),
              ...(s.resolveAfter !== undefined ? { resolvedAt: createdAt + s.resolveAfter * MIN } : {}),
            },
          });
        });
        const filters = fromDay === undefined ? {} : { from: MON + fromDay * DAY };
        const r = complianceReport({ tickets, policies: reportPolicies(), calendars: reportCalendars, now: MON + 70 * DAY, filters, groupBy });
        for (const c of r.clocks) {
          const sum = (xs: { met: number; breached: number }[]) => xs.reduce((a, g) => a + g.met + g.breached, 0);
          expect(sum(c.groups)).toBe(c.total.met + c.total.breached);
          expect(sum(c.trend)).toBe(c.total.met + c.total.breached);
          expect(c.groups.reduce((a, g) => a + g.timed, 0)).toBe(c.total.timed);
        }
      }),
      { numRuns: 150 },
    );
  });
});
