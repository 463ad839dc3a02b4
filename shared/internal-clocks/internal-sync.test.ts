import { describe, expect, it } from 'vitest';
import { policySchema, type Policy } from '../policy/schema';
import { memoryStore } from '../sync/memory-store.test-support';
import { ticketSchema, type Ticket } from '../ticket/schema';
import type { TimelineEvent } from '../ticket/timeline';

const raw = import.meta.glob<unknown>('../../resources/presets/policies/*.json', { eager: true, import: 'default' });
const all = Object.values(raw).map((p) => policySchema.parse(p));
const seed = all.find((p) => p.id === 'onsite-4-level-7x24') as Policy;
const other = all.find((p) => !p.internalProcess) as Policy;
const T0 = 1_000;
const MIN = 60_000;

const ticket = (id: string, policyId: string): Ticket =>
  ticketSchema.parse({
    id, title: 'Gateway drops sessions', channel: 'phone', customerId: 'c1', productLine: 'security', product: 'Gateway', region: 'emea-anz',
    policyId, severity: policyId === seed.id ? '2' : (other.severityLevels[0]?.id ?? '1'), impact: 'degradation', urgency: 'high', priority: 'high', status: 'in_progress',
    sla: { severityHistory: [{ at: T0, severity: policyId === seed.id ? '2' : (other.severityLevels[0]?.id ?? '1') }] }, createdAt: T0, updatedAt: T0, createdBy: 'ann',
  });

describe('internal hand-offs through sync', () => {
  it('the server re-runs each hand-off against the ticket\'s policy: in order, once, and refused with a reason otherwise', () => {
    const s = memoryStore();
    s.put('policies', seed.id, seed);
    s.put('policies', other.id, other);
    s.run('ticket.create@1', { ticket: ticket('SD-I-1', seed.id) }, 'clientAAAA', 1);
    s.run('ticket.create@1', { ticket: ticket('SD-I-2', other.id) }, 'clientAAAA', 2);
    expect(s.run('ticket.recordHandoff@1', { ticketId: 'SD-I-1', step: 'specialist_to_manager', mark: 'done' }, 'clientAAAA', 3, { now: T0 + MIN }).refusal?.code).toBe('internal_step_order');
    expect(s.run('ticket.recordHandoff@1', { ticketId: 'SD-I-1', step: 'reception_to_specialist', mark: 'done', to: 'sam' }, 'clientAAAA', 4, { now: T0 + 2 * MIN }).outcome).toBe('applied');
    expect(s.run('ticket.recordHandoff@1', { ticketId: 'SD-I-2', step: 'reception_to_specialist', mark: 'done' }, 'clientAAAA', 5, { now: T0 + 2 * MIN }).refusal?.code).toBe('internal_not_configured');
    expect(s.run('ticket.recordHandoff@1', { ticketId: 'SD-I-1', step: 'specialist_to_manager', mark: 'done' }, 'clientBBBB', 6, { now: T0 + 3 * MIN }).outcome).toBe('applied');
    // The server holds no calendar: the escalation waits at least 30 wall-clock minutes after the last hand-off.
    expect(s.run('ticket.escalateNoProgress@1', { ticketId: 'SD-I-1' }, 'clientAAAA', 7, { now: T0 + 20 * MIN }).refusal?.code).toBe('internal_not_due');
    expect(s.run('ticket.escalateNoProgress@1', { ticketId: 'SD-I-1' }, 'clientAAAA', 8, { now: T0 + 34 * MIN }).outcome).toBe('applied');
    expect(s.run('ticket.escalateNoProgress@1', { ticketId: 'SD-I-1' }, 'clientBBBB', 9, { now: T0 + 40 * MIN }).outcome).toBe('applied');
    const facts = (s.data('tickets', 'SD-I-1') as Ticket).internalFacts ?? [];
    expect(facts.map((f) => `${f.step}:${f.mark}:${f.by}`)).toEqual(['reception_to_specialist:done:user-clientAAAA', 'specialist_to_manager:done:user-clientBBBB', 'engineer_reports_completion:escalated:system']);
    const events = (s.all('timeline') as TimelineEvent[]).filter((e) => e.kind === 'internal_step');
    expect(events).toHaveLength(3);
  });

  it('"not solvable today": the interim report is scheduled and sent through sync; a bad time is refused', () => {
    const s = memoryStore();
    s.put('policies', seed.id, seed);
    s.run('ticket.create@1', { ticket: ticket('SD-I-3', seed.id) }, 'clientAAAA', 1);
    expect(s.run('ticket.interimReport@1', { ticketId: 'SD-I-3', action: 'schedule', at: T0 + 3 * 86_400_000 }, 'clientAAAA', 2, { now: T0 + MIN }).refusal?.code).toBe('bad_time');
    expect(s.run('ticket.interimReport@1', { ticketId: 'SD-I-3', action: 'sent', text: 'x' }, 'clientAAAA', 3, { now: T0 + MIN }).refusal?.code).toBe('internal_step_order');
    expect(s.run('ticket.interimReport@1', { ticketId: 'SD-I-3', action: 'schedule', at: T0 + 6 * 60 * MIN, to: 'boss' }, 'clientAAAA', 4, { now: T0 + MIN }).outcome).toBe('applied');
    expect(s.run('ticket.interimReport@1', { ticketId: 'SD-I-3', action: 'sent', text: 'Workaround in place; fix tomorrow.' }, 'clientAAAA', 5, { now: T0 + 6 * 60 * MIN }).outcome).toBe('applied');
    const texts = (s.all('timeline') as TimelineEvent[]).flatMap((e) => (e.kind === 'internal_step' ? [`${e.mark}:${e.text}`] : []));
    expect(texts).toEqual(['interim_scheduled:', 'interim_sent:Workaround in place; fix tomorrow.']);
  });
});
