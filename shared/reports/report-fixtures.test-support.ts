// Builders for the report tests: a 24x7 policy in wall minutes, so every expected number is
// simple arithmetic on the tickets' instants.
import { policySchema, type Policy } from '../policy/schema';
import type { BusinessCalendar } from '../sla/calendar';
import type { CalendarLookup } from '../sla/clocks-types';
import { ticketSchema, type Ticket } from '../ticket/schema';

export const MIN = 60_000;
export const HOUR = 60 * MIN;
/** Monday 2 March 2026, 00:00 UTC. */
export const MON = Date.UTC(2026, 2, 2);

const full = (): [string, string][] => [['00:00', '24:00']];
const always: BusinessCalendar = { timeZone: 'UTC', week: { mon: full(), tue: full(), wed: full(), thu: full(), fri: full(), sat: full(), sun: full() } };
export const reportCalendars: CalendarLookup = { always };

const em = (value: number) => ({ unit: 'elapsed_minutes' as const, value });

/** E-Down above severities 1 and 2; first response 60/120 min, resolution 240/480 min, all 24x7. */
export function reportPolicy(): Policy {
  return policySchema.parse({
    id: 'rp',
    name: 'Report test policy',
    calendarId: 'always',
    severityLevels: [
      { id: 'edown', label: 'E-Down', aboveTop: true, targets: { first_response: em(15), resolution: em(120) } },
      { id: '1', label: 'Severity 1, critical', targets: { first_response: em(60), resolution: em(240) } },
      { id: '2', label: 'Severity 2', targets: { first_response: em(120), resolution: em(480) } },
    ],
    priorities: [{ id: 'p1', label: 'High' }],
    priorityMatrix: {
      service_affecting: { high: 'p1', medium: 'p1', low: 'p1' },
      degradation: { high: 'p1', medium: 'p1', low: 'p1' },
      non_service_affecting: { high: 'p1', medium: 'p1', low: 'p1' },
    },
    eDown: {
      enabled: true,
      levelId: 'edown',
      qualifyingReasons: ['users_cannot_reach_server'],
      questionnaire: ['reason'],
    },
  });
}

export const reportPolicies = (): ReadonlyMap<string, Policy> => new Map([['rp', reportPolicy()]]);

type TicketOver = Partial<Omit<Ticket, 'sla'>> & { sla?: Partial<Ticket['sla']> };

/** A ticket under the report policy; severity history defaults to the creation severity. */
export function reportTicket(over: TicketOver & { id: string; createdAt: number }): Ticket {
  const severity = over.severity ?? '1';
  const { sla, ...rest } = over;
  return ticketSchema.parse({
    title: 'Disk array degraded',
    channel: 'phone',
    customerId: 'cust-a',
    productLine: 'storage',
    product: 'Array 9',
    region: 'emea',
    policyId: 'rp',
    impact: 'degradation',
    urgency: 'high',
    priority: 'p1',
    status: 'in_progress',
    ownerId: 'eng-a',
    updatedAt: over.createdAt,
    ...rest,
    severity,
    sla: { severityHistory: [{ at: over.createdAt, severity }], pauses: [], customerUpdates: [], ...sla },
  });
}
