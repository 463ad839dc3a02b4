import { describe, expect, it } from 'vitest';
import { policySchema, type Policy } from '../policy/schema';
import { calendarPresetSchema } from '../sla';
import { computeClocks } from '../sla/clocks';
import { ticketSchema, type Ticket } from '../ticket/schema';
import type { TimelineEvent } from '../ticket/timeline';
import { memoryStore } from '../sync/memory-store.test-support';
import { deferTicket, deferredUntil } from './defer';

const policyFiles = import.meta.glob<unknown>('../../resources/presets/policies/*.json', { eager: true, import: 'default' });
const calendarFiles = import.meta.glob<unknown>('../../resources/presets/calendars/*.json', { eager: true, import: 'default' });
const calendars = Object.fromEntries(Object.values(calendarFiles).map((raw) => calendarPresetSchema.parse(raw)).map((c) => [c.id, c.calendar]));
const policy = Object.values(policyFiles).map((p) => policySchema.parse(p)).find((p) => p.id === 'network-impact-rfo') as Policy;
const HOUR = 3_600_000;
// Fri 13 Mar 2026, 21:00 in Sofia: outside normal hours.
const T0 = Date.UTC(2026, 2, 13, 19, 0);
const MONDAY_9 = Date.UTC(2026, 2, 16, 7, 0);

function fault(overrides: Partial<Ticket> = {}): Ticket {
  return ticketSchema.parse({
    id: 'SD-DEF-0001', title: 'Monitoring port flaps on the backup link', channel: 'phone', customerId: 'c1', contactName: 'Ivo Example',
    productLine: 'transport', product: 'Metro Ethernet', region: 'emea-anz', policyId: policy.id, severity: 'minor', impact: 'non_service_affecting',
    urgency: 'low', priority: 'P4', status: 'acknowledged', sla: { severityHistory: [{ at: T0, severity: 'minor' }] }, createdAt: T0, updatedAt: T0, ...overrides,
  });
}

describe('deferral by agreement', () => {
  it('"Повреди, незасягащи услугата, повдигнати извън нормалното работно време, могат да бъдат отложени до следващия работен ден ... ако двете страни се съгласят": the clocks pause until work resumes and move by the deferred time', () => {
    const t = fault();
    const at = T0 + HOUR;
    const before = computeClocks(t, policy, at, calendars).filter((c) => c.target !== undefined);
    const r = deferTicket(t, { until: MONDAY_9, agreedWith: 'Ivo Example' }, { now: at, by: 'u1', eventId: 'e1' });
    if (!r.ok) throw new Error(r.refusal.message);
    expect(r.event).toMatchObject({ kind: 'deferred', agreedWith: 'Ivo Example', until: MONDAY_9, by: 'u1' });
    expect(deferredUntil(r.ticket, at + HOUR)).toBe(MONDAY_9);
    const during = computeClocks(r.ticket, policy, at + HOUR, calendars);
    for (const c of during.filter((x) => x.kind !== 'rfo' && x.startedAt !== undefined)) expect(c.state).toBe('paused');
    const after = computeClocks(r.ticket, policy, MONDAY_9 + HOUR, calendars);
    for (const b of before) {
      const a = after.find((x) => x.kind === b.kind);
      // A deferral over closed hours moves a business-hours target by nothing; it never moves one earlier.
      if (b.target !== undefined && b.target > at && a?.target !== undefined) expect(a.target).toBeGreaterThanOrEqual(b.target);
    }
  });

  it('a deferral over open hours moves the targets out by the paused open time', () => {
    const monday10 = Date.UTC(2026, 2, 16, 8, 0);
    const t = fault({ createdAt: monday10, updatedAt: monday10, sla: { severityHistory: [{ at: monday10, severity: 'minor' }], pauses: [], customerUpdates: [] } });
    const before = computeClocks(t, policy, monday10 + HOUR, calendars).find((c) => c.kind === 'resolution');
    const r = deferTicket(t, { until: monday10 + 3 * HOUR, agreedWith: 'Ivo Example' }, { now: monday10 + HOUR, by: 'u1', eventId: 'e1' });
    if (!r.ok) throw new Error(r.refusal.message);
    const after = computeClocks(r.ticket, policy, monday10 + 4 * HOUR, calendars).find((c) => c.kind === 'resolution');
    expect(before?.target).toBeDefined();
    // Two open hours later on the business calendar (which may carry into the next working day).
    expect(after?.target).toBeGreaterThan(before?.target ?? Infinity);
    expect(after?.elapsedMinutes).toBeCloseTo((before?.elapsedMinutes ?? 0) + 60, 5);
  });

  it('refuses a service-affecting or degraded fault, a missing name and a resume time not in the next seven days, and changes nothing', () => {
    const ctx = { now: T0 + HOUR, by: 'u1', eventId: 'e1' };
    expect(deferTicket(fault({ impact: 'service_affecting' }), { until: MONDAY_9, agreedWith: 'Ivo' }, ctx)).toMatchObject({ ok: false, refusal: { code: 'deferral_not_allowed' } });
    expect(deferTicket(fault({ impact: 'degradation' }), { until: MONDAY_9, agreedWith: 'Ivo' }, ctx)).toMatchObject({ ok: false, refusal: { code: 'deferral_not_allowed' } });
    expect(deferTicket(fault(), { until: MONDAY_9, agreedWith: '  ' }, ctx)).toMatchObject({ ok: false, refusal: { code: 'text_required' } });
    expect(deferTicket(fault(), { until: T0, agreedWith: 'Ivo' }, ctx)).toMatchObject({ ok: false, refusal: { code: 'bad_time' } });
    expect(deferTicket(fault(), { until: T0 + 9 * 24 * HOUR, agreedWith: 'Ivo' }, ctx)).toMatchObject({ ok: false, refusal: { code: 'bad_time' } });
  });

  it('syncs as ticket.defer@1 and old tickets without deferrals still load', () => {
    const s = memoryStore();
    const legacy = fault() as Record<string, unknown>;
    s.run('ticket.create@1', { ticket: legacy }, 'clientAAAA', 1);
    expect(s.run('ticket.defer@1', { ticketId: 'SD-DEF-0001', until: MONDAY_9, agreedWith: 'Ivo Example' }, 'clientAAAA', 2, { now: T0 + HOUR }).outcome).toBe('applied');
    expect((s.data('tickets', 'SD-DEF-0001') as Ticket).sla.deferrals).toEqual([{ from: T0 + HOUR, until: MONDAY_9, agreedWith: 'Ivo Example' }]);
    expect((s.all('timeline') as TimelineEvent[]).some((e) => e.kind === 'deferred')).toBe(true);
  });
});
