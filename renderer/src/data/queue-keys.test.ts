import { afterEach, describe, expect, it } from 'vitest';
import { HOUR, MON_0900, makeTicket, testCalendars, testPolicy } from '../../../shared/sla/clocks-fixtures.test-support';
import type { Ticket } from '../../../shared/ticket';
import { openDb, type ServiceDeskDb } from './db';
import { CLOSED, NO_DUE, ticketIndex } from './queue-keys';
import { installQueueKeys } from './queue-keys-middleware';

const policy = testPolicy();
const config = { policies: new Map([[policy.id, policy]]), calendars: testCalendars };
const ticket = (id: string, policyId: string, status: Ticket['status'] = 'in_progress'): Ticket => makeTicket({ id, policyId, status });

describe('queue keys in the store (real Dexie)', () => {
  let db: ServiceDeskDb | undefined;
  afterEach(async () => {
    await db?.delete();
    db = undefined;
  });

  it('every index the screens read by name exists in the store schema', async () => {
    db = openDb(`queue-keys-${Math.random()}`);
    await db.open();
    const declared = new Set(db.tickets.schema.indexes.map((i) => i.name));
    for (const name of Object.values(ticketIndex)) expect(declared, name).toContain(name);
  });

  it('sorts a ticket by its nearest target, a ticket without a loaded policy after every deadline, and a closed one after all', async () => {
    const d = openDb(`queue-keys-${Math.random()}`);
    db = d;
    installQueueKeys(d, () => config, () => MON_0900 + HOUR);
    await d.tickets.bulkPut([ticket('SD-1', 'test'), ticket('SD-2', 'no-such-policy'), ticket('SD-3', 'test', 'closed')]);
    const order = await d.tickets.orderBy(ticketIndex.dueAt).primaryKeys();
    expect(order).toEqual(['SD-1', 'SD-2', 'SD-3']);
    const due = (id: string) => d.tickets.get(id).then((t) => (t as Ticket & { dueAt: number }).dueAt);
    // Severity 1: the first customer update is due 10 elapsed minutes after creation, before any other target.
    expect(await due('SD-1')).toBe(MON_0900 + HOUR / 6);
    expect(await due('SD-2')).toBe(NO_DUE);
    expect(await due('SD-3')).toBe(CLOSED);
  });
});
