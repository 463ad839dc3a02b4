// One severity rule on every side: the device (runMutation on real Dexie), the server (push on
// PGlite) and the demo generator's direct call of the severity command must agree, and a closed
// ticket must be refused by both the device and the server with the reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runMutation } from '../../renderer/src/data/mutate';
import { applySeverityFields, changeSeverity, type SeverityChange } from '../../shared/severity';
import { testPolicy } from '../../shared/sla/clocks-fixtures.test-support';
import type { Customer } from '../../shared/directory';
import type { Ticket } from '../../shared/ticket';
import type { Db } from '../../server/db/types';
import { addUser, createServer, loginToken, makeClient, memoryDb, newTicket, type TestClient } from './harness';

let db: Db;
let server: ReturnType<typeof createServer>;
beforeAll(async () => {
  db = await memoryDb();
  server = createServer({ db, maxBodyBytes: 256 * 1024 });
});
afterAll(async () => {
  await server.close();
  await db.close();
});

const policy = testPolicy();
const customer = (id: string, contractTier: Customer['contractTier']): Customer => ({ id, name: `Customer ${id}`, region: 'north', contractNumber: '', contractTier, policyId: policy.id, calendarId: 'always', language: 'en', site: { address: '', timeZone: 'UTC' } });

/** Customers come from the tenant's directory on the server (no mutation writes them): published the way the server seeds reference rows. */
async function publishCustomer(tenant: string, c: Customer): Promise<void> {
  await db.transaction(async (tx) => {
    const [v] = await tx.query<{ version: string | number }>('UPDATE tenants SET version = version + 1 WHERE id = $1 RETURNING version', [tenant]);
    await tx.query(`INSERT INTO entities (tenant_id, tbl, id, ticket_id, data, fv, version) VALUES ($1, 'customers', $2, NULL, $3, '{}', $4)`, [tenant, c.id, JSON.stringify(c), Number(v?.version)]);
  });
}

async function serverTicket(tenant: string, id: string): Promise<Ticket> {
  const [row] = await db.query<{ data: Ticket | string }>(`SELECT data FROM entities WHERE tenant_id = $1 AND tbl = 'tickets' AND id = $2`, [tenant, id]);
  if (!row) throw new Error(`server has no ticket ${id}`);
  return typeof row.data === 'string' ? (JSON.parse(row.data) as Ticket) : row.data;
}

/** A tenant whose server holds the test policy (put by an admin) and two customers, and an agent device that pulled them. */
async function tenantWithRules(tenant: string): Promise<{ agent: TestClient; admin: TestClient }> {
  const admin = await makeClient(server, await addUser(db, tenant, 'admin'));
  const put = await runMutation(admin.db, 'config.put@1', { table: 'policies', row: policy as unknown as Record<string, unknown> });
  expect(put.outcome).toBe('applied');
  await admin.sync.syncNow();
  await publishCustomer(tenant, customer('cust-hotline', '7x24_hotline'));
  await publishCustomer(tenant, customer('cust-office', 'business_hours'));
  const agent = await makeClient(server, await addUser(db, tenant, 'agent'));
  await agent.sync.syncNow();
  expect(await agent.db.policies.get(policy.id)).toBeDefined();
  expect(await agent.db.customers.get('cust-hotline')).toBeDefined();
  return { agent, admin };
}

const grade = (t: Ticket) => ({ severity: t.severity, impact: t.impact, urgency: t.urgency, priority: t.priority, history: t.sla.severityHistory.map((h) => h.severity) });

describe('the severity command on device, server and demo generator', () => {
  it('severity 2 -> 1 on a critical ticket keeps it critical everywhere, as the preview showed (also for an old @1 entry carrying the matrix priority)', async () => {
    const { agent } = await tenantWithRules('t-sev-keep');
    // Raised to critical (p1) although the matrix gives degradation/low only p3.
    const t = newTicket({ policyId: policy.id, customerId: 'cust-office', severity: '2', impact: 'degradation', urgency: 'low', priority: 'p1', status: 'in_progress' });
    const old = newTicket({ ...t, id: `${t.id}-OLD` });
    await runMutation(agent.db, 'ticket.create@1', { ticket: t });
    await runMutation(agent.db, 'ticket.create@1', { ticket: old });
    await agent.sync.syncNow();

    const change = { severity: '1', impact: t.impact, urgency: t.urgency };
    const preview = applySeverityFields(t, change, { policy, tier: 'business_hours' }, Date.now());
    expect(preview.priority).toBe('p1');

    const r = await runMutation(agent.db, 'ticket.changeSeverity@2', { ticketId: t.id, ...change, reason: 'second site down' });
    expect(r.outcome).toBe('applied');
    // The editor before this fix sent the matrix's priority; an unsynced entry like that still runs, without lowering.
    expect((await runMutation(agent.db, 'ticket.changeSeverity@1', { ticketId: old.id, ...change, priority: 'p3', reason: 'second site down' })).outcome).toBe('applied');
    expect(await agent.db.tickets.get(t.id)).toMatchObject({ severity: '1', priority: preview.priority });
    expect(await agent.db.tickets.get(old.id)).toMatchObject({ severity: '1', priority: 'p1' });

    expect(await agent.sync.syncNow()).toMatchObject({ pending: 0 });
    expect(await serverTicket('t-sev-keep', t.id)).toMatchObject({ severity: '1', priority: 'p1' });
    expect(await serverTicket('t-sev-keep', old.id)).toMatchObject({ severity: '1', priority: 'p1' });
    expect(await agent.db.tickets.get(t.id)).toMatchObject({ severity: '1', priority: 'p1' });
  });

  it('the same inputs give the same grading on the device, on the server and in the demo generator', async () => {
    const { agent } = await tenantWithRules('t-sev-same');
    const cases: Array<{ over: Partial<Ticket>; change: Omit<SeverityChange, 'reason'> }> = [
      // Pure severity change: priority kept.
      { over: { customerId: 'cust-office', severity: '3', impact: 'degradation', urgency: 'medium', priority: 'p2' }, change: { severity: '2', impact: 'degradation', urgency: 'medium' } },
      // Impact lowered: the matrix (p3) raised to the hotline floor (p2).
      { over: { customerId: 'cust-hotline', severity: '2', impact: 'degradation', urgency: 'high', priority: 'p1' }, change: { severity: '2', impact: 'non_service_affecting', urgency: 'low' } },
      // Impact lowered for a business-hours customer: the matrix decides (p3).
      { over: { customerId: 'cust-office', severity: '2', impact: 'degradation', urgency: 'high', priority: 'p1' }, change: { severity: '3', impact: 'non_service_affecting', urgency: 'low' } },
      // Impact raised: the matrix raises (p1).
      { over: { customerId: 'cust-office', severity: '3', impact: 'non_service_affecting', urgency: 'low', priority: 'p3' }, change: { severity: '1', impact: 'service_affecting', urgency: 'high' } },
    ];
    const tickets = cases.map((c) => newTicket({ policyId: policy.id, status: 'in_progress', ...c.over }));
    for (const t of tickets) await runMutation(agent.db, 'ticket.create@1', { ticket: t });
    await agent.sync.syncNow();

    const expected: ReturnType<typeof grade>[] = [];
    for (const [i, c] of cases.entries()) {
      const t = tickets[i] as Ticket;
      const tier = t.customerId === 'cust-hotline' ? '7x24_hotline' : 'business_hours';
      const demo = changeSeverity(t, { ...c.change, reason: 'reassessed' }, { policy, tier }, { now: Date.now(), by: 'demo-owner', eventId: `demo-${i}` });
      if (!demo.ok) throw new Error(demo.refusal.message);
      expected.push(grade(demo.ticket));
      await runMutation(agent.db, 'ticket.changeSeverity@2', { ticketId: t.id, ...c.change, reason: 'reassessed' });
    }
    expect(expected.map((g) => g.priority)).toEqual(['p2', 'p2', 'p3', 'p1']);
    const device = (await agent.db.tickets.bulkGet(tickets.map((t) => t.id))).map((t) => grade(t as Ticket));
    expect(device).toEqual(expected);
    await agent.sync.syncNow();
    const onServer = await Promise.all(tickets.map(async (t) => grade(await serverTicket('t-sev-same', t.id))));
    expect(onServer).toEqual(expected);
  });

  it('a closed ticket: the device refuses with the reason and changes nothing; the server refuses an offline change and the device ends with the server answer', async () => {
    const { agent } = await tenantWithRules('t-sev-closed');
    const other = await makeClient(server, await addUser(db, 't-sev-closed', 'agent'));
    const closed = newTicket({ policyId: policy.id, customerId: 'cust-office', status: 'closed' });
    const closing = newTicket({ policyId: policy.id, customerId: 'cust-office', status: 'confirmed' });
    await runMutation(agent.db, 'ticket.create@1', { ticket: closed });
    await runMutation(agent.db, 'ticket.create@1', { ticket: closing });
    await agent.sync.syncNow();
    await other.sync.syncNow();

    // On the device: refused with a code the UI translates; the ticket is unchanged (the refusal itself is queued like any mutation, so the server records the same conflict).
    const outboxBefore = await agent.db.outbox.count();
    const r = await runMutation(agent.db, 'ticket.changeSeverity@2', { ticketId: closed.id, severity: '1', impact: closed.impact, urgency: closed.urgency, reason: 'customer called' });
    expect(r).toMatchObject({ outcome: 'conflict', refusal: { code: 'ticket_closed', params: { ticketId: closed.id } } });
    expect(r.message).toMatch(/is closed/);
    expect(await agent.db.tickets.get(closed.id)).toMatchObject({ severity: '3' });
    expect(await agent.db.outbox.count()).toBe(outboxBefore + 1);
    await agent.sync.syncNow();
    expect(await serverTicket('t-sev-closed', closed.id)).toMatchObject({ severity: '3' });

    // On the server: `other` still sees the ticket open and re-grades it offline while `agent` closes it.
    other.online.value = false;
    expect((await runMutation(other.db, 'ticket.changeSeverity@2', { ticketId: closing.id, severity: '1', impact: closing.impact, urgency: closing.urgency, reason: 'customer called' })).outcome).toBe('applied');
    expect(await other.db.tickets.get(closing.id)).toMatchObject({ severity: '1' });
    expect((await runMutation(agent.db, 'ticket.changeStatus@1', { ticketId: closing.id, to: 'closed' })).outcome).toBe('applied');
    await agent.sync.syncNow();
    other.online.value = true;
    await other.sync.syncNow();
    expect(await serverTicket('t-sev-closed', closing.id)).toMatchObject({ status: 'closed', severity: '3' });
    expect(await other.db.tickets.get(closing.id)).toMatchObject({ status: 'closed', severity: '3' });
    const conflicts = await other.db.conflicts.where('ticketId').equals(closing.id).toArray();
    expect(conflicts.map((c) => c.reason).join(' ')).toMatch(/is closed; its severity can no longer change/);
    // The record carries the refusal's code, so each device shows the reason in its user's language.
    expect(conflicts.find((c) => c.refusal)?.refusal).toMatchObject({ code: 'ticket_closed', params: { ticketId: closing.id } });
  });

  it('the server accepts a push from a device that still sends ticket.changeSeverity@1, and decides the priority itself', async () => {
    await tenantWithRules('t-sev-old');
    const token = await loginToken(server, await addUser(db, 't-sev-old', 'agent'));
    const t = newTicket({ policyId: policy.id, customerId: 'cust-office', severity: '2', impact: 'degradation', urgency: 'low', priority: 'p1', status: 'in_progress' });
    const change = { ticketId: t.id, severity: '1', impact: t.impact, urgency: t.urgency, reason: 'second site down' };
    const body = {
      clientId: 'old-build-client-1',
      schemaVersion: 2,
      mutations: [
        { id: 1, name: 'ticket.create@1', args: { ticket: t }, clientTime: 1 },
        // The old editor computed the matrix priority (p3) and sent it; the server ignores it.
        { id: 2, name: 'ticket.changeSeverity@1', args: { ...change, priority: 'p3' }, clientTime: 2 },
        { id: 3, name: 'ticket.changeSeverity@2', args: { ...change, severity: '2', reason: 'calmer now' }, clientTime: 3 },
      ],
    };
    const res = await server.fetch(new Request('http://test/push', { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) }));
    const out = (await res.json()) as { results: Array<{ status: string }> };
    expect(out.results.map((r) => r.status)).toEqual(['applied', 'applied', 'applied']);
    expect(await serverTicket('t-sev-old', t.id)).toMatchObject({ severity: '2', priority: 'p1' });
  });
});
