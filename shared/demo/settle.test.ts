import { describe, expect, it } from 'vitest';
import { escalationMatrixSchema, type EscalationMatrix } from '../escalation';
import { parsePolicy, type Policy } from '../policy';
import { calendarPresetSchema } from '../sla';
import { autoEscalationEventId, slaAlertEventId } from '../sync';
import { ticketSchema } from '../ticket/schema';
import { timelineEventSchema } from '../ticket/timeline';
import { demoCustomerDirectory, demoEngineerDirectory, generateDemoData, type DemoRules } from './index';

const policyFiles = import.meta.glob<unknown>('../../resources/presets/policies/*.json', { eager: true, import: 'default' });
const calendarFiles = import.meta.glob<unknown>('../../resources/presets/calendars/*.json', { eager: true, import: 'default' });
const matrixFiles = import.meta.glob<unknown>('../../resources/presets/escalation/*.json', { eager: true, import: 'default' });
const policies = new Map<string, Policy>(Object.values(policyFiles).map((raw) => parsePolicy(raw)).map((p) => [p.id, p]));
const calendars = Object.fromEntries(Object.values(calendarFiles).map((raw) => calendarPresetSchema.parse(raw)).map((c) => [c.id, c.calendar]));
const matrices: EscalationMatrix[] = Object.values(matrixFiles).map((raw) => escalationMatrixSchema.parse(raw));
const rules: DemoRules = { calendars, matrices };
const now = Date.UTC(2026, 5, 15, 10, 0);
const options = { tickets: 1500, now, policies, seed: 5, histories: true, customers: demoCustomerDirectory(40), engineers: demoEngineerDirectory(4) };
const plain = generateDemoData(options);
const settled = generateDemoData({ ...options, rules });

describe('demo data settled with the app rules', () => {
  it('is the same on every call, and valid: tickets, events and unique event ids', () => {
    expect(generateDemoData({ ...options, rules })).toEqual(settled);
    for (const t of settled.tickets) expect(ticketSchema.safeParse(t).success, t.id).toBe(true);
    for (const e of settled.timeline) expect(timelineEventSchema.safeParse(e).success, e.id).toBe(true);
    expect(new Set(settled.timeline.map((e) => e.id)).size).toBe(settled.timeline.length);
  });

  it('only adds to the plain set: the same tickets, their own events first, nothing after now', () => {
    expect(settled.tickets.map((t) => t.id)).toEqual(plain.tickets.map((t) => t.id));
    const ids = new Set(settled.timeline.map((e) => e.id));
    for (const e of plain.timeline) expect(ids.has(e.id), e.id).toBe(true);
    for (const e of settled.timeline) expect(e.at, e.id).toBeLessThanOrEqual(now);
  });

  it('alerts and automatic escalations carry the ids the app derives, and the ticket level matches its escalations', () => {
    const alerts = settled.timeline.flatMap((e) => (e.kind === 'sla_alert' ? [e] : []));
    const escalations = settled.timeline.flatMap((e) => (e.kind === 'escalated' ? [e] : []));
    expect(alerts.length).toBeGreaterThan(0);
    expect(escalations.length).toBeGreaterThan(0);
    for (const a of alerts) {
      expect(a.id).toBe(slaAlertEventId({ ticketId: a.ticketId, clock: a.clock, threshold: a.threshold, target: a.target }));
      expect(a.by).toBe('system');
    }
    const byTicket = new Map(settled.tickets.map((t) => [t.id, t]));
    for (const e of escalations) {
      expect(e).toMatchObject({ id: autoEscalationEventId(e.ticketId, e.level), automatic: true });
      expect(e.ask).toMatch(/clock breached|at severity .+ for longer than/);
      expect(byTicket.get(e.ticketId)?.escalationLevel).toBeGreaterThanOrEqual(e.level);
    }
    for (const t of settled.tickets) {
      const top = Math.max(0, ...escalations.filter((e) => e.ticketId === t.id).map((e) => e.level));
      expect(t.escalationLevel, t.id).toBe(top);
    }
  });
});
