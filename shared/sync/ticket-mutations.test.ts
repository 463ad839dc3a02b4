import { describe, expect, it } from 'vitest';
import type { Ticket } from '../ticket/schema';
import type { TimelineEvent } from '../ticket/timeline';
import { memoryStore } from './memory-store.test-support';
import { prepareMutation } from './registry';
import { autoEscalationEventId } from './mutations/timeline-append';

const ticket: Ticket = {
  id: 'SD-ABCDEF-0002', title: 'Core router down', description: '', channel: 'phone', customerId: 'c1',
  contactName: 'Ana Example', contactEmail: 'ana@example.com', contactPhone: '', productLine: 'routing', product: 'R9', productVersion: '',
  region: 'north', policyId: 'p1', severity: '2', impact: 'degradation', urgency: 'medium', priority: 'P2', status: 'received',
  escalationLevel: 0, onSite: false, intake: {}, sla: { severityHistory: [{ at: 1000, severity: '2' }], pauses: [], customerUpdates: [] },
  createdAt: 1000, updatedAt: 1000, createdBy: 'u1',
};
const eDown = { reason: 'users_cannot_reach_server' as const, usersTotal: 200, usersAffected: 180, actionsTaken: 'Rebooted the core', downSince: 900, technicalContact: 'Casey Example' };
const events = (s: ReturnType<typeof memoryStore>) => s.all('timeline') as TimelineEvent[];

describe('ticket.changeSeverity@1 with E-Down answers', () => {
  it('stores the E-Down answers on the ticket with the new severity, and stays valid without them', () => {
    const s = memoryStore();
    s.run('ticket.create@1', { ticket }, 'clientAAAA', 1);
    s.run('ticket.changeSeverity@1', { ticketId: ticket.id, severity: 'E-Down', impact: 'service_affecting', urgency: 'high', priority: 'P1', reason: 'all users down', eDown }, 'clientAAAA', 2);
    expect(s.data('tickets', ticket.id)).toMatchObject({ severity: 'E-Down', eDown });
    expect(prepareMutation('ticket.changeSeverity@1', { ticketId: ticket.id, severity: '1', impact: 'service_affecting', urgency: 'high', priority: 'P1', reason: 'r' }).ok).toBe(true);
    const bad = prepareMutation('ticket.changeSeverity@1', { ticketId: ticket.id, severity: 'E-Down', impact: 'service_affecting', urgency: 'high', priority: 'P1', reason: 'r', eDown: { ...eDown, actionsTaken: '' } });
    expect(bad.ok).toBe(false);
  });
});

describe('ticket.setPriority@1', () => {
  it('changes only the priority, with a severity_changed event carrying the reason', () => {
    const s = memoryStore();
    s.run('ticket.create@1', { ticket }, 'clientAAAA', 1);
    const r = s.run('ticket.setPriority@1', { ticketId: ticket.id, priority: 'P1', reason: 'automatic escalation level 2' }, 'clientAAAA', 2);
    expect(r.outcome).toBe('applied');
    expect(s.data('tickets', ticket.id)).toMatchObject({ priority: 'P1', severity: '2', impact: 'degradation' });
    const ev = events(s).find((e) => e.kind === 'severity_changed');
    expect(ev).toMatchObject({ from: { severity: '2', priority: 'P2' }, to: { severity: '2', priority: 'P1' }, reason: 'automatic escalation level 2' });
    expect(prepareMutation('ticket.setPriority@1', { ticketId: ticket.id, priority: 'P1', reason: ' ' }).ok).toBe(false);
  });

  it('a concurrent priority change keeps the server value and the other is an open conflict', () => {
    const s = memoryStore();
    s.run('ticket.create@1', { ticket }, 'clientAAAA', 1);
    const base = s.base('tickets', ticket.id);
    s.run('ticket.setPriority@1', { ticketId: ticket.id, priority: 'P1', reason: 'escalated' }, 'clientAAAA', 2);
    const r = s.run('ticket.setPriority@1', { ticketId: ticket.id, priority: 'P4', reason: 'calmer now' }, 'clientBBBB', 1, { baseVersions: base });
    expect(r.outcome).toBe('conflict');
    expect(r.conflicts[0]).toMatchObject({ field: 'priority', mine: 'P4', theirs: 'P1', status: 'open' });
    expect(s.data('tickets', ticket.id)?.priority).toBe('P1');
  });
});

describe('ticket.recordCustomerUpdate@1', () => {
  it('merges instants sorted without duplicates from several devices and never conflicts', () => {
    const s = memoryStore();
    s.run('ticket.create@1', { ticket }, 'clientAAAA', 1);
    const base = s.base('tickets', ticket.id);
    s.run('ticket.recordCustomerUpdate@1', { ticketId: ticket.id, text: 'Called the customer', at: 3000 }, 'clientAAAA', 2);
    const b = s.run('ticket.recordCustomerUpdate@1', { ticketId: ticket.id, text: 'Mailed the status', at: 2000 }, 'clientBBBB', 1, { baseVersions: base });
    s.run('ticket.recordCustomerUpdate@1', { ticketId: ticket.id, at: 3000 }, 'clientBBBB', 2, { baseVersions: base });
    expect(b.outcome).toBe('applied');
    expect((s.data('tickets', ticket.id) as Ticket).sla.customerUpdates).toEqual([2000, 3000]);
    expect(events(s).filter((e) => e.kind === 'customer_update').map((e) => e.at).sort()).toEqual([2000, 3000, 3000]);
  });

  it('defaults the instant to now', () => {
    const s = memoryStore();
    s.run('ticket.create@1', { ticket }, 'clientAAAA', 1);
    s.run('ticket.recordCustomerUpdate@1', { ticketId: ticket.id, text: 'x' }, 'clientAAAA', 2, { now: 7777 });
    expect((s.data('tickets', ticket.id) as Ticket).sla.customerUpdates).toEqual([7777]);
  });
});

describe('ticket.recordEscalation@1 automatic ids', () => {
  it('two devices recording the same automatic level store it once; manual escalations are each kept', () => {
    const s = memoryStore();
    s.run('ticket.create@1', { ticket }, 'clientAAAA', 1);
    const args = { ticketId: ticket.id, level: 2, levelName: 'Duty manager', recipients: ['duty@example.com'], automatic: true };
    s.run('ticket.recordEscalation@1', args, 'clientAAAA', 2);
    const second = s.run('ticket.recordEscalation@1', args, 'clientBBBB', 1);
    expect(second).toMatchObject({ outcome: 'applied', events: [], writes: [] });
    s.run('ticket.recordEscalation@1', { ...args, automatic: false }, 'clientBBBB', 2);
    const esc = events(s).filter((e) => e.kind === 'escalated');
    expect(esc.map((e) => e.id)).toContain(autoEscalationEventId(ticket.id, 2));
    expect(esc).toHaveLength(2);
    expect(s.data('tickets', ticket.id)?.escalationLevel).toBe(2);
  });
});
