import { describe, expect, it } from 'vitest';
import { buildEscalationDraft, recordEscalation } from '../escalation';
import { T0, directory, m1m2Matrix, makeTicket } from '../escalation/fixtures.test-support';
import { policySchema, type Policy } from '../policy/schema';
import { memoryStore } from '../sync/memory-store.test-support';
import type { Ticket } from '../ticket/schema';
import type { TimelineEvent } from '../ticket/timeline';
import edownPreset from '../../resources/presets/policies/enterprise-edown.json';
import { escalationNeedsDefectReference, setDefectReference } from './index';

const policy: Policy = policySchema.parse(edownPreset);
// The E-Down policy's own matrix has two levels: M1 (the engineer's direct manager), then M2.
const M1 = 1;
const M2 = 2;
const ctx = (now: number, eventId = 'e1', by = 'u1') => ({ now, by, eventId });
const ticket = (over: Partial<Ticket> = {}) => makeTicket({ policyId: policy.id, severity: '1', ...over });
const escalation = (level: number, automatic = false) => ({ level, levelName: `level ${level}`, recipients: ['m@example.com'], ask: '', automatic });

describe('SPR/defect reference', () => {
  it('"如有必要，将提升软件性能报告" (at M2 the escalation references the SPR raised): the E-Down policy refuses a manual escalation to M2 without an SPR and says why', () => {
    expect(policy.defectReference?.requiredFromLevel).toBe(M2);
    const r = recordEscalation(ticket({ escalationLevel: M1 }), escalation(M2), ctx(T0), policy);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.refusal).toMatchObject({ code: 'defect_reference_required', params: { level: M2, from: M2, policy: policy.name } });
    // M1 and levels above M2 follow the same rule: below the level it is not needed, above it still is.
    expect(recordEscalation(ticket(), escalation(M1), ctx(T0), policy).ok).toBe(true);
    expect(escalationNeedsDefectReference(ticket(), M2 + 1, policy)?.code).toBe('defect_reference_required');
  });

  it('"如有必要，将提升软件性能报告": with the SPR set, the M2 escalation is recorded and its draft names the SPR in every language', () => {
    const set = setDefectReference(ticket({ escalationLevel: M1 }), '  SPR 2241398 ', ctx(T0, 'e1'));
    if (!set.ok) throw new Error('refused');
    expect(set.ticket.defectReference).toBe('SPR 2241398');
    expect(set.event).toMatchObject({ kind: 'defect_reference', reference: 'SPR 2241398', by: 'u1' });
    expect(recordEscalation(set.ticket, escalation(M2), ctx(T0 + 1, 'e2'), policy)).toMatchObject({ ok: true, ticket: { escalationLevel: M2 } });
    const context = { customerName: 'Jade Example Bank', timeline: [], clocks: [], timeZone: 'Asia/Shanghai', engineers: directory };
    const labels = { en: 'SPR/defect: SPR 2241398', 'zh-CN': '软件性能报告 (SPR/缺陷)：SPR 2241398', 'zh-TW': '軟體效能報告 (SPR/缺陷)：SPR 2241398', bg: 'SPR/дефект: SPR 2241398' };
    for (const [locale, line] of Object.entries(labels)) expect(buildEscalationDraft(set.ticket, M2, m1m2Matrix(), locale, context).body).toContain(line);
    // Without a reference the line is left out rather than printed empty.
    expect(buildEscalationDraft(ticket(), M2, m1m2Matrix(), 'en', context).body).not.toContain('SPR/defect');
  });

  it('a matrix template written before the SPR placeholder still carries the reference at the end of the mail', () => {
    const matrix = { ...m1m2Matrix(), templates: { en: { subject: 'Escalation {{ticketId}}', body: 'Please help with {{ticketId}}.\n' } } };
    const body = buildEscalationDraft(ticket({ defectReference: 'DEF-77' }), M2, matrix, 'en', { customerName: 'X', timeline: [], clocks: [], timeZone: 'UTC', engineers: directory }).body;
    expect(body).toBe('Please help with T-2025-0042.\n\nSPR/defect: DEF-77\n');
  });

  it('an automatic escalation to M2 is not held back by a missing SPR: the rule fires because time ran out', () => {
    expect(recordEscalation(ticket({ escalationLevel: M1 }), escalation(M2, true), ctx(T0), policy)).toMatchObject({ ok: true });
  });

  it('policies without the rule (and tickets whose policy is unknown) escalate to any level without a reference', () => {
    const { defectReference: _rule, ...noRule } = policy;
    expect(recordEscalation(ticket(), escalation(M2), ctx(T0), noRule).ok).toBe(true);
    expect(recordEscalation(ticket(), escalation(M2), ctx(T0)).ok).toBe(true);
  });

  it('editing: the same value writes nothing, an empty text clears it, an over-long one or a closed ticket is refused', () => {
    const t = ticket({ defectReference: 'SPR 1' });
    expect(setDefectReference(t, 'SPR 1', ctx(T0))).toMatchObject({ ok: true, fields: [] });
    const cleared = setDefectReference(t, '  ', ctx(T0));
    expect(cleared.ok && cleared.ticket.defectReference).toBeUndefined();
    expect(cleared.ok && cleared.event?.reference).toBe('');
    expect(setDefectReference(t, 'x'.repeat(121), ctx(T0))).toMatchObject({ ok: false, refusal: { code: 'too_long' } });
    expect(setDefectReference(ticket({ status: 'closed' }), 'SPR 2', ctx(T0))).toMatchObject({ ok: false, refusal: { code: 'ticket_closed' } });
    expect(setDefectReference(t, 'SPR\n2', ctx(T0))).toMatchObject({ ok: true, ticket: { defectReference: 'SPR 2' } });
  });

  it('the server agrees with the device: the synced escalation is refused without the SPR and applied after ticket.setDefectReference', () => {
    const s = memoryStore();
    s.put('policies', policy.id, policy);
    s.run('ticket.create@1', { ticket: ticket({ escalationLevel: M1 }) }, 'clientAAAA', 1);
    const args = { ticketId: 'T-2025-0042', level: M2, levelName: 'M2', recipients: ['m2@example.com'], automatic: false };
    const refusedRun = s.run('ticket.recordEscalation@1', args, 'clientAAAA', 2);
    expect(refusedRun.refusal?.code).toBe('defect_reference_required');
    expect((s.data('tickets', 'T-2025-0042') as Ticket).escalationLevel).toBe(M1);
    expect(s.run('ticket.setDefectReference@1', { ticketId: 'T-2025-0042', reference: 'SPR 2241398' }, 'clientAAAA', 3).outcome).toBe('applied');
    expect(s.run('ticket.recordEscalation@1', args, 'clientAAAA', 4).outcome).toBe('applied');
    const stored = s.data('tickets', 'T-2025-0042') as Ticket;
    expect(stored).toMatchObject({ escalationLevel: M2, defectReference: 'SPR 2241398' });
    expect((s.all('timeline') as TimelineEvent[]).map((e) => e.kind)).toEqual(expect.arrayContaining(['defect_reference', 'escalated']));
  });
});
