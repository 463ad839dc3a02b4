import { describe, expect, it } from 'vitest';
import { validateBackup } from '../backup';
import { customerSchema, engineerSchema } from '../directory';
import { parsePolicy, type Policy } from '../policy';
import { canTransition } from '../ticket/status';
import { ticketSchema, type TicketStatus } from '../ticket/schema';
import { timelineEventSchema, type TimelineEvent } from '../ticket/timeline';
import { demoBackupFile, demoCustomerDirectory, demoEngineerDirectory, demoTickets, generateDemoData } from './index';

const policyFiles = import.meta.glob<unknown>('../../resources/presets/policies/*.json', { eager: true, import: 'default' });
const calendarFiles = import.meta.glob<{ id: string }>('../../resources/presets/calendars/*.json', { eager: true, import: 'default' });
const policies = new Map<string, Policy>(Object.values(policyFiles).map((raw) => parsePolicy(raw)).map((p) => [p.id, p]));
const calendarIds = new Set(Object.values(calendarFiles).map((c) => c.id));
const now = Date.UTC(2026, 5, 15, 10, 0);

const customers = demoCustomerDirectory(60);
const engineers = demoEngineerDirectory(4);
const big = generateDemoData({ tickets: 3000, now, policies, seed: 7, histories: true, customers, engineers });

describe('default demo set (first run, e2e)', () => {
  it('is 60 tickets SD-DEMO-0001..SD-DEMO-0060, each valid with a created event, the same on every call', () => {
    const a = generateDemoData({ tickets: 60, now, policies });
    expect(a.tickets.map((t) => t.id)).toEqual(Array.from({ length: 60 }, (_, i) => `SD-DEMO-${String(i + 1).padStart(4, '0')}`));
    for (const t of a.tickets) expect(ticketSchema.safeParse(t).success).toBe(true);
    expect(a.timeline.map((e) => e.kind)).toEqual(Array(60).fill('created'));
    expect(generateDemoData({ tickets: 60, now, policies })).toEqual(a);
  });
});

describe('demo data with histories', () => {
  it('every ticket passes ticketSchema and every event timelineEventSchema, with unique ids', () => {
    for (const t of big.tickets) {
      const r = ticketSchema.safeParse(t);
      expect(r.success, r.success ? '' : `${t.id}: ${r.error.message}`).toBe(true);
    }
    for (const e of big.timeline) expect(timelineEventSchema.safeParse(e).success, e.id).toBe(true);
    expect(new Set(big.tickets.map((t) => t.id)).size).toBe(big.tickets.length);
    expect(new Set(big.timeline.map((e) => e.id)).size).toBe(big.timeline.length);
  });

  it('each timeline replays through legal status changes to the ticket status, never after now', () => {
    const byTicket = new Map<string, TimelineEvent[]>();
    for (const e of big.timeline) {
      const list = byTicket.get(e.ticketId) ?? [];
      list.push(e);
      byTicket.set(e.ticketId, list);
    }
    for (const t of big.tickets) {
      const events = byTicket.get(t.id) ?? [];
      expect(events[0]?.kind).toBe('created');
      let status: TicketStatus = 'received';
      let last = t.createdAt;
      for (const e of events) {
        expect(e.at).toBeGreaterThanOrEqual(last);
        expect(e.at).toBeLessThanOrEqual(now);
        last = e.at;
        if (e.kind === 'status_changed') {
          expect(e.from).toBe(status);
          expect(canTransition(e.from, e.to)).toBe(true);
          status = e.to;
        }
      }
      expect(t.status).toBe(status);
      expect(t.updatedAt).toBe(Math.max(t.createdAt, ...events.map((e) => e.at)));
      // SLA facts match the story: a response once acknowledged, an open pause only while waiting.
      expect(t.sla.respondedAt === undefined).toBe(t.status === 'received');
      expect(t.sla.pauses.some((p) => p.to === undefined)).toBe(t.status === 'waiting_customer');
      expect(t.sla.resolvedAt !== undefined).toBe(['resolved', 'confirmed', 'closed'].includes(t.status));
      expect(t.ownerId === undefined).toBe(t.status === 'received');
    }
  });

  it('looks like a real desk: mostly closed history, open work of every kind, notes, pauses, severity changes and E-Down', () => {
    const count = (s: TicketStatus) => big.tickets.filter((t) => t.status === s).length;
    expect(count('closed') / big.tickets.length).toBeGreaterThan(0.7);
    for (const s of ['received', 'acknowledged', 'in_progress', 'waiting_customer', 'resolved', 'confirmed'] as const) expect(count(s), s).toBeGreaterThan(0);
    const kinds = new Set(big.timeline.map((e) => e.kind));
    for (const k of ['created', 'assigned', 'status_changed', 'note', 'customer_update', 'severity_changed'] as const) expect(kinds.has(k), k).toBe(true);
    expect(big.tickets.some((t) => t.sla.pauses.length > 0 && t.status === 'closed')).toBe(true);
    expect(big.tickets.some((t) => t.eDown !== undefined && t.severity === policies.get(t.policyId)?.eDown?.levelId)).toBe(true);
    expect(new Set(big.tickets.map((t) => t.customerId)).size).toBeGreaterThan(40);
    expect(new Set(big.tickets.map((t) => t.region)).size).toBe(4);
    // Spread over a year.
    expect(Math.min(...big.tickets.map((t) => t.createdAt))).toBeLessThan(now - 300 * 24 * 3600_000);
  });

  it('continues numbering from firstNumber with a fixed width, deterministically per seed', () => {
    const opts = { tickets: 3, now, policies, seed: 9, histories: true, idPrefix: 'SD-GEN-', firstNumber: 1001, idWidth: 7, customers, engineers };
    const ids = [...demoTickets(opts)].map((d) => d.ticket.id);
    expect(ids).toEqual(['SD-GEN-0001001', 'SD-GEN-0001002', 'SD-GEN-0001003']);
    expect([...demoTickets(opts)]).toEqual([...demoTickets(opts)]);
    expect([...demoTickets({ ...opts, seed: 10 })][0]?.ticket).not.toEqual([...demoTickets(opts)][0]?.ticket);
  });

  it('refuses a bad count or first number', () => {
    expect(() => [...demoTickets({ tickets: -1, now, policies })]).toThrow(/whole number/);
    expect(() => [...demoTickets({ tickets: 1, now, policies, firstNumber: 0 })]).toThrow(/first demo ticket number/);
  });
});

describe('directory and import file', () => {
  it('customers and engineers are valid, unique, on known policies and calendars, with example addresses only', () => {
    const many = demoCustomerDirectory(300);
    expect(many).toHaveLength(300);
    expect(new Set(many.map((c) => c.id)).size).toBe(300);
    expect(new Set(many.map((c) => c.name)).size).toBe(300);
    for (const c of many) {
      expect(customerSchema.safeParse(c).success).toBe(true);
      expect(policies.has(c.policyId), c.policyId).toBe(true);
      expect(calendarIds.has(c.calendarId), c.calendarId).toBe(true);
    }
    for (const e of engineers) {
      expect(engineerSchema.safeParse(e).success).toBe(true);
      expect(e.email.endsWith('@example.com')).toBe(true);
    }
    expect(new Set(engineers.map((e) => e.id)).size).toBe(engineers.length);
  });

  it('the demo file is a valid backup file (imports through Settings > Backup)', () => {
    const small = generateDemoData({ tickets: 200, now, policies, histories: true, customers, engineers });
    const file = demoBackupFile({ customers, engineers, ...small }, now);
    const result = validateBackup(JSON.parse(JSON.stringify(file)), 3);
    expect(result.ok ? [] : result.issues).toEqual([]);
    expect(result.ok && result.file.tables.tickets.length).toBe(200);
  });
});
