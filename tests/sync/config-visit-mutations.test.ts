import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Visit } from '../../shared/dispatch/visit-schema';
import type { Ticket } from '../../shared/ticket/schema';
import type { TimelineEvent } from '../../shared/ticket/timeline';
import { bookingBlockers, bookingClash, confirmBooking } from '../../shared/sync/booking';
import { memoryStore } from '../../shared/sync/memory-store.test-support';
import { prepareMutation } from '../../shared/sync/registry';

const preset = (p: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(`../../resources/presets/${p}`, import.meta.url), 'utf8')) as Record<string, unknown>;
const H = 3_600_000;
const T0 = Date.UTC(2026, 2, 2, 9);
const ticket: Ticket = {
  id: 'SD-ABCDEF-0003', title: 'Router down', description: '', channel: 'phone', customerId: 'c1', contactName: '', contactEmail: '', contactPhone: '',
  productLine: 'routing', product: 'R9', productVersion: '', region: 'north', policyId: 'p1', severity: '2', impact: 'degradation', urgency: 'medium', priority: 'P2',
  status: 'in_progress', escalationLevel: 0, onSite: false, intake: {}, sla: { severityHistory: [{ at: 1000, severity: '2' }], pauses: [], customerUpdates: [] },
  createdAt: 1000, updatedAt: 1000, createdBy: 'u1',
};
const visit = (over: Partial<Visit> = {}): Visit => ({
  id: 'v1', ticketId: ticket.id, customerId: 'c1', kind: 'fault', reason: 'online_window_expired', site: { address: '1 Main St', timeZone: 'Europe/Sofia' },
  status: 'unscheduled', travelBufferMinutes: 0, parts: [], workNotes: [], sequence: 0, history: [], createdAt: 2000, createdBy: '', updatedAt: 2000, updatedBy: '', ...over,
});

describe('config.put@1 / config.delete@1', () => {
  it('an admin stores a validated policy, calendar and matrix; defaults are applied', () => {
    const s = memoryStore();
    const policy = preset('policies/business-hours-3-severity.json');
    expect(s.run('config.put@1', { table: 'policies', row: policy }, 'adminAAAA', 1, { role: 'admin' }).outcome).toBe('applied');
    expect(s.data('policies', String(policy.id))).toMatchObject({ id: policy.id, name: policy.name });
    const cal = preset('calendars/always-open.json');
    s.run('config.put@1', { table: 'calendars', row: cal }, 'adminAAAA', 2, { role: 'admin' });
    expect(s.data('calendars', String(cal.id))).toMatchObject({ id: cal.id });
    const matrix = preset('escalation/default-matrix.json');
    const m = s.run('config.put@1', { table: 'escalationMatrices', row: matrix }, 'adminAAAA', 3, { role: 'admin' });
    expect(m.outcome).toBe('applied');
  });

  it('an invalid row is refused before anything is written, naming the problem', () => {
    const r = prepareMutation('config.put@1', { table: 'calendars', row: { id: 'Bad Id', name: 'x', calendar: { timeZone: 'Mars/Base', week: {} } } });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/calendars row/);
  });

  it('a non-admin is refused with a clear message and nothing changes', () => {
    const s = memoryStore();
    const cal = preset('calendars/always-open.json');
    const r = s.run('config.put@1', { table: 'calendars', row: cal }, 'agentAAAA', 1);
    expect(r.outcome).toBe('conflict');
    expect(r.message).toMatch(/only an admin can change calendars/);
    expect(s.data('calendars', String(cal.id))).toBeUndefined();
    expect(s.all('conflicts')).toHaveLength(1);
  });

  it('concurrent edits keep the server row and the later one becomes an open conflict; delete is a tombstone', () => {
    const s = memoryStore();
    const cal = preset('calendars/always-open.json');
    s.run('config.put@1', { table: 'calendars', row: cal }, 'adminAAAA', 1, { role: 'admin' });
    const base = s.base('calendars', String(cal.id));
    s.run('config.put@1', { table: 'calendars', row: { ...cal, name: 'Open always (A)' } }, 'adminAAAA', 2, { role: 'admin' });
    const b = s.run('config.put@1', { table: 'calendars', row: { ...cal, name: 'Open always (B)' } }, 'adminBBBB', 1, { role: 'admin', baseVersions: base });
    expect(b.outcome).toBe('conflict');
    expect(b.conflicts[0]).toMatchObject({ status: 'open' });
    expect(s.data('calendars', String(cal.id))?.name).toBe('Open always (A)');
    s.run('config.delete@1', { table: 'calendars', id: cal.id }, 'adminAAAA', 3, { role: 'admin' });
    expect(s.data('calendars', String(cal.id))).toBeUndefined();
  });
});

describe('visit mutations', () => {
  it('visit.create@1: a booking made on a device is tentative and marks the ticket on-site', () => {
    const s = memoryStore();
    s.run('ticket.create@1', { ticket }, 'dispAAAA', 1);
    s.run('visit.create@1', { visit: visit({ engineerId: 'e1', window: { start: T0, end: T0 + 2 * H }, status: 'confirmed' }) }, 'dispAAAA', 2);
    expect(s.data('visits', 'v1')).toMatchObject({ status: 'tentative', engineerId: 'e1' });
    expect(s.data('tickets', ticket.id)).toMatchObject({ onSite: true });
    expect(prepareMutation('visit.create@1', { visit: visit({ status: 'tentative' }) }).ok).toBe(false);
  });

  it('visit.action@1: arrival stops the ticket arrival clock (earliest counts) and lands on the timeline', () => {
    const s = memoryStore();
    s.run('ticket.create@1', { ticket }, 'fieldAAAA', 1);
    s.run('visit.create@1', { visit: visit({ engineerId: 'e1', window: { start: T0, end: T0 + 2 * H } }) }, 'fieldAAAA', 2);
    s.run('visit.action@1', { visitId: 'v1', action: { type: 'en_route' } }, 'fieldAAAA', 3, { now: T0 - H });
    s.run('visit.action@1', { visitId: 'v1', action: { type: 'arrive' } }, 'fieldAAAA', 4, { now: T0 });
    expect((s.data('tickets', ticket.id) as Ticket).sla.arrivedAt).toBe(T0);
    expect(s.data('visits', 'v1')).toMatchObject({ status: 'arrived', arrivedAt: T0 });
    const changes = (s.all('timeline') as TimelineEvent[]).filter((e) => e.kind === 'visit').map((e) => (e.kind === 'visit' ? e.change : ''));
    expect(changes).toEqual(expect.arrayContaining(['created', 'en_route', 'arrive']));
    const late = s.run('visit.action@1', { visitId: 'v1', action: { type: 'submit' } }, 'fieldAAAA', 5, { now: T0 + H });
    expect(late.outcome).toBe('conflict');
    expect(late.message).toMatch(/Cannot submit visit v1: it is arrived/);
  });

  it('visit.action@1: a device cannot confirm a booking itself, and a schedule stays tentative', () => {
    const s = memoryStore();
    s.run('ticket.create@1', { ticket }, 'dispAAAA', 1);
    s.run('visit.create@1', { visit: visit() }, 'dispAAAA', 2);
    s.run('visit.action@1', { visitId: 'v1', action: { type: 'schedule', engineerId: 'e1', window: { start: T0, end: T0 + H }, confirmed: true } }, 'dispAAAA', 3);
    expect(s.data('visits', 'v1')?.status).toBe('tentative');
    const r = s.run('visit.action@1', { visitId: 'v1', action: { type: 'confirm_booking' } }, 'dispAAAA', 4);
    expect(r.message).toMatch(/only the server confirms/);
  });

  it('visit.parts@1: check-out, use and return move warehouse stock; a short check-out is refused', () => {
    const s = memoryStore();
    s.run('ticket.create@1', { ticket }, 'fieldAAAA', 1);
    s.run('visit.create@1', { visit: visit({ engineerId: 'e1', window: { start: T0, end: T0 + H } }) }, 'fieldAAAA', 2);
    s.put('warehouse', 'psu-1', { id: 'psu-1', name: 'Power supply', onHand: 3 });
    s.run('visit.parts@1', { visitId: 'v1', move: { kind: 'check_out', partId: 'psu-1', quantity: 2 } }, 'fieldAAAA', 3);
    s.run('visit.parts@1', { visitId: 'v1', move: { kind: 'use', partId: 'psu-1', quantity: 1 } }, 'fieldAAAA', 4);
    s.run('visit.parts@1', { visitId: 'v1', move: { kind: 'return', partId: 'psu-1', quantity: 1 } }, 'fieldAAAA', 5);
    expect(s.data('warehouse', 'psu-1')?.onHand).toBe(2);
    expect((s.data('visits', 'v1') as Visit).parts).toEqual([
      { partId: 'psu-1', name: 'Power supply', quantity: 1, state: 'used' },
      { partId: 'psu-1', name: 'Power supply', quantity: 1, state: 'returned' },
    ]);
    const short = s.run('visit.parts@1', { visitId: 'v1', move: { kind: 'check_out', partId: 'psu-1', quantity: 5 } }, 'fieldBBBB', 1);
    expect(short.outcome).toBe('conflict');
    expect(short.message).toMatch(/Only 2 x Power supply on hand/);
    expect(s.data('warehouse', 'psu-1')?.onHand).toBe(2);
  });
});

describe('server booking decision', () => {
  const confirmed = visit({ id: 'v0', ticketId: 'SD-OTHER-0001', engineerId: 'e1', window: { start: T0, end: T0 + 2 * H }, status: 'confirmed' });
  it('confirms a tentative visit that overlaps nothing, bumping its SEQUENCE', () => {
    const v = visit({ engineerId: 'e1', window: { start: T0 + 2 * H, end: T0 + 3 * H }, status: 'tentative' });
    expect(bookingBlockers(v, [confirmed])).toEqual([]);
    const c = confirmBooking(v, { clientId: 'c', mutationId: 1, now: 10 });
    expect(c.write.data).toMatchObject({ status: 'confirmed', sequence: 1 });
  });
  it('an overlap (travel buffer included) blocks it and both tickets get a conflict entry', () => {
    const v = visit({ engineerId: 'e1', window: { start: T0 + 2 * H + 60_000, end: T0 + 3 * H }, travelBufferMinutes: 30, status: 'tentative' });
    const blockers = bookingBlockers(v, [confirmed]);
    expect(blockers.map((f) => f.code)).toEqual(['overlap']);
    const clash = bookingClash(v, blockers[0]?.message ?? '', [confirmed], { clientId: 'c', mutationId: 1, now: 10, userId: 'u' });
    expect(clash.conflicts[0]).toMatchObject({ status: 'open', ticketId: ticket.id });
    expect(clash.events.map((e) => e.ticketId).sort()).toEqual(['SD-ABCDEF-0003', 'SD-OTHER-0001']);
  });
});
