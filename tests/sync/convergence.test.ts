import fc from 'fast-check';
import { describe, it } from 'vitest';
import { addUser, inProcessServer, makeClient, newTicket, type TestClient } from './harness';
import { act, convergeAndCheck, type Made } from './invariants';

const env = inProcessServer();

const DAY = 24 * 3600_000;
const severities = ['1', '2', '3', '4'];
const statuses = ['acknowledged', 'in_progress', 'waiting_customer', 'resolved', 'confirmed', 'closed'] as const;

describe('convergence', () => {
  it('a client offline for 7 simulated days with 500 edits converges with two online clients', async () => {
    const tenant = 't-week';
    const [u1, u2, u3] = [await addUser(env.db, tenant, 'field_engineer', 'north'), await addUser(env.db, tenant), await addUser(env.db, tenant, 'dispatcher')];
    const field = await makeClient(env.server, u1);
    const desk = await makeClient(env.server, u2);
    const dispatch = await makeClient(env.server, u3);
    const made: Made[] = [];
    const tickets = Array.from({ length: 10 }, () => newTicket());
    for (const t of tickets) await act(desk, made, 'ticket.create@1', { ticket: t });
    for (const c of [desk, field, dispatch]) await c.sync.syncNow();

    field.online.value = false;
    let edits = 0;
    for (let day = 0; day < 7; day++) {
      for (const c of [field, desk, dispatch]) c.clock.now += DAY;
      for (let i = 0; i < 72 && edits < 500; i++, edits++) {
        const t = tickets[(day * 7 + i) % tickets.length] ?? tickets[0];
        if (!t) throw new Error('no ticket');
        if (i % 3 === 0) await act(field, made, 'timeline.addNote@1', { ticketId: t.id, visibility: 'internal', text: `day ${day} visit note ${i}` });
        else if (i % 3 === 1) await act(field, made, 'ticket.update@1', { ticketId: t.id, changes: { description: `site log day ${day} #${i}` } });
        else await act(field, made, 'ticket.update@1', { ticketId: t.id, changes: { title: `field title ${day}/${i}` } });
      }
      // Meanwhile the desk keeps working online.
      const t = tickets[day] ?? tickets[0];
      if (!t) throw new Error('no ticket');
      await act(desk, made, 'ticket.update@1', { ticketId: t.id, changes: { title: `desk title day ${day}` } });
      await act(dispatch, made, 'ticket.changeSeverity@1', { ticketId: t.id, severity: severities[day % 4] ?? '1', impact: 'service_affecting', urgency: 'high', priority: 'P1', reason: 'customer escalated' });
      await act(desk, made, 'timeline.addNote@1', { ticketId: t.id, visibility: 'external', text: `desk update day ${day}` });
      await desk.sync.syncNow();
      await dispatch.sync.syncNow();
    }
    await convergeAndCheck(env.db, tenant, [field, desk, dispatch], made);
    // Generous: the shared 2-core machine may be busy; this is a correctness test, not a timing one.
  }, 180_000);

  it('random interleavings of three clients end with identical stores, every applied write present and every refusal visible', async () => {
    type Op = { client: number; kind: 'note' | 'title' | 'severity' | 'status' | 'assign' | 'sync' | 'offline'; ticket: number; pick: number };
    const op = fc.record({
      client: fc.integer({ min: 0, max: 2 }),
      kind: fc.constantFrom<Op['kind']>('note', 'title', 'severity', 'status', 'assign', 'sync', 'sync', 'offline'),
      ticket: fc.integer({ min: 0, max: 2 }),
      pick: fc.integer({ min: 0, max: 5 }),
    });
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 5, maxLength: 25 }), async (ops) => {
        const tenant = `t-prop-${++run}`;
        const clients: TestClient[] = [];
        for (const role of ['agent', 'dispatcher', 'agent'] as const) clients.push(await makeClient(env.server, await addUser(env.db, tenant, role)));
        const made: Made[] = [];
        const tickets = [newTicket(), newTicket(), newTicket()];
        const first = clients[0];
        if (!first) throw new Error('no client');
        for (const t of tickets) await act(first, made, 'ticket.create@1', { ticket: t });
        for (const c of clients) await c.sync.syncNow();
        for (const o of ops) {
          const c = clients[o.client];
          const t = tickets[o.ticket];
          if (!c || !t) continue;
          c.clock.now += 60_000;
          if (o.kind === 'sync') await c.sync.syncNow();
          else if (o.kind === 'offline') c.online.value = !c.online.value;
          else if (o.kind === 'note') await act(c, made, 'timeline.addNote@1', { ticketId: t.id, visibility: 'internal', text: `note ${o.pick}` });
          else if (o.kind === 'title') await act(c, made, 'ticket.update@1', { ticketId: t.id, changes: { title: `title ${o.client}-${o.pick}-${made.length}` } });
          else if (o.kind === 'severity') await act(c, made, 'ticket.changeSeverity@1', { ticketId: t.id, severity: severities[o.pick % 4] ?? '1', impact: 'degradation', urgency: 'medium', priority: 'P2', reason: 'reassessed' });
          else if (o.kind === 'assign') await act(c, made, 'ticket.assign@1', { ticketId: t.id, ownerId: clients[o.pick % 3]?.user.id });
          else await act(c, made, 'ticket.changeStatus@1', { ticketId: t.id, to: statuses[o.pick] ?? 'resolved' });
        }
        await convergeAndCheck(env.db, tenant, clients, made);
        for (const c of clients) c.sync.stop();
      }),
      { numRuns: 12, seed: 4242, endOnFailure: true },
    );
  }, 180_000);
});
