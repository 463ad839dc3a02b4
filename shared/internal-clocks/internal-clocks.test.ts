import { describe, expect, it } from 'vitest';
import { policySchema, type Policy } from '../policy/schema';
import { businessMeter, elapsedMeter } from '../sla/clocks-meter';
import { officeCalendar, MON_0900, MIN, HOUR } from '../sla/clocks-fixtures.test-support';
import { ticketSchema, type Ticket } from '../ticket/schema';
import { endOfWorkingDay, escalateNoProgress, internalStatus, recordInterimReport, recordInternalStep, scheduleInterimReport, type InternalProcess } from './index';

const policyFiles = import.meta.glob<unknown>('../../resources/presets/policies/*.json', { eager: true, import: 'default' });
const policies = Object.values(policyFiles).map((p) => policySchema.parse(p));
const seedPolicy = policies.find((p) => p.id === 'onsite-4-level-7x24') as Policy;
const process = seedPolicy.internalProcess as InternalProcess;
const meter = businessMeter(officeCalendar);
const ctx = (now: number, by = 'ann', eventId = `e${now}`) => ({ now, by, eventId });

function seedTicket(overrides: Partial<Ticket> = {}): Ticket {
  return ticketSchema.parse({
    id: 'SD-INT-0001', title: 'Firewall drops VPN sessions', channel: 'phone', customerId: 'c1', productLine: 'security', product: 'Gateway', region: 'apac-cjks',
    policyId: seedPolicy.id, severity: '2', impact: 'degradation', urgency: 'high', priority: 'high', status: 'in_progress',
    sla: { severityHistory: [{ at: MON_0900, severity: '2' }] }, createdAt: MON_0900, updatedAt: MON_0900, createdBy: 'ann', ...overrides,
  });
}

/** Applies a command and returns the new ticket, failing the test on a refusal. */
function apply(r: ReturnType<typeof recordInternalStep>): Ticket {
  if (!r.ok) throw new Error(r.refusal.message);
  return r.ticket;
}

describe('internal hand-off clocks of the seed process', () => {
  it('only the seed policy with internal steps has them; every other preset has none', () => {
    expect(process.steps.map((s) => [s.id, s.minutes])).toEqual([
      ['reception_to_specialist', 5], ['specialist_to_manager', 5], ['engineer_reports_completion', 5], ['manager_to_specialist', 10], ['specialist_to_customer', 10], ['close_after_confirmation', 30],
    ]);
    expect(policies.filter((p) => p.internalProcess).map((p) => p.id)).toEqual(['onsite-4-level-7x24']);
  });

  it('"然後在5分鍾内告知公司客戶服務部客服專員": whoever takes the call tells the specialist within 5 working minutes of the report', () => {
    const s = internalStatus(seedTicket(), process, meter, MON_0900 + 2 * MIN);
    expect(s.current).toMatchObject({ step: 'reception_to_specialist', from: 'receptionist', to: 'specialist', state: 'running', target: MON_0900 + 5 * MIN, remainingMinutes: 3, person: 'ann' });
    expect(s.next).toMatchObject({ mark: 'done' });
    expect(internalStatus(seedTicket(), process, meter, MON_0900 + 6 * MIN).current?.state).toBe('breached');
  });

  it('"客服專員在接到報障後5分鍾内聯系客戶服務經理": the specialist\'s 5 minutes start when the hand-off to them is recorded, and it is their turn', () => {
    const t = apply(recordInternalStep(seedTicket(), { step: 'reception_to_specialist', mark: 'done', to: 'sam' }, process, meter, ctx(MON_0900 + 3 * MIN)));
    const s = internalStatus(t, process, meter, MON_0900 + 4 * MIN);
    expect(s.clocks[0]).toMatchObject({ state: 'met', completedAt: MON_0900 + 3 * MIN });
    expect(s.current).toMatchObject({ step: 'specialist_to_manager', from: 'specialist', person: 'sam', startedAt: MON_0900 + 3 * MIN, target: MON_0900 + 8 * MIN });
  });

  it('"維護工程師必須在5分鍾内通知服務中心經理故障處理完畢": the engineer\'s 5 minutes start when the work is recorded finished, not before', () => {
    let t = seedTicket();
    t = apply(recordInternalStep(t, { step: 'reception_to_specialist', mark: 'done' }, process, meter, ctx(MON_0900 + MIN)));
    t = apply(recordInternalStep(t, { step: 'specialist_to_manager', mark: 'done', to: 'eve' }, process, meter, ctx(MON_0900 + 2 * MIN)));
    const waiting = internalStatus(t, process, meter, MON_0900 + 3 * HOUR);
    expect(waiting.current).toMatchObject({ step: 'engineer_reports_completion', state: 'waiting', person: 'eve' });
    expect(waiting.next).toMatchObject({ mark: 'start' });
    // The hand-off cannot be recorded before the work is finished.
    const early = recordInternalStep(t, { step: 'engineer_reports_completion', mark: 'done' }, process, meter, ctx(MON_0900 + 3 * HOUR));
    expect(early.ok ? 'applied' : early.refusal.code).toBe('internal_step_order');
    t = apply(recordInternalStep(t, { step: 'engineer_reports_completion', mark: 'start' }, process, meter, ctx(MON_0900 + 3 * HOUR)));
    expect(internalStatus(t, process, meter, MON_0900 + 3 * HOUR + MIN).current).toMatchObject({ state: 'running', target: MON_0900 + 3 * HOUR + 5 * MIN });
  });

  it('"服務中心經理經過審核後,10分鍾内通知客戶專員" and "客戶專員在接到故障結果通知後10分鍾内通知客戶": the manager and then the specialist each have 10 minutes', () => {
    let t = seedTicket();
    let now = MON_0900;
    for (const [step, mark] of [['reception_to_specialist', 'done'], ['specialist_to_manager', 'done'], ['engineer_reports_completion', 'start'], ['engineer_reports_completion', 'done']] as const) {
      now += MIN;
      t = apply(recordInternalStep(t, { step, mark }, process, meter, ctx(now)));
    }
    expect(internalStatus(t, process, meter, now).current).toMatchObject({ step: 'manager_to_specialist', minutes: 10, target: now + 10 * MIN });
    t = apply(recordInternalStep(t, { step: 'manager_to_specialist', mark: 'done' }, process, meter, ctx(now + 12 * MIN)));
    const s = internalStatus(t, process, meter, now + 12 * MIN);
    expect(s.clocks[3]?.state).toBe('breached');
    expect(s.current).toMatchObject({ step: 'specialist_to_customer', to: 'customer', target: now + 22 * MIN });
  });

  it('"于30分鍾内在CRM中關閉故障": closing runs 30 minutes from the customer\'s confirmation', () => {
    let t = seedTicket();
    let now = MON_0900;
    for (const step of process.steps) {
      if (step.startsOn === 'recorded') t = apply(recordInternalStep(t, { step: step.id, mark: 'start' }, process, meter, ctx((now += MIN))));
      if (step.id === 'close_after_confirmation') break;
      t = apply(recordInternalStep(t, { step: step.id, mark: 'done' }, process, meter, ctx((now += MIN))));
    }
    expect(internalStatus(t, process, meter, now).current).toMatchObject({ step: 'close_after_confirmation', target: now + 30 * MIN });
    t = apply(recordInternalStep(t, { step: 'close_after_confirmation', mark: 'done' }, process, meter, ctx(now + 20 * MIN)));
    const s = internalStatus(t, process, meter, now + HOUR);
    expect(s.current).toBeUndefined();
    expect(s.clocks.every((c) => c.state === 'met')).toBe(true);
  });

  it('steps run on working time: a call logged at 16:58 gives the specialist until 09:03 the next working day', () => {
    const created = MON_0900 + 7 * HOUR + 58 * MIN;
    const s = internalStatus(seedTicket({ createdAt: created, sla: { severityHistory: [{ at: created, severity: '2' }], pauses: [], customerUpdates: [] } }), process, meter, created);
    expect(s.current?.target).toBe(MON_0900 + 24 * HOUR + 3 * MIN);
  });

  it('refuses a hand-off out of turn, an unknown step, and a ticket whose policy has no internal process, with reasons', () => {
    const t = seedTicket();
    const outOfTurn = recordInternalStep(t, { step: 'specialist_to_manager', mark: 'done' }, process, meter, ctx(MON_0900));
    const unknown = recordInternalStep(t, { step: 'coffee', mark: 'done' }, process, meter, ctx(MON_0900));
    const none = recordInternalStep(t, { step: 'reception_to_specialist', mark: 'done' }, undefined, meter, ctx(MON_0900));
    expect([outOfTurn, unknown, none].map((r) => (r.ok ? 'ok' : r.refusal.code))).toEqual(['internal_step_order', 'internal_step_unknown', 'internal_not_configured']);
  });

  it('a second record of a hand-off changes nothing: the first decides met or breached', () => {
    const t = apply(recordInternalStep(seedTicket(), { step: 'reception_to_specialist', mark: 'done' }, process, meter, ctx(MON_0900 + MIN)));
    const again = recordInternalStep(t, { step: 'reception_to_specialist', mark: 'done' }, process, meter, ctx(MON_0900 + HOUR));
    expect(again.ok && again.fields).toEqual([]);
  });
});

describe('the engineer escalates after 30 minutes without progress', () => {
  function engineerWorking(): Ticket {
    let t = seedTicket();
    t = apply(recordInternalStep(t, { step: 'reception_to_specialist', mark: 'done' }, process, meter, ctx(MON_0900 + MIN)));
    return apply(recordInternalStep(t, { step: 'specialist_to_manager', mark: 'done', to: 'eve' }, process, meter, ctx(MON_0900 + 2 * MIN)));
  }

  it('"如果該故障維護工程師超過30分鍾都無法解決或拿出解決方案,則故障升級": due 30 working minutes after the last recorded progress, recorded once by system', () => {
    const t = engineerWorking();
    const s = internalStatus(t, process, meter, MON_0900 + 10 * MIN);
    expect(s.noProgress).toMatchObject({ dueAt: MON_0900 + 32 * MIN, escalateTo: 'implementation_manager' });
    const early = escalateNoProgress(t, process, meter, [], ctx(MON_0900 + 20 * MIN, 'system'));
    expect(early.ok ? 'applied' : early.refusal.code).toBe('internal_not_due');
    const r = escalateNoProgress(t, process, meter, [], ctx(MON_0900 + 33 * MIN));
    if (!r.ok) throw new Error(r.refusal.message);
    expect(r.event).toMatchObject({ by: 'system', mark: 'escalated', to: 'implementation_manager' });
    expect(r.event?.rule).toContain('30 min');
    const again = escalateNoProgress(r.ticket, process, meter, [], ctx(MON_0900 + 90 * MIN));
    expect(again.ok && again.fields).toEqual([]);
  });

  it('a note or status change recorded in the meantime is progress: the 30 minutes count from it', () => {
    const t = engineerWorking();
    const s = internalStatus(t, process, meter, MON_0900 + 40 * MIN, [MON_0900 + 25 * MIN]);
    expect(s.noProgress?.dueAt).toBe(MON_0900 + 55 * MIN);
    const r = escalateNoProgress(t, process, meter, [MON_0900 + 25 * MIN], ctx(MON_0900 + 40 * MIN));
    expect(r.ok ? 'applied' : r.refusal.code).toBe('internal_not_due');
  });

  it('once the work is recorded finished, no escalation for lack of progress is due', () => {
    const t = apply(recordInternalStep(engineerWorking(), { step: 'engineer_reports_completion', mark: 'start' }, process, meter, ctx(MON_0900 + 20 * MIN)));
    expect(internalStatus(t, process, meter, MON_0900 + 5 * HOUR).noProgress).toBeUndefined();
  });
});

describe('a fault not solvable the same day', () => {
  it('"如果故障當天無法解決,必須向上司彙報,並與上司協商當天故障處理的中間報告內容": the interim report is scheduled for the end of the working day and recorded when sent', () => {
    const now = MON_0900 + 4 * HOUR;
    const at = endOfWorkingDay(meter, now);
    expect(at).toBe(MON_0900 + 8 * HOUR);
    const r = scheduleInterimReport(seedTicket(), { at, to: 'boss' }, process, ctx(now));
    if (!r.ok) throw new Error(r.refusal.message);
    expect(internalStatus(r.ticket, process, meter, at).interim).toEqual({ scheduledAt: at });
    const empty = recordInterimReport(r.ticket, { text: '  ' }, ctx(at));
    expect(empty.ok ? 'ok' : empty.refusal.code).toBe('text_required');
    const sent = recordInterimReport(r.ticket, { text: 'Cause narrowed to the VPN module; vendor patch tomorrow 10:00.' }, ctx(at + MIN));
    if (!sent.ok) throw new Error(sent.refusal.message);
    expect(sent.event).toMatchObject({ mark: 'interim_sent', to: 'boss' });
    expect(internalStatus(sent.ticket, process, meter, at + MIN).interim).toEqual({ scheduledAt: at, sentAt: at + MIN });
  });

  it('after hours the working day is already over, so the report is due at once; on a round-the-clock calendar it is due 24 hours later at the latest', () => {
    const evening = MON_0900 + 10 * HOUR;
    expect(endOfWorkingDay(meter, evening)).toBe(evening);
    expect(endOfWorkingDay(elapsedMeter, MON_0900)).toBe(MON_0900 + 24 * HOUR);
  });

  it('refused on a resolved ticket and on a policy without interim reports', () => {
    const resolved = scheduleInterimReport(seedTicket({ status: 'resolved' }), { at: MON_0900 + HOUR }, process, ctx(MON_0900));
    const none = scheduleInterimReport(seedTicket(), { at: MON_0900 + HOUR }, { ...process, interimReport: false }, ctx(MON_0900));
    expect([resolved, none].map((r) => (r.ok ? 'ok' : r.refusal.code))).toEqual(['internal_step_order', 'internal_not_configured']);
  });
});
