import { describe, expect, it } from 'vitest';
import { runMutation } from '../../renderer/src/data/mutate';
import { currentPendingId, pendingRef, withdrawPendingMutation } from '../../renderer/src/data/withdraw';
import { undoEscalation } from '../../renderer/src/features/escalation/escalate-flow';
import type { Mutate } from '../../renderer/src/app/mutations';
import type { ServiceDeskDb } from '../../renderer/src/data/db';
import { addUser, inProcessServer, makeClient, newTicket } from './harness';

const mutateOn = (db: ServiceDeskDb): Mutate => async (name, args) => {
  const r = await runMutation(db, name, args);
  return { outcome: r.outcome, mutationId: r.id };
};

const env = inProcessServer();

const escalate = { level: 1, levelName: 'M1: direct manager', recipients: ['lead@example.com'], ask: '', automatic: false };

describe('undoing a change the server has not seen', () => {
  it('takes an escalation back completely: level, timeline and queue; later changes sync without a gap', async () => {
    const a = await makeClient(env.server, await addUser(env.db, 't-withdraw'));
    const b = await makeClient(env.server, await addUser(env.db, 't-withdraw'));
    const t = newTicket();
    await runMutation(a.db, 'ticket.create@1', { ticket: t });
    await a.sync.syncNow();

    const r = await runMutation(a.db, 'ticket.recordEscalation@1', { ticketId: t.id, ...escalate });
    expect(await a.db.tickets.get(t.id)).toMatchObject({ escalationLevel: 1 });
    expect(await withdrawPendingMutation(a.db, r.id)).toBe('withdrawn');
    expect(await a.db.tickets.get(t.id)).toMatchObject({ escalationLevel: 0 });
    expect(await a.db.timeline.where('ticketId').equals(t.id).filter((e) => e.kind === 'escalated').count()).toBe(0);
    expect(await a.db.outbox.count()).toBe(0);

    // The next change takes the freed place in the queue; the server sees no gap and no escalation.
    await runMutation(a.db, 'timeline.addNote@1', { ticketId: t.id, text: 'Called the customer back.', visibility: 'internal' });
    expect(await a.sync.syncNow()).toMatchObject({ state: 'idle', pending: 0 });
    await b.sync.syncNow();
    expect(await b.db.tickets.get(t.id)).toMatchObject({ escalationLevel: 0 });
    const kinds = (await b.db.timeline.where('ticketId').equals(t.id).toArray()).map((e) => e.kind).sort();
    expect(kinds).toEqual(['created', 'note']);
  });

  it('keeps other pending changes when one is taken back', async () => {
    const a = await makeClient(env.server, await addUser(env.db, 't-withdraw-keep'));
    const t = newTicket();
    await runMutation(a.db, 'ticket.create@1', { ticket: t });
    const r = await runMutation(a.db, 'ticket.recordEscalation@1', { ticketId: t.id, ...escalate });
    expect(await withdrawPendingMutation(a.db, r.id)).toBe('withdrawn');
    expect(await a.db.tickets.get(t.id)).toMatchObject({ title: t.title, escalationLevel: 0 });
    expect(await a.db.outbox.count()).toBe(1);
    expect(await a.sync.syncNow()).toMatchObject({ state: 'idle', pending: 0 });
  });

  it('refuses, changing nothing, once the change was sent', async () => {
    const a = await makeClient(env.server, await addUser(env.db, 't-withdraw-late'));
    const t = newTicket();
    await runMutation(a.db, 'ticket.create@1', { ticket: t });
    const sent = await runMutation(a.db, 'ticket.recordEscalation@1', { ticketId: t.id, ...escalate });
    await a.sync.syncNow();
    expect(await withdrawPendingMutation(a.db, sent.id)).toBe('sent');
    expect(await a.db.tickets.get(t.id)).toMatchObject({ escalationLevel: 1 });
    expect(await a.db.outbox.count()).toBe(0);
  });

  it('takes a change back although the background queued others after it (an SLA alert, an automatic escalation): they move down one place and sync without a gap', async () => {
    const a = await makeClient(env.server, await addUser(env.db, 't-withdraw-later'));
    const b = await makeClient(env.server, await addUser(env.db, 't-withdraw-later'));
    const t = newTicket();
    const other = newTicket();
    await runMutation(a.db, 'ticket.create@1', { ticket: t });
    await runMutation(a.db, 'ticket.create@1', { ticket: other });
    await a.sync.syncNow();

    const byHand = await runMutation(a.db, 'ticket.recordEscalation@1', { ticketId: t.id, ...escalate });
    const change = pendingRef(byHand.id);
    // Queued after it by the background: an escalation of another ticket and a note on this one.
    const auto = await runMutation(a.db, 'ticket.recordEscalation@1', { ticketId: other.id, ...escalate, automatic: true });
    const autoRef = pendingRef(auto.id);
    await runMutation(a.db, 'timeline.addNote@1', { ticketId: t.id, text: 'Later note.', visibility: 'internal' });

    expect(await withdrawPendingMutation(a.db, change)).toBe('withdrawn');
    expect(await a.db.tickets.get(t.id)).toMatchObject({ escalationLevel: 0 });
    expect(await a.db.tickets.get(other.id)).toMatchObject({ escalationLevel: 1 });
    expect((await a.db.outbox.orderBy('id').toArray()).map((e) => [e.id, e.name])).toEqual([
      [byHand.id, 'ticket.recordEscalation@1'],
      [byHand.id + 1, 'timeline.addNote@1'],
    ]);
    expect(await a.db.meta.get('mutationCounter')).toMatchObject({ value: byHand.id + 1 });
    // Taken back twice is refused; the offer held for the later change still finds it under its new number.
    expect(await withdrawPendingMutation(a.db, change)).toBe('superseded');
    expect(currentPendingId(autoRef)).toBe(byHand.id);

    expect(await a.sync.syncNow()).toMatchObject({ state: 'idle', pending: 0 });
    await b.sync.syncNow();
    expect(await b.db.tickets.get(t.id)).toMatchObject({ escalationLevel: 0 });
    expect(await b.db.tickets.get(other.id)).toMatchObject({ escalationLevel: 1 });
    const kinds = (await b.db.timeline.where('ticketId').equals(t.id).toArray()).map((e) => e.kind).sort();
    expect(kinds).toEqual(['created', 'note']);
    // The device's own copy carries the ids the server minted.
    expect((await a.db.timeline.where('ticketId').equals(t.id).toArray()).map((e) => e.id).sort()).toEqual((await b.db.timeline.where('ticketId').equals(t.id).toArray()).map((e) => e.id).sort());
  });

  it('an undo after the escalation synced records a correction on the timeline instead of rewriting it', async () => {
    const a = await makeClient(env.server, await addUser(env.db, 't-withdraw-correct'));
    const t = newTicket();
    await runMutation(a.db, 'ticket.create@1', { ticket: t });
    const sent = await runMutation(a.db, 'ticket.recordEscalation@1', { ticketId: t.id, ...escalate });
    expect(await undoEscalation(a.db, mutateOn(a.db), { change: sent.id, ticketId: t.id }, 'Escalated by mistake.')).toBe('withdrawn');
    const again = await runMutation(a.db, 'ticket.recordEscalation@1', { ticketId: t.id, ...escalate });
    await a.sync.syncNow();
    expect(await undoEscalation(a.db, mutateOn(a.db), { change: again.id, ticketId: t.id }, 'Escalated by mistake.')).toBe('corrected');
    const events = await a.db.timeline.where('ticketId').equals(t.id).toArray();
    expect(events.filter((e) => e.kind === 'escalated')).toHaveLength(1);
    expect(events.some((e) => e.kind === 'note' && e.text === 'Escalated by mistake.')).toBe(true);
  });
});
