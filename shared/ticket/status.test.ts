import { describe, expect, it } from 'vitest';
import { allowedTransitions, IllegalTransitionError, transition } from './status';
import { ticketSchema, ticketStatuses, type Ticket } from './schema';

const t0 = Date.UTC(2026, 2, 2, 9, 0);
const min = 60_000;

function ticket(over: Partial<Ticket> = {}): Ticket {
  return ticketSchema.parse({
    id: 'SD-ABCD-0001',
    title: 'Router down',
    channel: 'phone',
    customerId: 'c1',
    productLine: 'net',
    product: 'edge',
    region: 'eu',
    policyId: 'p',
    severity: '1',
    impact: 'service_affecting',
    urgency: 'high',
    priority: 'p1',
    status: 'received',
    sla: { severityHistory: [{ at: t0, severity: '1' }] },
    createdAt: t0,
    updatedAt: t0,
    ...over,
  });
}

describe('ticket status machine', () => {
  it('walks the full lifecycle received -> closed and records the SLA facts', () => {
    let t = ticket();
    t = transition(t, 'acknowledged', t0 + 5 * min, 'eng-1').ticket;
    expect(t.sla.respondedAt).toBe(t0 + 5 * min);
    t = transition(t, 'in_progress', t0 + 6 * min, 'eng-1').ticket;
    t = transition(t, 'waiting_customer', t0 + 10 * min, 'eng-1', 'need logs').ticket;
    expect(t.sla.pauses).toEqual([{ from: t0 + 10 * min }]);
    t = transition(t, 'in_progress', t0 + 40 * min, 'eng-1').ticket;
    expect(t.sla.pauses).toEqual([{ from: t0 + 10 * min, to: t0 + 40 * min }]);
    t = transition(t, 'resolved', t0 + 60 * min, 'eng-1').ticket;
    expect(t.sla.resolvedAt).toBe(t0 + 60 * min);
    t = transition(t, 'confirmed', t0 + 70 * min, 'customer').ticket;
    const r = transition(t, 'closed', t0 + 80 * min, 'eng-1');
    expect(r.ticket.status).toBe('closed');
    expect(r.event).toMatchObject({ kind: 'status_changed', from: 'confirmed', to: 'closed', at: t0 + 80 * min, by: 'eng-1', ticketId: t.id });
  });

  it('closing waits for customer confirmation: resolved -> closed is illegal and the ticket is unchanged', () => {
    let t = ticket();
    for (const s of ['acknowledged', 'in_progress', 'resolved'] as const) t = transition(t, s, t0 + min, 'eng-1').ticket;
    const before = structuredClone(t);
    expect(() => transition(t, 'closed', t0 + 2 * min, 'eng-1')).toThrow(IllegalTransitionError);
    expect(() => transition(t, 'closed', t0 + 2 * min, 'eng-1')).toThrow(/cannot move from "resolved" to "closed": allowed next statuses are confirmed, in_progress/);
    expect(t).toEqual(before);
  });

  it('reopening a resolved ticket clears resolvedAt but keeps the first response', () => {
    let t = ticket();
    for (const s of ['acknowledged', 'in_progress', 'resolved'] as const) t = transition(t, s, t0 + min, 'eng-1').ticket;
    t = transition(t, 'in_progress', t0 + 9 * min, 'customer', 'still broken').ticket;
    expect(t.sla.resolvedAt).toBeUndefined();
    expect(t.sla.respondedAt).toBe(t0 + min);
    expect(t.status).toBe('in_progress');
  });

  it('acknowledging again after a reopen does not move the first response', () => {
    const t = ticket({ sla: { severityHistory: [{ at: t0, severity: '1' }], respondedAt: t0 + 3 * min, pauses: [], customerUpdates: [] } });
    expect(transition(t, 'acknowledged', t0 + 30 * min, 'eng-1').ticket.sla.respondedAt).toBe(t0 + 3 * min);
  });

  it('resolving while waiting for the customer closes the pause', () => {
    let t = ticket();
    for (const s of ['acknowledged', 'waiting_customer'] as const) t = transition(t, s, t0 + min, 'eng-1').ticket;
    t = transition(t, 'resolved', t0 + 20 * min, 'customer').ticket;
    expect(t.sla.pauses).toEqual([{ from: t0 + min, to: t0 + 20 * min }]);
  });

  it('a closed ticket is final and every status has its legal moves in one table', () => {
    expect(allowedTransitions('closed')).toEqual([]);
    expect(() => transition(ticket({ status: 'closed' }), 'in_progress', t0, 'eng-1')).toThrow(/"closed" is final/);
    for (const s of ticketStatuses) for (const n of allowedTransitions(s)) expect(ticketStatuses).toContain(n);
    expect(() => transition(ticket(), 'in_progress', t0, 'eng-1')).toThrow(IllegalTransitionError);
  });

  it('rejects a transition without an author or with a bad time', () => {
    expect(() => transition(ticket(), 'acknowledged', t0, ' ')).toThrow(/who made it/);
    expect(() => transition(ticket(), 'acknowledged', Number.NaN, 'eng-1')).toThrow(/epoch milliseconds/);
  });
});
