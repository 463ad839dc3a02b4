// Small builders shared by the clock, watch-list and severity tests (pure data, no test framework).
import { policySchema, type Policy, type PolicyInput } from '../policy/schema';
import { ticketSchema, type Ticket } from '../ticket/schema';
import type { BusinessCalendar } from './calendar';
import type { CalendarLookup } from './clocks-types';

export const MIN = 60_000;
export const HOUR = 60 * MIN;
/** Monday 2 March 2026, 09:00 UTC. */
export const MON_0900 = Date.UTC(2026, 2, 2, 9, 0);

const day = (): [string, string][] => [['09:00', '17:00']];
/** Mon–Fri 09:00–17:00 UTC, closed Wednesday 4 March 2026 (a holiday). */
export const officeCalendar: BusinessCalendar = {
  timeZone: 'UTC',
  week: { mon: day(), tue: day(), wed: day(), thu: day(), fri: day(), sat: [], sun: [] },
  overrides: { '2026-03-04': [] },
};
const full = (): [string, string][] => [['00:00', '24:00']];
export const alwaysCalendar: BusinessCalendar = {
  timeZone: 'UTC',
  week: { mon: full(), tue: full(), wed: full(), thu: full(), fri: full(), sat: full(), sun: full() },
};
export const testCalendars: CalendarLookup = { office: officeCalendar, always: alwaysCalendar };

const bm = (value: number) => ({ unit: 'business_minutes' as const, value });

/** A four-level policy on the office calendar, E-Down above the top on 24x7. */
export function testPolicyInput(): PolicyInput {
  return {
    id: 'test',
    name: 'Test policy',
    calendarId: 'office',
    severityLevels: [
      { id: 'edown', label: 'E-Down', aboveTop: true, calendarId: 'always', targets: { first_response: bm(30), resolution: bm(240) } },
      {
        id: '1',
        label: 'Severity 1',
        targets: {
          first_response: bm(120),
          update_cadence: { unit: 'elapsed_minutes', steps: [10, 30, 60] },
          online_resolution: bm(240),
          on_site_arrival: { unit: 'elapsed_minutes', value: 1440 },
          resolution: bm(960),
          rfo: { unit: 'working_days', value: 5 },
        },
      },
      {
        id: '2',
        label: 'Severity 2',
        targets: { first_response: bm(240), online_resolution: bm(480), on_site_arrival: { unit: 'working_days', value: 3 }, resolution: bm(1920) },
        firstResponseByChannel: { portal: { unit: 'working_days', value: 1 } },
      },
      { id: '3', label: 'Severity 3', targets: { first_response: bm(480), resolution: bm(4800) } },
    ],
    warningThresholds: [50, 75],
    pauseWhileWaitingCustomer: { online_resolution: true, resolution: true },
    priorities: [
      { id: 'p1', label: 'Critical' },
      { id: 'p2', label: 'High' },
      { id: 'p3', label: 'Normal' },
    ],
    priorityMatrix: {
      service_affecting: { high: 'p1', medium: 'p1', low: 'p2' },
      degradation: { high: 'p1', medium: 'p2', low: 'p3' },
      non_service_affecting: { high: 'p2', medium: 'p3', low: 'p3' },
    },
    defaultPriorityByTier: { '7x24_hotline': 'p2' },
    eDown: {
      enabled: true,
      levelId: 'edown',
      qualifyingReasons: ['users_cannot_reach_server', 'server_unresponsive_or_exiting', 'suppliers_cannot_reach', 'end_user_productivity_down_80', 'server_performance_down_80'],
      questionnaire: ['reason', 'usersTotal', 'usersAffected', 'actionsTaken', 'downSince', 'technicalContact'],
      notAtCreationVia: ['portal'],
    },
  };
}

export function testPolicy(): Policy {
  return policySchema.parse(testPolicyInput());
}

/** A ticket created at `createdAt` with severity `severity` under the test policy; `sla` fields merge in. */
export function makeTicket(over: Partial<Omit<Ticket, 'sla'>> & { sla?: Partial<Ticket['sla']> } = {}): Ticket {
  const createdAt = over.createdAt ?? MON_0900;
  const severity = over.severity ?? '1';
  const { sla, ...rest } = over;
  return ticketSchema.parse({
    id: 'SD-TEST-0001',
    title: 'Core router drops traffic',
    channel: 'phone',
    customerId: 'cust-1',
    productLine: 'network',
    product: 'edge-router',
    region: 'emea',
    policyId: 'test',
    impact: 'service_affecting',
    urgency: 'high',
    priority: 'p1',
    status: 'in_progress',
    updatedAt: createdAt,
    ...rest,
    severity,
    createdAt,
    sla: { severityHistory: [{ at: createdAt, severity }], pauses: [], customerUpdates: [], ...sla },
  });
}
