import { describe, expect, it } from 'vitest';
import { policySchema, type Policy } from '../policy/schema';
import { calendarPresetSchema } from '../sla';
import { computeClocks } from '../sla/clocks';
import { ticketSchema, type Ticket } from '../ticket/schema';
import type { TimelineEvent } from '../ticket/timeline';
import { memoryStore } from '../sync/memory-store.test-support';
import { complianceReport } from '../reports';
import { buildRfoDraft, deliverRfo, requestRfo, rfoDraftUnfinished } from './index';

const policyFiles = import.meta.glob<unknown>('../../resources/presets/policies/*.json', { eager: true, import: 'default' });
const calendarFiles = import.meta.glob<unknown>('../../resources/presets/calendars/*.json', { eager: true, import: 'default' });
const calendars = Object.fromEntries(Object.values(calendarFiles).map((raw) => calendarPresetSchema.parse(raw)).map((c) => [c.id, c.calendar]));
const policy = Object.values(policyFiles).map((p) => policySchema.parse(p)).find((p) => p.id === 'network-impact-rfo') as Policy;
const HOUR = 3_600_000;
// Mon 9 Mar 2026, 10:00 in Sofia.
const T0 = Date.UTC(2026, 2, 9, 8, 0);
const ctx = (now: number, eventId = 'e1') => ({ now, by: 'u1', eventId });

function incident(overrides: Partial<Ticket> = {}): Ticket {
  return ticketSchema.parse({
    id: 'SD-RFO-0001', title: 'Fibre cut on the Plovdiv ring', description: 'All traffic to the Plovdiv site lost.', channel: 'phone', customerId: 'c1',
    contactName: 'Mira Example', contactEmail: 'mira@example.com', productLine: 'transport', product: 'Metro Ethernet', region: 'emea-anz',
    policyId: policy.id, severity: 'critical', impact: 'service_affecting', urgency: 'high', priority: 'P1', status: 'resolved',
    sla: { severityHistory: [{ at: T0, severity: 'critical' }], resolvedAt: T0 + 3 * HOUR }, createdAt: T0, updatedAt: T0 + 3 * HOUR, ...overrides,
  });
}

describe('reason for outage (RFO)', () => {
  it('"RFO в рамките на 5 работни дни от момента, когато клиентът е поискал RFO": the RFO clock is due 5 working days after the request, on the contract calendar', () => {
    const requested = T0 + 4 * HOUR; // Monday 14:00 in Sofia
    const r = requestRfo(incident(), {}, policy, ctx(requested));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.event).toMatchObject({ kind: 'rfo', step: 'requested', by: 'u1', at: requested });
    const rfo = computeClocks(r.ticket, policy, requested + HOUR, calendars).find((c) => c.kind === 'rfo');
    expect(rfo).toMatchObject({ state: 'running', unit: 'working_days', startedAt: requested });
    // Five working days counted from Monday afternoon: due by the end of the next Monday (18:00 in Sofia).
    expect(rfo?.target).toBe(Date.UTC(2026, 2, 16, 16, 0));
  });

  it('"за разрешен критичен или основен инцидент": a minor fault has no RFO promise, and the refusal says at which severities there is one', () => {
    const r = requestRfo(incident({ severity: 'minor', sla: { severityHistory: [{ at: T0, severity: 'minor' }], pauses: [], customerUpdates: [] } }), {}, policy, ctx(T0 + HOUR));
    expect(r.ok).toBe(false);
    expect(!r.ok && r.refusal).toMatchObject({ code: 'rfo_not_offered', params: { levels: 'critical, major' } });
  });

  it('delivering needs a request first and the document; the clock is then met, and a second request or delivery changes nothing', () => {
    const t = incident();
    expect(deliverRfo(t, { document: 'x', fileName: '' }, ctx(T0 + 5 * HOUR)).ok).toBe(false);
    const req = requestRfo(t, {}, policy, ctx(T0 + 4 * HOUR));
    if (!req.ok) throw new Error('request refused');
    expect(deliverRfo(req.ticket, { document: ' ', fileName: '' }, ctx(T0 + 5 * HOUR))).toMatchObject({ ok: false, refusal: { code: 'text_required' } });
    const done = deliverRfo(req.ticket, { document: 'Root cause: a digger cut the fibre.', fileName: 'RFO-SD-RFO-0001.pdf' }, ctx(T0 + 30 * HOUR, 'e2'));
    if (!done.ok) throw new Error('delivery refused');
    expect(done.event).toMatchObject({ kind: 'rfo', step: 'delivered', fileName: 'RFO-SD-RFO-0001.pdf' });
    expect(computeClocks(done.ticket, policy, T0 + 40 * HOUR, calendars).find((c) => c.kind === 'rfo')).toMatchObject({ state: 'met', completedAt: T0 + 30 * HOUR });
    expect(requestRfo(done.ticket, {}, policy, ctx(T0 + 41 * HOUR))).toMatchObject({ ok: true, fields: [] });
    expect(deliverRfo(done.ticket, { document: 'again', fileName: '' }, ctx(T0 + 42 * HOUR))).toMatchObject({ ok: true, fields: [] });
  });

  it('a late delivery breaches the RFO clock and the compliance report counts both outcomes', () => {
    const ok = deliverRfo((requestRfo(incident(), {}, policy, ctx(T0 + 4 * HOUR)) as { ticket: Ticket }).ticket, { document: 'on time', fileName: '' }, ctx(T0 + 24 * HOUR));
    const lateReq = requestRfo(incident({ id: 'SD-RFO-0002' }), {}, policy, ctx(T0 + 4 * HOUR)) as { ticket: Ticket };
    const late = deliverRfo(lateReq.ticket, { document: 'late', fileName: '' }, ctx(T0 + 10 * 24 * HOUR));
    if (!ok.ok || !late.ok) throw new Error('refused');
    const report = complianceReport({ tickets: [ok.ticket, late.ticket], policies: new Map([[policy.id, policy]]), calendars, now: T0 + 11 * 24 * HOUR, filters: {}, groupBy: 'severity' });
    const rfo = report.clocks.find((s) => s.kind === 'rfo');
    expect(rfo?.total).toMatchObject({ met: 1, breached: 1, metPercent: 50 });
  });

  it('runs through sync: the request and the delivery are mutations the server re-runs with the policy', () => {
    const s = memoryStore();
    s.put('policies', policy.id, policy);
    s.run('ticket.create@1', { ticket: incident() }, 'clientAAAA', 1);
    expect(s.run('ticket.requestRfo@1', { ticketId: 'SD-RFO-0001' }, 'clientAAAA', 2, { now: T0 + 4 * HOUR }).outcome).toBe('applied');
    expect(s.run('ticket.deliverRfo@1', { ticketId: 'SD-RFO-0001', document: 'The report', fileName: 'rfo.pdf' }, 'clientAAAA', 3, { now: T0 + 6 * HOUR }).outcome).toBe('applied');
    expect((s.data('tickets', 'SD-RFO-0001') as Ticket).sla).toMatchObject({ rfoRequestedAt: T0 + 4 * HOUR, rfoDeliveredAt: T0 + 6 * HOUR });
    const steps = (s.all('timeline') as TimelineEvent[]).flatMap((e) => (e.kind === 'rfo' ? [e.step] : []));
    expect(steps).toEqual(['requested', 'delivered']);
    // A non-service-affecting fault is minor under this policy (severity follows the impact class).
    const minor = s.run('ticket.create@1', { ticket: incident({ id: 'SD-RFO-0003', severity: 'minor', impact: 'non_service_affecting', sla: { severityHistory: [{ at: T0, severity: 'minor' }], pauses: [], customerUpdates: [] } }) }, 'clientAAAA', 4);
    expect(minor.outcome).toBe('applied');
    expect(s.run('ticket.requestRfo@1', { ticketId: 'SD-RFO-0003' }, 'clientAAAA', 5, { now: T0 + 4 * HOUR }).refusal?.code).toBe('rfo_not_offered');
  });

  it('"Превантивните действия са посочени в документа RFO": the draft has summary, the customer-facing timeline, root cause, corrective and preventive actions, in the customer\'s language', () => {
    const timeline: TimelineEvent[] = [
      { id: 'a', ticketId: 'SD-RFO-0001', at: T0, by: 'u1', kind: 'created' },
      { id: 'b', ticketId: 'SD-RFO-0001', at: T0 + HOUR, by: 'u1', kind: 'note', visibility: 'internal', text: 'Vendor blames the digger crew' },
      { id: 'c', ticketId: 'SD-RFO-0001', at: T0 + 2 * HOUR, by: 'u1', kind: 'customer_update', text: 'Splicing team on site' },
    ];
    const bg = buildRfoDraft(incident(), 'bg', { timeline, engineers: [], timeZone: 'Europe/Sofia' });
    expect(bg.to).toEqual(['mira@example.com']);
    expect(bg.subject).toContain('SD-RFO-0001');
    for (const heading of ['Обобщение', 'Хронология', 'Основна причина', 'Коригиращи действия', 'Превантивни действия']) expect(bg.body).toContain(heading);
    expect(bg.body).toContain('Splicing team on site');
    expect(bg.body).not.toContain('digger crew');
    expect(rfoDraftUnfinished(bg.body)).toBe(true);
    expect(buildRfoDraft(incident(), 'zh-TW', { timeline, engineers: [], timeZone: 'Europe/Sofia' }).body).toContain('預防措施');
  });
});
