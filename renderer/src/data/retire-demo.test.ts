import { afterEach, describe, expect, it } from 'vitest';
import { demoCustomers, demoEngineers, demoWarehouseParts, generateDemoData } from '../../../shared/demo';
import { policySchema } from '../../../shared/policy';
import { ticketSchema, type Ticket } from '../../../shared/ticket';
import { openDb, type ServiceDeskDb } from './db';
import { runMutation, setActor } from './mutate';
import { retireDemoData } from './retire-demo';
import policyPreset from '../../../resources/presets/policies/business-hours-3-severity.json';

const NOW = Date.UTC(2026, 2, 10, 7, 0);
const policy = policySchema.parse(policyPreset);
const opened: ServiceDeskDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/** A first-run profile with demo data, worked on before ever signing in. */
async function demoProfile(): Promise<{ db: ServiceDeskDb; demo: Ticket[] }> {
  const db = openDb(`retire-demo-${opened.length}-${Date.now()}`);
  opened.push(db);
  const policies = new Map(demoCustomers.map((c) => [c.policyId, { ...policy, id: c.policyId }]));
  const demo = generateDemoData({ tickets: 4, now: NOW, policies });
  await db.customers.bulkPut(demoCustomers);
  await db.engineers.bulkPut(demoEngineers);
  await db.warehouse.bulkPut(demoWarehouseParts.map((p) => ({ ...p })));
  await db.tickets.bulkPut(demo.tickets);
  await db.timeline.bulkPut(demo.timeline);
  await setActor(db, { userId: 'eng-alex', role: 'agent', region: 'north-america' });
  return { db, demo: demo.tickets };
}

describe('retiring the demo data at the first sign-in', () => {
  it('removes the demo tickets and the changes made to them, and keeps the user’s own ticket, note and pending changes', async () => {
    const { db, demo } = await demoProfile();
    const demoTicket = demo[0]!;
    await runMutation(db, 'timeline.addNote@1', { ticketId: demoTicket.id, text: 'tried the demo', visibility: 'internal' });
    const mine = ticketSchema.parse({ ...demoTicket, id: 'SD-MINE01-0001', title: 'Printer on fire', customerId: demoCustomers[1]!.id, ownerId: demoEngineers[0]!.id });
    await runMutation(db, 'ticket.create@1', { ticket: mine });
    await runMutation(db, 'timeline.addNote@1', { ticketId: mine.id, text: 'called the customer', visibility: 'internal' });
    expect(await db.outbox.count()).toBe(3);

    expect(await retireDemoData(db)).toEqual({ tickets: demo.length, pendingChanges: 1 });
    expect(await db.tickets.toCollection().primaryKeys()).toEqual([mine.id]);
    expect(new Set((await db.timeline.toArray()).map((e) => e.ticketId))).toEqual(new Set([mine.id]));
    expect((await db.timeline.toArray()).some((e) => e.kind === 'note')).toBe(true);
    expect((await db.outbox.toArray()).map((e) => e.name)).toEqual(['ticket.create@1', 'timeline.addNote@1']);
    // The customer list and the owner of the user's own ticket stay; other demo engineers and the demo stock go.
    expect(await db.customers.count()).toBe(demoCustomers.length);
    expect(await db.engineers.toCollection().primaryKeys()).toEqual([demoEngineers[0]!.id]);
    expect(await db.warehouse.count()).toBe(0);

    // An automatic escalation planned a moment before the removal has nowhere to go: nothing is queued.
    await expect(runMutation(db, 'timeline.addNote@1', { ticketId: demoTicket.id, visibility: 'internal', text: 'late' })).rejects.toThrow(/demo data that is no longer on this device/);
    expect(await db.outbox.count()).toBe(2);
    expect(await db.conflicts.count()).toBe(0);
  });

  it('does nothing on a store without demo tickets', async () => {
    const { db } = await demoProfile();
    await db.tickets.clear();
    const before = await db.customers.count();
    expect(await retireDemoData(db)).toEqual({ tickets: 0, pendingChanges: 0 });
    expect(await db.customers.count()).toBe(before);
  });
});
