import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type ServiceDeskDb } from '../../data';
import { buildConfig } from '../../config/config-store';
import { presetCalendars, presetPolicies } from '../../config/presets';
import { demoCustomerDirectory, generateDemoData } from '../../../../shared/demo';
import type { Customer } from '../../../../shared/directory';
import type { TimelineEvent } from '../../../../shared/ticket';
import { installQueueKeys } from '../../data';
import { searchTokens } from '../../data';
import { searchTickets, SEARCH_LIMIT, type Found } from './search-tickets';

const NOW = Date.UTC(2026, 2, 3, 9, 0);
const config = buildConfig(presetPolicies, presetCalendars, 1);

let db: ServiceDeskDb;
let tickets: Found[];
let notes: TimelineEvent[];
let customers: readonly Customer[];

beforeAll(async () => {
  db = openDb('search-tickets-test');
  installQueueKeys(db, () => config, () => NOW);
  customers = demoCustomerDirectory(40);
  const data = generateDemoData({ tickets: 3000, now: NOW, policies: config.policies, histories: true, customers });
  await db.customers.bulkPut([...customers]);
  await db.tickets.bulkPut(data.tickets);
  // A note naming a word no ticket field has, on a ticket of its own.
  const extra: TimelineEvent = { id: 'ev-search-note', ticketId: data.tickets[1234]?.id ?? '', at: NOW, by: 'eng-alex', kind: 'note', visibility: 'internal', text: 'Replaced the flux capacitor on rack 7' };
  await db.timeline.bulkPut([...data.timeline, extra]);
  tickets = (await db.tickets.toArray()) as Found[];
  notes = (await db.timeline.toArray()).filter((e) => e.kind === 'note');
}, 60_000);
afterAll(async () => {
  await db.delete();
});

/** The same search by brute force over every row: word prefixes in the ticket's words, its customer's name or (the longest word) a note. */
function expected(text: string): string[] {
  const [first = '', ...rest] = searchTokens(text).sort((a, b) => b.length - a.length);
  const has = (words: readonly string[] | undefined, w: string) => (words ?? []).some((q) => q.startsWith(w));
  const names = new Map(customers.map((c) => [c.id, searchTokens(c.name)]));
  const inNotes = new Set(notes.filter((e) => e.kind === 'note' && has(searchTokens(e.text), first)).map((e) => e.ticketId));
  const own = (t: Found, w: string) => has(t.qWords, w) || has(names.get(t.customerId), w);
  return tickets
    .filter((t) => own(t, first) || inNotes.has(t.id))
    .filter((t) => rest.every((w) => own(t, w)))
    .sort((a, b) => (a.dueAt ?? 0) - (b.dueAt ?? 0) || (a.id < b.id ? -1 : 1))
    .map((t) => t.id);
}

describe('searchTickets over real Dexie (3,000 generated tickets with histories)', () => {
  it('finds by id, title word, customer name and note text, nearest deadline first, each ticket once', async () => {
    const some = tickets[42] as Found;
    const customer = customers.find((c) => c.id === tickets[100]?.customerId) as Customer;
    const titleWord = (some.title.toLowerCase().match(/\p{L}{5,}/u) ?? [''])[0];
    for (const text of [some.id, titleWord, titleWord.slice(0, 3), customer.name, customer.name.split(' ')[0] ?? '', `${customer.name} ${titleWord}`, 'flux', `${titleWord} ${some.id}`]) {
      const want = expected(text);
      expect(want.length, text).toBeGreaterThan(0);
      const got = (await searchTickets(db, text)).map((t) => t.id);
      if (want.length <= SEARCH_LIMIT) expect(got, text).toEqual(want);
      else {
        // More than the limit: that many of them, in deadline order (each source reads at most the limit).
        expect(got, text).toHaveLength(SEARCH_LIMIT);
        const rank = new Map(want.map((id, i) => [id, i]));
        const ranks = got.map((id) => rank.get(id) ?? -1);
        expect(ranks.every((r, i) => r >= 0 && (i === 0 || r > (ranks[i - 1] ?? 0))), text).toBe(true);
      }
    }
  });

  it('finds nothing for words no ticket, customer or note has, and nothing for blank text', async () => {
    expect(await searchTickets(db, 'zzqxv')).toEqual([]);
    expect(await searchTickets(db, '   ')).toEqual([]);
  });
});
