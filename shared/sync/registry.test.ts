import { describe, expect, it } from 'vitest';
import type { Ticket } from '../ticket/schema';
import { prepareMutation } from './registry';
import { materializeWrites, type StoredWrite } from './materialize';
import { noTables, type EntityReader, type EntitySnapshot, type MutationCtx, type MutationResultBody } from './mutation-types';
import type { BaseVersions } from './protocol';

const ticket: Ticket = {
  id: 'SD-ABCDEF-0001', title: 'Core router down', description: 'All sites unreachable', channel: 'phone', customerId: 'c1',
  contactName: 'Ana Example', contactEmail: 'ana@example.com', contactPhone: '', productLine: 'routing', product: 'R9', productVersion: '',
  region: 'north', policyId: 'p1', severity: '2', impact: 'degradation', urgency: 'medium', priority: 'P2', status: 'received',
  escalationLevel: 0, onSite: false, intake: {}, sla: { severityHistory: [{ at: 1000, severity: '2' }], pauses: [], customerUpdates: [] },
  createdAt: 1000, updatedAt: 1000, createdBy: 'u1',
};

/** A tiny authoritative store: applies mutations the way the server does, one version per mutation. */
function memoryStore() {
  const rows = new Map<string, EntitySnapshot>();
  let version = 0;
  const read: EntityReader = (t, id) => rows.get(`${t}/${id}`);
  const store = (w: StoredWrite) => {
    const k = `${w.table}/${w.id}`;
    if (w.insertOnly && rows.has(k)) return;
    rows.set(k, { data: w.data, fv: w.fv });
  };
  function run(name: string, args: unknown, clientId: string, mutationId: number, baseVersions: BaseVersions = {}): MutationResultBody {
    const p = prepareMutation(name, args);
    if (!p.ok) throw new Error(p.message);
    const ctx: MutationCtx = { userId: `user-${clientId}`, role: 'agent', region: 'north', now: 5000 + mutationId, clientId, mutationId, baseVersions };
    const result = p.mutation.run(read, ctx, noTables);
    version++;
    materializeWrites(result, read, version, clientId).forEach(store);
    return result;
  }
  const fv = (id: string) => Object.fromEntries(Object.entries(rows.get(`tickets/${id}`)?.fv ?? {}).map(([k, v]) => [k, v.v]));
  return { run, read, rows, fv };
}

describe('mutation registry', () => {
  it('refuses unknown names and invalid args with a readable message', () => {
    const unknown = prepareMutation('ticket.explode@1', {});
    expect(unknown).toMatchObject({ ok: false, code: 'unknown_mutation' });
    const bad = prepareMutation('ticket.update@1', { ticketId: 'x', changes: { title: '' } });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.message).toContain('title');
  });

  it('upgrades ticket.update@0 flat args to @1', () => {
    const s = memoryStore();
    s.run('ticket.create@1', { ticket }, 'clientAAAA', 1);
    const r = s.run('ticket.update@0', { ticketId: ticket.id, title: 'Renamed by an old client' }, 'clientAAAA', 2);
    expect(r.outcome).toBe('applied');
    expect(s.read('tickets', ticket.id)?.data.title).toBe('Renamed by an old client');
  });

  it('free text: the server value is kept and the later writer gets a base/mine/theirs conflict', () => {
    const s = memoryStore();
    s.run('ticket.create@1', { ticket }, 'clientAAAA', 1);
    const base = { [`tickets/${ticket.id}`]: s.fv(ticket.id) };
    s.run('ticket.update@1', { ticketId: ticket.id, changes: { title: 'A title' }, base: { title: ticket.title } }, 'clientBBBB', 1, base);
    const r = s.run('ticket.update@1', { ticketId: ticket.id, changes: { title: 'C title', description: 'C desc' }, base: { title: ticket.title } }, 'clientCCCC', 1, base);
    expect(r.outcome).toBe('conflict');
    expect(r.conflicts[0]).toMatchObject({ field: 'title', base: ticket.title, mine: 'C title', theirs: 'A title', status: 'open' });
    expect(s.read('tickets', ticket.id)?.data).toMatchObject({ title: 'A title', description: 'C desc' });
    expect([...s.rows.keys()].some((k) => k.startsWith('timeline/') && s.rows.get(k)?.data.kind === 'conflict')).toBe(true);
  });

  it('a chain of offline edits by one client never conflicts with itself', () => {
    const s = memoryStore();
    s.run('ticket.create@1', { ticket }, 'clientAAAA', 1);
    const base = { [`tickets/${ticket.id}`]: s.fv(ticket.id) };
    expect(s.run('ticket.update@1', { ticketId: ticket.id, changes: { title: 'one' } }, 'clientBBBB', 1, base).outcome).toBe('applied');
    expect(s.run('ticket.update@1', { ticketId: ticket.id, changes: { title: 'two' } }, 'clientBBBB', 2, base).outcome).toBe('applied');
    expect(s.read('tickets', ticket.id)?.data.title).toBe('two');
  });

  it('severity: the higher one wins whichever arrives last, and both are told', () => {
    for (const order of [['1', '3'], ['3', '1']] as const) {
      const s = memoryStore();
      s.run('ticket.create@1', { ticket }, 'clientAAAA', 1);
      const base = { [`tickets/${ticket.id}`]: s.fv(ticket.id) };
      const sev = (severity: string, c: string) => s.run('ticket.changeSeverity@1', { ticketId: ticket.id, severity, impact: 'service_affecting', urgency: 'high', priority: 'P1', reason: 'customer call' }, c, 1, base);
      sev(order[0], 'clientBBBB');
      const second = sev(order[1], 'clientCCCC');
      expect(s.read('tickets', ticket.id)?.data.severity).toBe('1');
      expect(second.conflicts[0]).toMatchObject({ field: 'severity', status: 'info' });
    }
  });

  it('status: the state machine decides; a refused move is a visible conflict', () => {
    const s = memoryStore();
    s.run('ticket.create@1', { ticket: { ...ticket, status: 'closed' } }, 'clientAAAA', 1);
    const r = s.run('ticket.changeStatus@1', { ticketId: ticket.id, to: 'in_progress' }, 'clientBBBB', 1);
    expect(r.outcome).toBe('conflict');
    expect(r.conflicts[0]?.reason).toContain('closed');
    expect(s.read('tickets', ticket.id)?.data.status).toBe('closed');
  });

  it('waiting for the customer opens and closes an SLA pause', () => {
    const s = memoryStore();
    s.run('ticket.create@1', { ticket }, 'clientAAAA', 1);
    for (const [i, to] of (['acknowledged', 'waiting_customer', 'in_progress'] as const).entries()) {
      expect(s.run('ticket.changeStatus@1', { ticketId: ticket.id, to }, 'clientAAAA', i + 2).outcome).toBe('applied');
    }
    const t = s.read('tickets', ticket.id)?.data as Ticket;
    expect(t.sla.pauses).toEqual([{ from: 5003, to: 5004 }]);
    expect(t.sla.respondedAt).toBe(5002);
  });

  it('the same SLA alert recorded by two devices is stored once; escalation level only rises', () => {
    const s = memoryStore();
    s.run('ticket.create@1', { ticket }, 'clientAAAA', 1);
    const alert = { ticketId: ticket.id, clock: 'first_response', threshold: 75, target: 9000 };
    s.run('ticket.recordSlaAlert@1', alert, 'clientAAAA', 2);
    s.run('ticket.recordSlaAlert@1', alert, 'clientBBBB', 1);
    expect([...s.rows.values()].filter((r) => r.data.kind === 'sla_alert')).toHaveLength(1);
    const esc = (level: number, c: string, id: number) => s.run('ticket.recordEscalation@1', { ticketId: ticket.id, level, levelName: `L${level}`, recipients: [], automatic: false }, c, id);
    esc(2, 'clientAAAA', 3);
    esc(1, 'clientBBBB', 2);
    expect(s.read('tickets', ticket.id)?.data.escalationLevel).toBe(2);
    expect([...s.rows.values()].filter((r) => r.data.kind === 'escalated')).toHaveLength(2);
  });

  it('resolving a conflict with "mine" writes my value and closes the record', () => {
    const s = memoryStore();
    s.run('ticket.create@1', { ticket }, 'clientAAAA', 1);
    const base = { [`tickets/${ticket.id}`]: s.fv(ticket.id) };
    s.run('ticket.update@1', { ticketId: ticket.id, changes: { title: 'A' } }, 'clientBBBB', 1, base);
    const r = s.run('ticket.update@1', { ticketId: ticket.id, changes: { title: 'C' } }, 'clientCCCC', 1, base);
    const id = r.conflicts[0]?.id ?? '';
    s.run('conflict.resolve@1', { conflictId: id, ticketId: ticket.id, choice: 'mine' }, 'clientCCCC', 2);
    expect(s.read('tickets', ticket.id)?.data.title).toBe('C');
    expect(s.read('conflicts', id)?.data.status).toBe('resolved');
  });
});
