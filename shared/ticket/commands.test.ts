import { describe, expect, it } from 'vitest';
import { makeTicket, testPolicy } from '../sla/clocks-fixtures.test-support';
import { recordEscalation } from '../escalation/record';
import { addNote, assignOwner, recordCustomerUpdate, setPriority } from './commands';
import { changeStatus } from './status';

const policy = testPolicy();
const ctx = { now: Date.UTC(2026, 2, 2, 10), by: 'eng-1', eventId: 'ev-1' };
const refusal = (r: { ok: boolean; refusal?: { code: string } }) => (r.ok ? undefined : r.refusal?.code);

describe('ticket commands on a closed ticket (closed is final)', () => {
  const closed = makeTicket({ status: 'closed', ownerId: 'eng-2', priority: 'p3' });

  it('refuses a new owner, a status move and a person raising priority or escalating, each with a code the UI translates', () => {
    expect(refusal(assignOwner(closed, 'eng-1', ctx))).toBe('ticket_closed');
    expect(refusal(changeStatus(closed, 'in_progress', ctx))).toBe('ticket_closed');
    expect(refusal(setPriority(closed, { priority: 'p1', reason: 'customer asked', automatic: false }, policy, ctx))).toBe('ticket_closed');
    expect(refusal(recordEscalation(closed, { level: 1, levelName: 'Team lead', recipients: [], ask: '', automatic: false }, ctx))).toBe('ticket_closed');
  });

  it('skips an automatic escalation or priority raise planned before the close, quietly and without writing', () => {
    const esc = recordEscalation(closed, { level: 1, levelName: 'Team lead', recipients: [], ask: '', automatic: true }, ctx);
    expect(esc).toMatchObject({ ok: true, fields: [] });
    expect(esc.ok && esc.event).toBeFalsy();
    const prio = setPriority(closed, { priority: 'p1', reason: 'rule', automatic: true }, policy, ctx);
    expect(prio).toMatchObject({ ok: true, fields: [] });
  });

  it('still takes notes and records customer updates: they document, they do not change the ticket', () => {
    expect(addNote(closed, { visibility: 'internal', text: 'customer thanked us' }, ctx)).toMatchObject({ ok: true, event: { kind: 'note', text: 'customer thanked us' } });
    expect(recordCustomerUpdate(closed, { text: 'final summary' }, ctx)).toMatchObject({ ok: true, event: { kind: 'customer_update' } });
  });
});

describe('ticket commands on an open ticket', () => {
  const open = makeTicket({ status: 'in_progress', priority: 'p2' });

  it('an automatic priority change only raises and must name a priority of the policy', () => {
    expect(setPriority(open, { priority: 'p1', reason: 'first response breached', automatic: true }, policy, ctx)).toMatchObject({ ok: true, ticket: { priority: 'p1' }, fields: ['priority', 'updatedAt'] });
    expect(setPriority(open, { priority: 'p3', reason: 'rule', automatic: true }, policy, ctx)).toMatchObject({ ok: true, ticket: { priority: 'p2' }, fields: [] });
    expect(setPriority(open, { priority: 'p3', reason: 'agreed with the customer', automatic: false }, policy, ctx)).toMatchObject({ ok: true, ticket: { priority: 'p3' } });
    expect(refusal(setPriority(open, { priority: 'P9', reason: 'x', automatic: false }, policy, ctx))).toBe('unknown_priority');
  });

  it('an empty or oversized note is refused with its reason; re-assigning the same owner changes nothing', () => {
    expect(refusal(addNote(open, { visibility: 'internal', text: '   ' }, ctx))).toBe('text_required');
    expect(refusal(addNote(open, { visibility: 'internal', text: 'x'.repeat(50_001) }, ctx))).toBe('too_long');
    const same = assignOwner({ ...open, ownerId: 'eng-1' }, 'eng-1', ctx);
    expect(same).toMatchObject({ ok: true, fields: [] });
  });

  it('leaving a wait never ends the pause before it began, whatever the device clocks say', () => {
    const waiting = makeTicket({ status: 'waiting_customer', sla: { respondedAt: ctx.now - 1000, pauses: [{ from: ctx.now + 5000 }] } });
    const r = changeStatus(waiting, 'in_progress', ctx);
    expect(r.ok && r.ticket.sla.pauses).toEqual([{ from: ctx.now + 5000, to: ctx.now + 5000 }]);
  });
});
