import {
  isTicketInScope, isVisitInScope, prepareMutation, wasReassignedFrom, showValue, storableText, toStorable,
  type ConflictRecord, type EntityReader, type MutationCtx, type MutationEnvelope, type MutationResult, type MutationResultBody, type PushResponse, type SyncTable,
} from '../shared/sync';
import type { AuthUser } from './auth';
import { bookingsToReview, clashOutcome, reviewBooking } from './bookings';
import { prepared } from './db/prepared';
import type { BriefTx, Db, Queryable } from './db/types';
import { ClientIdNotYours, isTransientDbError } from './client-binding';
import { BatchState, writeRows } from './push-rows';
import { removeAttachmentArgs } from '../shared/sync/mutations/attachment-remove';
import { releaseUnreferencedBlobs } from './attachments/store';
import { queueOutboundMail, type QueuedMail } from './mail/outbound-queue';

export { POKE_CHANNEL } from './push-rows';

// One round trip: lock the client row and load (and lock) what the batch touches. The client row
// is locked, not upserted: an upsert writes a new row version on every push (and fires the foreign
// key checks again later in the transaction); a device's first push inserts it once (see below).
// The entities are joined through their primary key, so the cost does not grow with the tenant.
const CLIENT_AND_LOAD_SQL = prepared(`
WITH c AS (SELECT last_mutation_id, user_id FROM clients WHERE tenant_id = $1 AND client_id = $2 FOR UPDATE)
SELECT (SELECT last_mutation_id FROM c) AS last, (SELECT user_id FROM c) AS owner, e.tbl, e.id, e.data, e.fv, e.deleted
FROM (SELECT 1) AS one LEFT JOIN LATERAL (
  SELECT x.tbl, x.id, x.data, x.fv, x.deleted FROM unnest($3::text[], $4::text[]) AS u(tbl, id)
  JOIN entities x ON x.tenant_id = $1 AND x.tbl = u.tbl AND x.id = u.id FOR UPDATE OF x) AS e ON true`);

const REGISTER_CLIENT_SQL = prepared(`INSERT INTO clients (tenant_id, client_id, user_id) VALUES ($1, $2, $3) ON CONFLICT (tenant_id, client_id) DO NOTHING`);

const LOAD_SQL = prepared(`
SELECT x.tbl, x.id, x.data, x.fv, x.deleted FROM unnest($2::text[], $3::text[]) AS u(tbl, id)
JOIN entities x ON x.tenant_id = $1 AND x.tbl = u.tbl AND x.id = u.id FOR UPDATE OF x`);

// Small configuration tables a rule reads whole (the product catalogue). Not locked: locking every
// catalogue row would make every ticket creation of the tenant wait for every other one.
const TABLES_SQL = prepared(`SELECT tbl, id, data, fv, deleted FROM entities WHERE tenant_id = $1 AND tbl = ANY($2::text[]) AND NOT deleted`);

type LoadedRow = { tbl: string | null; id: string | null; data: Record<string, unknown> | null; fv: Record<string, { v: number; c: string }>; deleted: boolean | null };
type Touch = { table: SyncTable; id: string };

function remember(state: BatchState, touches: Touch[], rows: LoadedRow[]): void {
  for (const t of touches) if (!state.has(t.table, t.id)) state.loaded.set(`${t.table}/${t.id}`, null);
  for (const r of rows) if (r.tbl && r.id && r.data && !r.deleted) state.loaded.set(`${r.tbl}/${r.id}`, { data: r.data, fv: r.fv });
}

async function lockClientAndLoad(tx: Queryable, user: AuthUser, clientId: string, touches: Touch[], state: BatchState): Promise<number> {
  const load = () => tx.query<LoadedRow & { last: string | number | null; owner: string | null }>(CLIENT_AND_LOAD_SQL, [user.tenantId, clientId, touches.map((t) => t.table), touches.map((t) => t.id)]);
  let rows = await load();
  if (rows[0]?.owner == null) {
    // The device's first push: register the client id to this user, then lock it like any other
    // (a concurrent first push of the same id waits here and then sees the registered row).
    await tx.query(REGISTER_CLIENT_SQL, [user.tenantId, clientId, user.id]);
    rows = await load();
  }
  // A client id belongs to the user who first pushed under it: anyone else would take over its
  // numbering and the owner's next changes would be answered "skipped" (lost).
  if (rows[0]?.owner !== user.id) throw new ClientIdNotYours(clientId);
  remember(state, touches, rows);
  return Number(rows[0]?.last ?? 0);
}

async function loadMore(tx: Queryable, tenantId: string, touches: Touch[], state: BatchState): Promise<void> {
  const missing = touches.filter((t) => !state.has(t.table, t.id));
  if (missing.length === 0) return;
  remember(state, missing, await tx.query<LoadedRow>(LOAD_SQL, [tenantId, missing.map((t) => t.table), missing.map((t) => t.id)]));
}

/** Loads the whole tables the batch's mutations read (once per batch); rows already loaded keep their locked copy. */
async function loadTables(tx: Queryable, tenantId: string, tables: SyncTable[], state: BatchState): Promise<void> {
  const wanted = [...new Set(tables)].filter((t) => !state.wholeTables.has(t));
  if (wanted.length === 0) return;
  const rows = await tx.query<LoadedRow>(TABLES_SQL, [tenantId, wanted]);
  for (const r of rows) if (r.tbl && r.id && r.data && !state.has(r.tbl as SyncTable, r.id)) state.loaded.set(`${r.tbl}/${r.id}`, { data: r.data, fv: r.fv });
  for (const t of wanted) state.wholeTables.add(t);
}

/** Field engineers act only on tickets and visits in their scope (region, ownership, visits assigned to them). */
function scopeRefusal(user: AuthUser, read: EntityReader, touches: Touch[], body: MutationResultBody): string | undefined {
  if (user.role !== 'field_engineer') return undefined;
  const su = { id: user.id, role: user.role, region: user.region };
  const mineVia = new Set<string>();
  for (const t of touches) {
    const v = t.table === 'visits' ? read('visits', t.id)?.data : undefined;
    if (!v) continue;
    // The engineer a visit was taken from while they worked on it offline may still record that work
    // (the mutator then keeps the visit with them and opens a conflict for the dispatcher).
    const reclaims = wasReassignedFrom(v as { history?: Array<{ action: string; detail: string }> }, user.id) && body.writes.some((w) => w.table === 'visits' && w.id === t.id && w.data.engineerId === user.id);
    if (!reclaims && !isVisitInScope({ engineerId: v.engineerId as string | undefined, region: v.region as string | undefined }, su)) return 'this visit is neither assigned to you nor in your region';
    if ((v.engineerId === user.id || reclaims) && typeof v.ticketId === 'string') mineVia.add(v.ticketId);
  }
  const asTicket = (d: Record<string, unknown>) => ({ region: String(d.region ?? ''), ownerId: typeof d.ownerId === 'string' ? d.ownerId : undefined });
  for (const t of touches) {
    const d = t.table === 'tickets' ? read('tickets', t.id)?.data : undefined;
    if (d && !isTicketInScope(asTicket(d), su, mineVia.has(t.id))) return 'this ticket is outside your region and assignments';
  }
  for (const w of body.writes) if (w.table === 'tickets' && !isTicketInScope(asTicket(w.data), su, mineVia.has(w.id))) return 'this ticket would be outside your region and assignments';
  return undefined;
}

// What the user sent, kept on the refusal record so nothing they typed is lost (bounded: the record syncs to their devices).
const MAX_KEPT_CHARS = 50_000;

function refusalBody(user: AuthUser, clientId: string, m: MutationEnvelope, reason: string, now: number, ticketId = ''): MutationResultBody {
  const mine = showValue(m.args).slice(0, MAX_KEPT_CHARS);
  const c: ConflictRecord = { id: `${clientId}:${m.id}:_mutation`, ticketId, mutation: m.name, field: '_mutation', base: '', mine: storableText(mine), theirs: '', userId: user.id, clientId, mutationId: m.id, reason, status: 'open', createdAt: now };
  return { outcome: 'conflict', writes: [], events: [], conflicts: [c], message: reason };
}

type Ran<T> = { ok: true; value: T } | { ok: false; message: string };
function ranSafely<T>(fn: () => T): Ran<T> {
  try {
    return { ok: true, value: fn() };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}

function ticketOfArgs(m: MutationEnvelope): string {
  const a = m.args as { ticketId?: unknown; ticket?: { id?: unknown } } | null;
  if (typeof a?.ticketId === 'string') return a.ticketId;
  return typeof a?.ticket?.id === 'string' ? a.ticket.id : '';
}

/** `freedBytes`: hashes whose stored bytes the batch dropped (their files go after the commit). */
type BatchOutcome = { results: MutationResult[]; last: number; wrote: boolean; gapAt?: number; freedBytes?: string[] };

/**
 * Applies a client's mutations in one transaction: one query locks the client and loads what
 * they touch, mutators run in order over that state in memory, one statement writes everything.
 * `careful` (one mutation at a time) writes a booking confirmation under a savepoint, so a clash
 * the database finds (exclusion constraint) becomes a conflict instead of an error.
 */
async function applyBatch(tx: BriefTx, user: AuthUser, clientId: string, ms: MutationEnvelope[], now: () => number, careful: boolean, rejectWith?: string): Promise<BatchOutcome> {
  const state = new BatchState(clientId);
  // `rejectWith`: this mutation could not be stored (see push); record it as refused, with its args.
  const parsed = ms.map((m) => (rejectWith === undefined ? prepareMutation(m.name, m.args) : ({ ok: false, code: 'invalid_args', message: rejectWith } as const)));
  const touches = parsed.flatMap((p) => (p.ok ? p.mutation.touches : []));
  const last = await lockClientAndLoad(tx, user, clientId, touches, state);
  const results: MutationResult[] = [];
  const deferred: Array<{ visit: ReturnType<typeof bookingsToReview>[number]; ctx: MutationCtx; result: MutationResult }> = [];
  const restamp = new Set<string>();
  const mails: QueuedMail[] = [];
  const freed: string[] = [];
  let expected = last + 1;
  let gapAt: number | undefined;
  let wrote = false;
  for (const [i, m] of ms.entries()) {
    const p = parsed[i];
    if (!p || m.id < expected) {
      results.push({ id: m.id, status: 'skipped' });
      continue;
    }
    if (m.id > expected) {
      gapAt = m.id;
      break;
    }
    state.seq++;
    const t = now();
    const ctx: MutationCtx = { userId: user.id, role: user.role, region: user.region, now: t, clientId, mutationId: m.id, baseVersions: m.baseVersions };
    let body: MutationResultBody;
    let status: MutationResult['status'];
    if (!p.ok) {
      body = refusalBody(user, clientId, m, p.message, t, ticketOfArgs(m));
      status = 'rejected';
    } else {
      const more = ranSafely(() => p.mutation.alsoTouches(state.read));
      if (more.ok) await loadMore(tx, user.tenantId, more.value, state);
      if (more.ok) await loadTables(tx, user.tenantId, p.mutation.readsTables, state);
      const ran = more.ok ? ranSafely(() => p.mutation.run(state.read, ctx, state.rowsOf)) : more;
      if (!ran.ok || !more.ok) {
        // A mutator that throws is this mutation's problem, not the batch's: refuse it alone.
        body = refusalBody(user, clientId, m, `the server could not apply this change (${ran.ok ? '' : ran.message}); what you sent is kept here`, t, ticketOfArgs(m));
        status = 'rejected';
      } else {
        body = ran.value;
        const refusal = scopeRefusal(user, state.read, [...p.mutation.touches, ...more.value], body);
        if (refusal) body = refusalBody(user, clientId, m, refusal, t);
        status = body.outcome === 'applied' ? 'applied' : 'conflict';
      }
    }
    wrote = state.add(body) > 0 || wrote;
    const result: MutationResult = { id: m.id, status };
    const reasons = status === 'applied' ? [] : [body.message ?? body.conflicts.map((c) => c.reason).join('; ')];
    const conflictIds = body.conflicts.map((c) => c.id);
    for (const w of body.writes) if (w.table === 'visits' && w.fields.includes('engineerId') && typeof w.data.ticketId === 'string') restamp.add(w.data.ticketId);
    for (const visit of bookingsToReview(body.writes)) {
      if (careful) {
        deferred.push({ visit, ctx, result });
        continue;
      }
      const b = await reviewBooking(tx, user.tenantId, visit, state, ctx);
      state.add(b.body);
      if (!b.confirmed) {
        result.status = 'conflict';
        reasons.push(b.message ?? '');
        conflictIds.push(...b.body.conflicts.map((c) => c.id));
      }
    }
    // An accepted "send mail" is queued for the SMTP sender in this same transaction: stored exactly when the mutation is.
    if (status === 'applied' && p?.ok && p.mutation.name === 'mail.send@1') mails.push({ clientId, mutationId: m.id, args: p.mutation.args });
    // A removed attachment's bytes are freed in this transaction once no attachment names them.
    if (status === 'applied' && p?.ok && p.mutation.name === 'attachment.remove@1') freed.push(removeAttachmentArgs.parse(p.mutation.args).sha256);
    if (reasons.length > 0) result.message = reasons.join('; ');
    if (conflictIds.length > 0) result.conflictIds = conflictIds;
    if (result.status !== 'applied') state.audits.push({ mutation_id: m.id, name: m.name, args: m.args ?? null, status: result.status, reason: result.message ?? '' });
    results.push(result);
    expected++;
  }
  const { rows, audits } = state.drain();
  // Most pushes end with this write: it then carries the COMMIT (one round trip fewer).
  const writeIsLast = deferred.length === 0 && restamp.size === 0 && mails.length === 0 && freed.length === 0;
  await writeRows(writeIsLast ? { query: tx.last } : tx, user.tenantId, clientId, rows, audits, Math.max(1, state.seq), expected - 1);
  if (mails.length > 0) await queueOutboundMail(tx, user.tenantId, mails);
  const freedBytes = freed.length > 0 ? await releaseUnreferencedBlobs(tx, user.tenantId, freed, now()) : [];
  for (const d of deferred) {
    wrote = (await confirmUnderSavepoint(tx, user, clientId, d.visit, d.ctx, d.result, state)) || wrote;
  }
  if (restamp.size > 0) {
    // A visit's engineer now sees its ticket: re-stamp the ticket's rows so their next pull delivers them.
    await tx.query(
      `UPDATE entities SET version = (SELECT version FROM tenants WHERE id = $1) WHERE tenant_id = $1 AND ticket_id = ANY($2::text[]) AND tbl IN ('tickets', 'timeline', 'conflicts')`,
      [user.tenantId, [...restamp]],
    );
  }
  return { results, last: expected - 1, wrote, ...(gapAt !== undefined ? { gapAt } : {}), ...(freedBytes.length > 0 ? { freedBytes } : {}) };
}

/**
 * Applies mutations as `user` inside the caller's transaction: the server's own writes (mail filed
 * as tickets and notes) go through the same mutators, versions and pokes as any device's push.
 */
export async function applyInTransaction(tx: Queryable, user: AuthUser, clientId: string, ms: MutationEnvelope[], now: () => number): Promise<MutationResult[]> {
  // The caller's transaction goes on after this: nothing here may commit it.
  return (await applyBatch({ query: tx.query, last: tx.query }, user, clientId, ms, now, false)).results;
}

async function confirmUnderSavepoint(tx: Queryable, user: AuthUser, clientId: string, visit: ReturnType<typeof bookingsToReview>[number], ctx: MutationCtx, result: MutationResult, state: BatchState): Promise<boolean> {
  const outcome = await reviewBooking(tx, user.tenantId, visit, state, ctx);
  const flush = async (b: typeof outcome) => {
    state.seq = 1;
    state.add(b.body);
    if (!b.confirmed) {
      result.status = 'conflict';
      result.message = [result.message, b.message].filter(Boolean).join('; ');
      result.conflictIds = [...(result.conflictIds ?? []), ...b.body.conflicts.map((c) => c.id)];
      state.audits.push({ mutation_id: ctx.mutationId, name: 'booking', args: { visitId: visit.id }, status: 'conflict', reason: b.message ?? '' });
    }
    const { rows, audits } = state.drain();
    await writeRows(tx, user.tenantId, clientId, rows, audits, 1, ctx.mutationId);
  };
  if (!outcome.confirmed) {
    await flush(outcome);
    return true;
  }
  await tx.query('SAVEPOINT booking');
  try {
    await flush(outcome);
    await tx.query('RELEASE SAVEPOINT booking');
  } catch (e) {
    if ((e as { code?: string }).code !== '23P01') throw e;
    await tx.query('ROLLBACK TO SAVEPOINT booking');
    state.drain();
    await flush(clashOutcome(visit, `another booking for ${visit.engineerId ?? 'this engineer'} was confirmed at the same time`, [], ctx));
  }
  return true;
}

/**
 * Applies a client's mutations in order. Ids already applied are skipped (a retried push applies
 * once); a gap stops the batch; refusals advance the client too. The whole batch commits in one
 * transaction; if the database refuses it (a booking clash another instance confirmed meanwhile, or
 * a value it cannot store), it is replayed one mutation per transaction so everything before and
 * after still applies, and a mutation the database still refuses on its own becomes that
 * mutation's rejection (with what the user sent). Only an unavailable database fails the request.
 */
/**
 * `discardBytes` frees the files of attachment bytes the push dropped, once the drop has committed
 * (a rollback must never lose bytes a row still names).
 */
export async function push(db: Db, user: AuthUser, clientId: string, mutations: MutationEnvelope[], now: () => number, discardBytes?: (tenantId: string, sha256s: string[]) => Promise<void>): Promise<PushResponse> {
  // Text the database cannot store is made storable here, by the same rule the device applied.
  const sorted = mutations.map((m) => toStorable(m)).sort((a, b) => a.id - b.id);
  let out: BatchOutcome;
  try {
    out = await db.briefTransaction((tx) => applyBatch(tx, user, clientId, sorted, now, false));
  } catch (e) {
    if (e instanceof ClientIdNotYours || isTransientDbError(e)) throw e;
    out = { results: [], last: 0, wrote: false };
    for (const m of sorted) {
      const one = await applyAlone(db, user, clientId, m, now);
      out.results.push(...one.results);
      out.last = one.last;
      out.wrote ||= one.wrote;
      if (one.freedBytes) out.freedBytes = [...(out.freedBytes ?? []), ...one.freedBytes];
      if (one.gapAt !== undefined) {
        out.gapAt = one.gapAt;
        break;
      }
    }
  }
  if (out.freedBytes && discardBytes) await discardBytes(user.tenantId, out.freedBytes).catch((e: unknown) => console.warn(`[server] could not free attachment files: ${String(e)}`));
  // The poke that tells every instance's devices to pull went out with the commit (see writeRows).
  return out.gapAt === undefined ? { results: out.results, lastMutationId: out.last } : { results: out.results, lastMutationId: out.last, gapAt: out.gapAt };
}

async function applyAlone(db: Db, user: AuthUser, clientId: string, m: MutationEnvelope, now: () => number): Promise<BatchOutcome> {
  try {
    return await db.briefTransaction((tx) => applyBatch(tx, user, clientId, [m], now, true));
  } catch (e) {
    if (e instanceof ClientIdNotYours || isTransientDbError(e)) throw e;
    // Before blaming the mutation, make sure the database is there at all (a lost connection
    // must fail the request so the device retries, never refuse a good change).
    await db.query('SELECT 1');
    const why = storableText(e instanceof Error ? e.message : String(e)).slice(0, 500);
    console.warn(`[server] mutation ${m.name} #${m.id} of client ${clientId} refused by the database: ${why}`);
    return db.briefTransaction((tx) => applyBatch(tx, user, clientId, [m], now, true, `the server could not store this change (${why}); what you sent is kept here`));
  }
}
