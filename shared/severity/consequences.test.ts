import { describe, expect, it } from 'vitest';
import { policySchema, type Policy } from '../policy/schema';
import { calendarPresetSchema } from '../sla';
import { escalationMatrixSchema } from '../escalation/schema';
import matrixJson from '../../resources/presets/escalation/default-matrix.json';
import { ticketSchema, type Ticket } from '../ticket/schema';
import { computeClocks } from '../sla/clocks';
import { severityConsequences } from './consequences';
import { changeSeverity } from './change';

const policyFiles = import.meta.glob<unknown>('../../resources/presets/policies/*.json', { eager: true, import: 'default' });
const calendarFiles = import.meta.glob<unknown>('../../resources/presets/calendars/*.json', { eager: true, import: 'default' });
const calendars = Object.fromEntries(Object.values(calendarFiles).map((raw) => calendarPresetSchema.parse(raw)).map((c) => [c.id, c.calendar]));
const policies = Object.values(policyFiles).map((p) => policySchema.parse(p));
const policy = (id: string): Policy => policies.find((p) => p.id === id) as Policy;
const matrix = escalationMatrixSchema.parse(matrixJson);
const MIN = 60_000;
// Tue 10 Mar 2026, 15:00 UTC (10:00 in New York): inside business hours everywhere the presets look.
const T0 = Date.UTC(2026, 2, 10, 15, 0);
const eDown = { reason: 'users_cannot_reach_server' as const, usersTotal: 300, usersAffected: 280, actionsTaken: 'Restarted the application server twice', downSince: T0, technicalContact: 'Casey Example, +1 555 0100' };

// Tue 10 Mar 2026, 10:00 in Beijing: business hours of the China calendar.
const T_CN = Date.UTC(2026, 2, 10, 2, 0);

function ticket(policyId: string, severity: string, overrides: Partial<Ticket> = {}, t0 = T0): Ticket {
  return ticketSchema.parse({
    id: 'SD-WHAT-0001', title: 'Order entry unavailable', channel: 'phone', customerId: 'c1', productLine: 'erp', product: 'ERP 9', region: 'north-america',
    policyId, severity, impact: 'degradation', urgency: 'medium', priority: 'medium', status: 'in_progress',
    sla: { severityHistory: [{ at: t0, severity }] }, createdAt: t0, updatedAt: t0, ...overrides,
  });
}

describe('re-targeting after a severity change', () => {
  it('"you can use the case tracker to set the severity to E-Down after the case is logged": E-Down on a day-old case is not breached the instant it is saved, because its targets count from the raise', () => {
    const p = policy('enterprise-edown');
    expect(p.retargetOnSeverityChange?.from).toBe('change');
    const t = ticket(p.id, '2');
    const raisedAt = T0 + 26 * 60 * MIN;
    const r = changeSeverity(t, { severity: 'edown', reason: 'production is down', eDown }, { policy: p }, { now: raisedAt, by: 'u1', eventId: 'e1' });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const clocks = computeClocks(r.ticket, p, raisedAt + MIN, calendars);
    expect(clocks.find((c) => c.kind === 'first_response')).toMatchObject({ state: 'running', startedAt: raisedAt, target: raisedAt + 30 * MIN });
    expect(clocks.find((c) => c.kind === 'resolution')).toMatchObject({ state: 'running', startedAt: raisedAt });
    const c = severityConsequences(t, { severity: 'edown', eDown }, { policy: p, calendars, matrix, timeline: [] }, raisedAt);
    expect(c.pastTargets).toEqual([]);
    expect(c.retarget.from).toBe('change');
  });

  it('a policy that counts from the original start keeps it, and the preview flags the targets already in the past', () => {
    const p = policy('onsite-4-level-7x24');
    expect(p.retargetOnSeverityChange?.from).toBe('start');
    const t = ticket(p.id, '4', {}, T_CN);
    const at = T_CN + 3 * 60 * MIN;
    const c = severityConsequences(t, { severity: '1' }, { policy: p, calendars, matrix, timeline: [] }, at);
    expect(c.pastTargets.map((x) => x.kind)).toContain('first_response');
    for (const x of c.pastTargets) expect(x.target).toBeLessThan(at);
  });
});

describe('what saving a severity change will cause', () => {
  it('"如果在系統默認的時間內，仍舊沒有工程師響應Case ... 系統將自動升級該Case的優先級": a raise that breaches first response announces the escalation to M1 and the priority before -> after', () => {
    const p = policy('onsite-4-level-7x24');
    const t = ticket(p.id, '4', { priority: 'medium' }, T_CN);
    const at = T_CN + 3 * 60 * MIN;
    const c = severityConsequences(t, { severity: '1' }, { policy: p, calendars, matrix, timeline: [] }, at);
    expect(c.escalations.filter((e) => e.now)).toMatchObject([{ level: 2, levelId: 'm1', reason: 'first_response clock breached', raisesPriorityTo: 'critical' }]);
    expect(c.priority).toEqual({ from: 'medium', to: 'critical' });
  });

  it('names the next escalation by age, counted from the change', () => {
    const p = policy('enterprise-edown');
    const t = ticket(p.id, '3', { sla: { severityHistory: [{ at: T0, severity: '3' }], pauses: [], customerUpdates: [], respondedAt: T0 + MIN } });
    const at = T0 + 60 * MIN;
    const c = severityConsequences(t, { severity: '1' }, { policy: p, calendars, matrix, timeline: [] }, at);
    expect(c.escalations.filter((e) => e.now)).toEqual([]);
    expect(c.escalations.find((e) => !e.now)).toMatchObject({ level: 2, at: at + 240 * MIN });
  });

  it('does not announce what is due anyway, nor a level already recorded', () => {
    const p = policy('onsite-4-level-7x24');
    const t = ticket(p.id, '1', { priority: 'critical' });
    const at = T0 + 3 * 24 * 60 * MIN;
    const timeline = [{ id: 'x', ticketId: t.id, at: T0, by: 'system', kind: 'escalated' as const, level: 2, levelName: 'M1', recipients: [], ask: '', automatic: true }];
    const c = severityConsequences({ ...t, escalationLevel: 2 }, { urgency: 'high' }, { policy: p, calendars, matrix, timeline }, at);
    expect(c.escalations.filter((e) => e.now)).toEqual([]);
  });
});
