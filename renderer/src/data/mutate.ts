import { isDemoTicketId } from '../../../shared/demo';
import { prepareMutation, toStorable, type BaseVersions } from '../../../shared/sync';
import type { Refusal } from '../../../shared/ticket/command';
import { syncScope, type ServiceDeskDb, type OutboxEntry } from './db';
import { applyLocally, getActorInTx, loadTouched, type Actor } from './local-apply';

/** Thrown before anything is written when a mutation's name or args are invalid. */
export class MutationInputError extends Error {
  constructor(
    message: string,
    readonly code: 'unknown_mutation' | 'invalid_args',
  ) {
    super(message);
    this.name = 'MutationInputError';
  }
}

/** A fresh random client id (hex). */
export function randomClientId(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** This device's client id, minted once. */
export async function getClientId(db: ServiceDeskDb): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const row = await db.meta.get('clientId');
    if (typeof row?.value === 'string') return row.value;
    const id = randomClientId();
    await db.meta.put({ key: 'clientId', value: id });
    return id;
  });
}

/** Records who is logged in (from the login answer); mutations are made in their name. */
export async function setActor(db: ServiceDeskDb, actor: Actor | undefined): Promise<void> {
  if (actor) await db.meta.put({ key: 'actor', value: actor });
  else await db.meta.delete('actor');
}

export async function getActor(db: ServiceDeskDb): Promise<Actor> {
  return getActorInTx(db);
}

export type RunMutationResult = { id: number; outcome: 'applied' | 'conflict'; message?: string; refusal?: Refusal };

/**
 * `draftKey`: the draft this change was typed in. It is removed in the same transaction that
 * applies the change, so after a crash either both happened or neither: a saved form never comes
 * back as a draft, and an unsaved one is never lost. A refused change keeps the draft.
 */
export type RunMutationOptions = { now?: number; draftKey?: string };

/**
 * Runs a named mutation (e.g. 'ticket.update@1'): validates args, applies the shared mutator to
 * the local store and appends the outbox entry, all in one transaction. The UI sees the change at
 * once through its live queries; the sync client pushes it later.
 */
export async function runMutation(db: ServiceDeskDb, name: string, args: unknown, opts: RunMutationOptions = {}): Promise<RunMutationResult> {
  // The device stores the text exactly as the server will (no U+0000, no lone surrogate), so the
  // change can always be stored there and both sides end up with the same text.
  const prepared = prepareMutation(name, toStorable(args));
  if (!prepared.ok) throw new MutationInputError(prepared.message, prepared.code);
  const m = prepared.mutation;
  return db.transaction('rw', opts.draftKey === undefined ? syncScope(db) : [...syncScope(db), db.drafts], async () => {
    // Read inside the transaction: a backup import may adopt another device's client id between
    // a mutation starting and writing, and its outbox entry must carry the id in force when written.
    const clientId = await getClientId(db);
    const actor = await getActorInTx(db);
    const counter = await db.meta.get('mutationCounter');
    const id = (typeof counter?.value === 'number' ? counter.value : 0) + 1;
    const now = opts.now ?? Date.now();
    const { read, fvs, tables } = await loadTouched(db, m);
    // Demo tickets exist only on the device that seeded them; once removed (sign-in) a change to
    // one (e.g. an automatic escalation planned a moment earlier) has nowhere to go: queue nothing.
    const goneDemo = m.touches.find((t) => t.table === 'tickets' && isDemoTicketId(t.id) && !read('tickets', t.id));
    if (goneDemo) throw new MutationInputError(`${name}: ticket ${goneDemo.id} is demo data that is no longer on this device`, 'invalid_args');
    const baseVersions: BaseVersions = {};
    for (const [key, fv] of fvs) baseVersions[key] = Object.fromEntries(Object.entries(fv).map(([f, v]) => [f, v.v]));
    const result = m.run(read, { ...actor, now, clientId, mutationId: id, baseVersions }, tables);
    await applyLocally(db, result);
    if (opts.draftKey !== undefined && result.outcome === 'applied') await db.drafts.delete(opts.draftKey);
    const entry: OutboxEntry = { clientId, id, name: m.name, args: m.args, baseVersions, clientTime: now };
    await db.outbox.add(entry);
    await db.meta.put({ key: 'mutationCounter', value: id });
    return { id, outcome: result.outcome, ...(result.message ? { message: result.message } : {}), ...(result.refusal ? { refusal: result.refusal } : {}) };
  });
}
