import { describe, expect, it } from 'vitest';
import { policySchema } from '../policy/schema';
import { calendarPresetSchema } from '../sla';
import { complianceReport, reportRows } from '../reports';
import { ticketSchema, type Ticket } from '../ticket/schema';
import { businessMeter } from '../sla/clocks-meter';
import { recordInternalStep } from './commands';

const policyFiles = import.meta.glob<unknown>('../../resources/presets/policies/*.json', { eager: true, import: 'default' });
const calendarFiles = import.meta.glob<unknown>('../../resources/presets/calendars/*.json', { eager: true, import: 'default' });
const calendars = Object.fromEntries(Object.values(calendarFiles).map((raw) => calendarPresetSchema.parse(raw)).map((c) => [c.id, c.calendar]));
const policies = new Map(Object.values(policyFiles).map((p) => policySchema.parse(p)).map((p) => [p.id, p]));
const seed = policies.get('onsite-4-level-7x24')!;
const MIN = 60_000;
// Tue 10 Mar 2026, 10:00 in Shanghai (the policy's calendar is open).
const T0 = Date.UTC(2026, 2, 10, 2, 0);
const meter = businessMeter(calendars[seed.calendarId]!);

const ticket = (id: string): Ticket =>
  ticketSchema.parse({
    id, title: 'Gateway drops sessions', channel: 'phone', customerId: 'c1', productLine: 'security', product: 'Gateway', region: 'apac-cjks',
    policyId: seed.id, severity: '2', impact: 'degradation', urgency: 'high', priority: 'high', status: 'in_progress',
    sla: { severityHistory: [{ at: T0, severity: '2' }] }, createdAt: T0, updatedAt: T0, createdBy: 'ann',
  });

function handOff(t: Ticket, step: string, at: number): Ticket {
  const r = recordInternalStep(t, { step, mark: 'done' }, seed.internalProcess, meter, { now: at, by: 'ann', eventId: `e${at}` });
  if (!r.ok) throw new Error(r.refusal.message);
  return r.ticket;
}

describe('internal steps in the reports', () => {
  it('counts met and breached per step apart from the customer SLA clocks, with CSV rows', () => {
    const onTime = handOff(ticket('SD-R-1'), 'reception_to_specialist', T0 + 3 * MIN);
    const late = handOff(ticket('SD-R-2'), 'reception_to_specialist', T0 + 9 * MIN);
    const report = complianceReport({ tickets: [onTime, late], policies, calendars, now: T0 + 12 * MIN, filters: {}, groupBy: 'clock' });
    expect(report.internalSteps.tickets).toBe(2);
    expect(report.internalSteps.steps[0]).toMatchObject({ step: 'reception_to_specialist', met: 1, breached: 1, metPercent: 50 });
    // Both specialists' own 5 minutes started at the hand-off: SD-R-1's has run out by now.
    expect(report.internalSteps.steps[1]).toMatchObject({ step: 'specialist_to_manager', breached: 1, running: 1 });
    expect(report.clocks.map((c) => c.kind)).not.toContain('internal');
    const rows = reportRows(report, 'internal_steps');
    expect(rows[0]).toEqual(['step', 'from', 'to', 'met', 'breached', 'running', 'met_percent']);
    expect(rows[1]).toEqual(['reception_to_specialist', 'receptionist', 'specialist', '1', '1', '0', '50']);
  });
});
