import { afterEach, describe, expect, it } from 'vitest';
import { demoCustomers, demoEngineers, generateDemoData } from '../../../shared/demo';
import { policySchema } from '../../../shared/policy';
import type { Draft } from '../../../shared/drafts';
import { openDb, type ServiceDeskDb } from './db';
import { MutationInputError, runMutation, setActor } from './mutate';
import { deleteDraft, LEGACY_INTAKE_DRAFT_KEY, loadDraft, migrateLegacyIntakeDraft, saveDraft, trackDraftWrite } from './drafts';
import policyPreset from '../../../resources/presets/policies/business-hours-3-severity.json';

const NOW = Date.UTC(2026, 2, 10, 7, 0);
const policy = policySchema.parse(policyPreset);
const opened: ServiceDeskDb[] = [];
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

async function store(): Promise<{ db: ServiceDeskDb; ticketId: string }> {
  const db = openDb(`drafts-${opened.length}-${Date.now()}`);
  opened.push(db);
  const policies = new Map(demoCustomers.map((c) => [c.policyId, { ...policy, id: c.policyId }]));
  const demo = generateDemoData({ tickets: 2, now: NOW, policies });
  await db.customers.bulkPut(demoCustomers);
  await db.engineers.bulkPut(demoEngineers);
  await db.tickets.bulkPut(demo.tickets);
  await setActor(db, { userId: 'eng-alex', role: 'agent', region: 'north-america' });
  return { db, ticketId: demo.tickets[0]!.id };
}

const noteDraft = (ticketId: string, text: string): Draft => ({ key: `note:${ticketId}`, kind: 'note', values: { text, visibility: 'internal' }, savedAt: NOW });

class StoreBroke extends Error {}

describe('drafts in the local store', () => {
  it('keeps a draft and reads it back with every field', async () => {
    const { db, ticketId } = await store();
    await saveDraft(db, noteDraft(ticketId, 'Called the customer'));
    expect(await loadDraft(db, `note:${ticketId}`)).toEqual(noteDraft(ticketId, 'Called the customer'));
    await deleteDraft(db, `note:${ticketId}`);
    expect(await loadDraft(db, `note:${ticketId}`)).toBeUndefined();
  });

  it('a form opened again right after leaving reads the keystrokes the left form was still writing', async () => {
    const { db, ticketId } = await store();
    const key = `note:${ticketId}`;
    await saveDraft(db, noteDraft(ticketId, 'Called'));
    // The left form's last write takes several transactions (e.g. minting the ticket id first).
    const slow = (async () => {
      await new Promise((r) => setTimeout(r, 60));
      await saveDraft(db, noteDraft(ticketId, 'Called the customer'));
    })();
    void trackDraftWrite(key, slow);
    expect((await loadDraft(db, key))?.values.text).toBe('Called the customer');
    // A removal in flight is waited for the same way: the form opens empty, not with the old text.
    void trackDraftWrite(key, new Promise((r) => setTimeout(r, 30)).then(() => deleteDraft(db, key)));
    expect(await loadDraft(db, key)).toBeUndefined();
  });

  it('refuses a malformed draft and writes nothing', async () => {
    const { db } = await store();
    await expect(saveDraft(db, { key: '', kind: 'note', values: {}, savedAt: NOW })).rejects.toThrow();
    await expect(saveDraft(db, { key: 'x', kind: 'shopping' as Draft['kind'], values: {}, savedAt: NOW })).rejects.toThrow();
    expect(await db.drafts.count()).toBe(0);
  });

  it('removes the draft in the same transaction that saves the note typed in it', async () => {
    const { db, ticketId } = await store();
    await saveDraft(db, noteDraft(ticketId, 'Swapped the fan'));
    await runMutation(db, 'timeline.addNote@1', { ticketId, visibility: 'internal', text: 'Swapped the fan' }, { draftKey: `note:${ticketId}` });
    expect(await db.drafts.count()).toBe(0);
    const notes = (await db.timeline.where('ticketId').equals(ticketId).toArray()).filter((e) => e.kind === 'note');
    expect(notes.map((n) => (n as { text?: string }).text)).toContain('Swapped the fan');
    expect((await db.outbox.toArray()).map((e) => e.name)).toEqual(['timeline.addNote@1']);
  });

  it('keeps the draft when the save fails part-way: neither the note nor its queued change is written', async () => {
    const { db, ticketId } = await store();
    await saveDraft(db, noteDraft(ticketId, 'Replaced the disk'));
    const timelineBefore = await db.timeline.count();
    // The store fails when queuing the change for sync, after the note was written and the draft removed in the same transaction.
    db.outbox.hook('creating', () => {
      throw new StoreBroke('disk full');
    });
    await expect(runMutation(db, 'timeline.addNote@1', { ticketId, visibility: 'internal', text: 'Replaced the disk' }, { draftKey: `note:${ticketId}` })).rejects.toThrow('disk full');
    expect(await loadDraft(db, `note:${ticketId}`)).toEqual(noteDraft(ticketId, 'Replaced the disk'));
    expect(await db.timeline.count()).toBe(timelineBefore);
    expect(await db.outbox.count()).toBe(0);
  });

  it('keeps the draft when the change is refused or invalid', async () => {
    const { db, ticketId } = await store();
    await saveDraft(db, noteDraft(ticketId, ''));
    await expect(runMutation(db, 'timeline.addNote@1', { ticketId, visibility: 'internal', text: '' }, { draftKey: `note:${ticketId}` })).rejects.toBeInstanceOf(MutationInputError);
    const existing = (await db.tickets.get(ticketId))!;
    const intake: Draft = { key: 'intake', kind: 'intake', values: { title: existing.title }, savedAt: NOW, createsId: ticketId };
    await saveDraft(db, intake);
    // Creating a ticket whose id is taken is refused (recorded as a conflict): the typed form stays.
    const r = await runMutation(db, 'ticket.create@1', { ticket: existing }, { draftKey: 'intake' });
    expect(r.outcome).toBe('conflict');
    expect(await loadDraft(db, 'intake')).toEqual(intake);
    expect(await loadDraft(db, `note:${ticketId}`)).toBeDefined();
  });
});

describe('moving the new-ticket draft out of localStorage', () => {
  const storage = (value: string | null) => {
    const items = new Map<string, string>(value === null ? [] : [[LEGACY_INTAKE_DRAFT_KEY, value]]);
    return { getItem: (k: string) => items.get(k) ?? null, removeItem: (k: string) => void items.delete(k), items };
  };

  it('moves it once, text fields only, and removes the old entry', async () => {
    const { db } = await store();
    const s = storage(JSON.stringify({ title: 'Printer on fire', customerId: 'cust-1', severity: 'S2', attachments: [1, 2] }));
    await migrateLegacyIntakeDraft(db, s, NOW);
    expect(await loadDraft(db, 'intake')).toEqual({ key: 'intake', kind: 'intake', values: { title: 'Printer on fire', customerId: 'cust-1', severity: 'S2' }, savedAt: NOW });
    expect(s.items.size).toBe(0);
    await migrateLegacyIntakeDraft(db, s, NOW + 1);
    expect((await loadDraft(db, 'intake'))?.savedAt).toBe(NOW);
  });

  it('never overwrites a draft already in the store, and drops unreadable or empty old entries', async () => {
    const { db } = await store();
    const kept: Draft = { key: 'intake', kind: 'intake', values: { title: 'Newer' }, savedAt: NOW };
    await saveDraft(db, kept);
    await migrateLegacyIntakeDraft(db, storage(JSON.stringify({ title: 'Older' })), NOW);
    expect(await loadDraft(db, 'intake')).toEqual(kept);
    await deleteDraft(db, 'intake');
    for (const raw of ['{not json', JSON.stringify({ title: '' }), 'null']) {
      const s = storage(raw);
      await migrateLegacyIntakeDraft(db, s, NOW);
      expect(s.items.size).toBe(0);
    }
    expect(await db.drafts.count()).toBe(0);
  });
});
