import { afterEach, describe, expect, it } from 'vitest';
import { demoCustomers, demoEngineers, generateDemoData } from '../../../../shared/demo';
import { policySchema } from '../../../../shared/policy';
import { ticketSchema, type Ticket } from '../../../../shared/ticket';
import type { Mutate } from '../../app/mutations';
import { loadDraft, openDb, runMutation, saveDraft, setActor, MutationInputError, type ServiceDeskDb } from '../../data';
import { createTicketOnce } from './create-once';
import policyPreset from '../../../../resources/presets/policies/business-hours-3-severity.json';

const NOW = Date.UTC(2026, 2, 10, 7, 0);
const policy = policySchema.parse(policyPreset);
const opened: ServiceDeskDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/** A store with a customer, an engineer and a new ticket as the intake form would build it (not yet saved). */
async function setup(): Promise<{ db: ServiceDeskDb; mutate: Mutate; ticket: Ticket }> {
  const db = openDb(`create-once-${opened.length}-${Date.now()}`);
  opened.push(db);
  const policies = new Map(demoCustomers.map((c) => [c.policyId, { ...policy, id: c.policyId }]));
  const demo = generateDemoData({ tickets: 1, now: NOW, policies });
  await db.customers.bulkPut(demoCustomers);
  await db.engineers.bulkPut(demoEngineers);
  await setActor(db, { userId: 'eng-alex', role: 'agent', region: 'north-america' });
  const ticket = ticketSchema.parse({ ...demo.tickets[0]!, id: 'SD-ABC123-0001', title: 'Printer on fire' });
  // The same adapter the app uses: the real local mutation, refusals as outcomes.
  const mutate: Mutate = async (name, args, opts) => {
    try {
      return await runMutation(db, name, args, opts);
    } catch (e) {
      if (e instanceof MutationInputError) return { outcome: 'rejected', message: e.message };
      throw e;
    }
  };
  await saveDraft(db, { key: 'intake', kind: 'intake', values: { title: 'Printer on fire' }, savedAt: NOW, createsId: ticket.id });
  return { db, mutate, ticket };
}

describe('creating a ticket from a new-ticket draft', () => {
  it('creates it once, removing the draft with the create; saving the same draft again finds the ticket and queues nothing more', async () => {
    const { db, mutate, ticket } = await setup();
    expect(await createTicketOnce(db, mutate, ticket, 'intake')).toEqual({ kind: 'created' });
    expect(await loadDraft(db, 'intake')).toBeUndefined();

    // A restored copy of the draft (e.g. another window still showing it) is saved again.
    await saveDraft(db, { key: 'intake', kind: 'intake', values: { title: 'Printer on fire' }, savedAt: NOW, createsId: ticket.id });
    expect(await createTicketOnce(db, mutate, ticket, 'intake')).toEqual({ kind: 'existing' });
    expect(await loadDraft(db, 'intake')).toBeUndefined();
    expect((await db.outbox.toArray()).map((e) => e.name)).toEqual(['ticket.create@1']);
    expect((await db.tickets.get(ticket.id))?.title).toBe('Printer on fire');
  });

  it('a refused create keeps the draft and says why', async () => {
    const { db, mutate, ticket } = await setup();
    const broken = { ...ticket, title: '' };
    const r = await createTicketOnce(db, mutate, broken, 'intake');
    expect(r.kind).toBe('refused');
    expect(r.kind === 'refused' && r.message).toMatch(/title/i);
    expect(await loadDraft(db, 'intake')).toBeDefined();
    expect(await db.outbox.count()).toBe(0);
    expect(await db.tickets.get(ticket.id)).toBeUndefined();
  });
});
