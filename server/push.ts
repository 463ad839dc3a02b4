import { prepareMutation, isTicketInScope, type EntityReader, type EntitySnapshot, type EntityWrite, type FieldVersions, type MutationEnvelope, type MutationResult, type MutationResultBody, type PushResponse, type SyncTable } from '../shared/sync';
import type { TimelineEvent } from '../shared/ticket/timeline';
import type { ConflictRecord } from '../shared/sync/conflict';
import type { AuthUser } from './auth';
import type { Db, Queryable } from './db/types';

export const POKE_CHANNEL = 'sync_poke';

type RowToWrite = { tbl: SyncTable; id: string; ticket_id: string | null; data: unknown; fields: string[]; insert_only: boolean; deleted: boolean };

function rowsOf(body: MutationResultBody): RowToWrite[] {
  const ticketOf = (w: EntityWrite): string | null => (w.table === 'tickets' ? w.id : typeof w.data.ticketId === 'string' ? w.data.ticketId : null);
  return [
    ...body.writes.map((w) => ({ tbl: w.table, id: w.id, ticket_id: ticketOf(w), data: w.deleted ? null : w.data, fields: w.fields, insert_only: false, deleted: w.deleted === true })),
    ...body.events.map((e: TimelineEvent) => ({ tbl: 'timeline' as const, id: e.id, ticket_id: e.ticketId, data: e, fields: ['_'], insert_only: true, deleted: false })),
    ...body.conflicts.map((c: ConflictRecord) => ({ tbl: 'conflicts' as const, id: c.id, ticket_id: c.ticketId || null, data: c, fields: ['_'], insert_only: true, deleted: false })),
  ];
}

// One statement: bump the tenant version (its row lock orders concurrent writers, so a pull
// cursor never passes a version still being written), upsert rows with per-field versions
// stamped in SQL, advance the client and record refusals. The poke is sent once per batch, after commit.
const WRITE_SQL = `
WITH v AS (UPDATE tenants SET version = version + 1 WHERE id = $1 RETURNING version),
w AS (SELECT * FROM jsonb_to_recordset($2::jsonb) AS x(tbl text, id text, ticket_id text, data jsonb, fields jsonb, insert_only boolean, deleted boolean)),
stamped AS (
  SELECT w.*, v.version,
    (SELECT coalesce(jsonb_object_agg(f, jsonb_build_object('v', v.version, 'c', $3::text)), '{}'::jsonb) FROM jsonb_array_elements_text(w.fields) f) AS fv
  FROM w, v),
up AS (
  INSERT INTO entities AS e (tenant_id, tbl, id, ticket_id, data, fv, version, deleted)
  SELECT $1, tbl, id, ticket_id, data, fv, version, deleted FROM stamped WHERE NOT insert_only
  ON CONFLICT (tenant_id, tbl, id) DO UPDATE SET data = excluded.data, fv = e.fv || excluded.fv, version = excluded.version, ticket_id = excluded.ticket_id, deleted = excluded.deleted
  RETURNING 1),
ins AS (
  INSERT INTO entities (tenant_id, tbl, id, ticket_id, data, fv, version, deleted)
  SELECT $1, tbl, id, ticket_id, data, fv, version, false FROM stamped WHERE insert_only
  ON CONFLICT (tenant_id, tbl, id) DO NOTHING
  RETURNING 1),
audit AS (
  INSERT INTO conflicts (tenant_id, client_id, mutation_id, name, args, status, reason)
  SELECT $1, $3, $4, $5, $6::jsonb, $7, $8 WHERE $7::text IS NOT NULL
  ON CONFLICT DO NOTHING
  RETURNING 1)
UPDATE clients SET last_mutation_id = $4, last_seen = now() WHERE tenant_id = $1 AND client_id = $3
RETURNING (SELECT version FROM v) AS version`;

// One round trip: register/lock the client row and load (and lock) what the mutation touches.
const CLIENT_AND_LOAD_SQL = `
WITH c AS (
  INSERT INTO clients (tenant_id, client_id, user_id) VALUES ($1, $2, $3)
  ON CONFLICT (tenant_id, client_id) DO UPDATE SET user_id = excluded.user_id RETURNING last_mutation_id)
SELECT (SELECT last_mutation_id FROM c) AS last, e.tbl, e.id, e.data, e.fv, e.deleted
FROM (SELECT 1) AS one LEFT JOIN LATERAL (
  SELECT tbl, id, data, fv, deleted FROM entities
  WHERE tenant_id = $1 AND (tbl, id) IN (SELECT * FROM unnest($4::text[], $5::text[])) FOR UPDATE) AS e ON true`;

async function lockClientAndLoad(tx: Queryable, user: AuthUser, clientId: string, touches: Array<{ table: SyncTable; id: string }>): Promise<{ last: number; found: Map<string, EntitySnapshot> }> {
  const rows = await tx.query<{ last: string | number; tbl: string | null; id: string | null; data: Record<string, unknown> | null; fv: FieldVersions; deleted: boolean | null }>(CLIENT_AND_LOAD_SQL, [
    user.tenantId,
    clientId,
    user.id,
    touches.map((t) => t.table),
    touches.map((t) => t.id),
  ]);
  const found = new Map<string, EntitySnapshot>();
  for (const r of rows) if (r.tbl && r.data && !r.deleted) found.set(`${r.tbl}/${r.id}`, { data: r.data, fv: r.fv });
  return { last: Number(rows[0]?.last ?? 0), found };
}

function scopeRefusal(user: AuthUser, found: Map<string, EntitySnapshot>, body: MutationResultBody): string | undefined {
  const asTicket = (d: Record<string, unknown>) => ({ region: String(d.region ?? ''), ownerId: typeof d.ownerId === 'string' ? d.ownerId : undefined });
  const scopeUser = { id: user.id, role: user.role, region: user.region };
  for (const [k, snap] of found) if (k.startsWith('tickets/') && !isTicketInScope(asTicket(snap.data), scopeUser)) return 'this ticket is outside your region and assignments';
  for (const w of body.writes) if (w.table === 'tickets' && !isTicketInScope(asTicket(w.data), scopeUser)) return 'this ticket would be outside your region and assignments';
  return undefined;
}

type Applied = { result: MutationResult; wrote: boolean } | { gap: true } | { skipped: true };

async function applyOne(db: Db, user: AuthUser, clientId: string, m: MutationEnvelope, now: number): Promise<Applied & { last: number }> {
  return db.transaction(async (tx) => {
    const prepared = prepareMutation(m.name, m.args);
    const { last, found } = await lockClientAndLoad(tx, user, clientId, prepared.ok ? prepared.mutation.touches : []);
    if (prepared.ok) {
      const more = prepared.mutation.alsoTouches((t, id) => found.get(`${t}/${id}`)).filter((t) => !found.has(`${t.table}/${t.id}`));
      if (more.length > 0) for (const [k, v] of (await lockClientAndLoad(tx, user, clientId, more)).found) found.set(k, v);
    }
    if (m.id <= last) return { skipped: true, last };
    if (m.id > last + 1) return { gap: true, last };

    const ctx = { userId: user.id, role: user.role, region: user.region, now, clientId, mutationId: m.id, baseVersions: m.baseVersions };
    let body: MutationResultBody;
    let status: MutationResult['status'];
    if (!prepared.ok) {
      status = 'rejected';
      const ticketId = typeof (m.args as { ticketId?: unknown } | null)?.ticketId === 'string' ? String((m.args as { ticketId: string }).ticketId) : '';
      const c: ConflictRecord = { id: `${clientId}:${m.id}:_mutation`, ticketId, mutation: m.name, field: '_mutation', base: '', mine: '', theirs: '', userId: user.id, clientId, mutationId: m.id, reason: prepared.message, status: 'open', createdAt: now };
      body = { outcome: 'conflict', writes: [], events: [], conflicts: [c], message: prepared.message };
    } else {
      const read: EntityReader = (t, id) => found.get(`${t}/${id}`);
      body = prepared.mutation.run(read, ctx);
      const refusal = scopeRefusal(user, found, body);
      if (refusal) {
        const c: ConflictRecord = { id: `${clientId}:${m.id}:_mutation`, ticketId: '', mutation: m.name, field: '_mutation', base: '', mine: '', theirs: '', userId: user.id, clientId, mutationId: m.id, reason: refusal, status: 'open', createdAt: now };
        body = { outcome: 'conflict', writes: [], events: [], conflicts: [c], message: refusal };
      }
      status = body.outcome === 'applied' ? 'applied' : 'conflict';
    }
    const rows = rowsOf(body);
    const reason = status === 'applied' ? null : (body.message ?? body.conflicts.map((c) => c.reason).join('; '));
    if (rows.length === 0) {
      await tx.query('UPDATE clients SET last_mutation_id = $3, last_seen = now() WHERE tenant_id = $1 AND client_id = $2', [user.tenantId, clientId, m.id]);
    } else {
      await tx.query(WRITE_SQL, [user.tenantId, JSON.stringify(rows), clientId, m.id, m.name, JSON.stringify(m.args ?? null), status === 'applied' ? null : status, reason]);
    }
    const result: MutationResult = { id: m.id, status };
    if (reason) result.message = reason;
    if (body.conflicts.length > 0) result.conflictIds = body.conflicts.map((c) => c.id);
    return { result, last: m.id, wrote: rows.length > 0 };
  });
}

/**
 * Applies a client's mutations in order, each in its own transaction. Ids already applied are
 * skipped (a retried push applies once); a gap stops the batch; refusals advance the client too.
 */
export async function push(db: Db, user: AuthUser, clientId: string, mutations: MutationEnvelope[], now: () => number): Promise<PushResponse> {
  const results: MutationResult[] = [];
  let last = 0;
  let wrote = false;
  let gapAt: number | undefined;
  for (const m of [...mutations].sort((a, b) => a.id - b.id)) {
    const r = await applyOne(db, user, clientId, m, now());
    last = r.last;
    if ('gap' in r) {
      gapAt = m.id;
      break;
    }
    if ('skipped' in r) results.push({ id: m.id, status: 'skipped' });
    else {
      results.push(r.result);
      wrote ||= r.wrote;
    }
  }
  // A poke is only a hint to pull, so one per batch (after the commits) is enough, on every instance.
  if (wrote) await db.query('SELECT pg_notify($1, $2)', [POKE_CHANNEL, user.tenantId]);
  return gapAt === undefined ? { results, lastMutationId: last } : { results, lastMutationId: last, gapAt };
}
