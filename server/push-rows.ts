// Collects what one push transaction writes and stores it in one statement: rows of several
// mutations of one client, each stamped with its own tenant version.
import type { EntitySnapshot, EntityWrite, MutationResultBody, SyncTable } from '../shared/sync';
import { prepared } from './db/prepared';
import type { Queryable } from './db/types';

/** A row to store; `fields` maps each changed field to the sequence number (1..n) of the mutation that changed it. */
export type PendingRow = { tbl: SyncTable; id: string; ticket_id: string | null; data: unknown; fields: Record<string, number>; seq: number; insert_only: boolean; deleted: boolean };
export type AuditRow = { mutation_id: number; name: string; args: unknown; status: string; reason: string };

const key = (t: string, id: string) => `${t}/${id}`;
const ticketOf = (w: EntityWrite): string | null => (w.table === 'tickets' ? w.id : typeof w.data.ticketId === 'string' ? w.data.ticketId : null);

/**
 * The batch's view of the tenant: rows loaded (and locked) from the database overlaid with the
 * writes of the mutations already run, so each mutator sees its predecessors' effects.
 */
export class BatchState {
  readonly loaded = new Map<string, EntitySnapshot | null>();
  readonly rows = new Map<string, PendingRow>();
  readonly audits: AuditRow[] = [];
  /** Tables loaded whole (see rowsOf). */
  readonly wholeTables = new Set<SyncTable>();
  seq = 0;

  constructor(private readonly clientId: string) {}

  read = (t: SyncTable, id: string): EntitySnapshot | undefined => this.loaded.get(key(t, id)) ?? undefined;
  has = (t: SyncTable, id: string): boolean => this.loaded.has(key(t, id));
  /** Every live row of a table loaded whole, with this batch's writes (deleted rows left out). */
  rowsOf = (t: SyncTable): Array<Record<string, unknown>> => {
    const prefix = `${t}/`;
    const out: Array<Record<string, unknown>> = [];
    for (const [k, v] of this.loaded) if (v && k.startsWith(prefix)) out.push(v.data);
    return out;
  };

  /** Records a mutator's result under the current sequence number. */
  add(body: Pick<MutationResultBody, 'writes' | 'events' | 'conflicts'>): number {
    const seq = this.seq;
    for (const w of body.writes) {
      const k = key(w.table, w.id);
      const prev = this.rows.get(k);
      const fields = { ...(prev && !prev.insert_only ? prev.fields : {}) };
      for (const f of w.fields) fields[f] = seq;
      this.rows.set(k, { tbl: w.table, id: w.id, ticket_id: ticketOf(w), data: w.deleted ? null : w.data, fields, seq, insert_only: false, deleted: w.deleted === true });
      // Our own writes never conflict with our later mutations (same client), so the version here is only a marker.
      const fv = { ...(this.loaded.get(k)?.fv ?? {}) };
      for (const f of w.fields) fv[f] = { v: Number.MAX_SAFE_INTEGER, c: this.clientId };
      this.loaded.set(k, w.deleted ? null : { data: w.data, fv });
    }
    const once = (tbl: SyncTable, id: string, ticketId: string | null, data: Record<string, unknown>) => {
      const k = key(tbl, id);
      if (this.rows.has(k) || this.loaded.get(k)) return;
      this.rows.set(k, { tbl, id, ticket_id: ticketId, data, fields: { _: seq }, seq, insert_only: true, deleted: false });
      this.loaded.set(k, { data, fv: {} });
    };
    for (const e of body.events) once('timeline', e.id, e.ticketId, e);
    for (const c of body.conflicts) once('conflicts', c.id, c.ticketId || null, c);
    return body.writes.length + body.events.length + body.conflicts.length;
  }

  /** Takes the collected rows and audits, leaving the state ready for more. */
  drain(): { rows: PendingRow[]; audits: AuditRow[] } {
    const out = { rows: [...this.rows.values()], audits: this.audits.splice(0) };
    this.rows.clear();
    return out;
  }
}

/** Every instance LISTENs here; the payload is the tenant id. */
export const POKE_CHANNEL = 'sync_poke';

// One statement: bump the tenant version by the batch size (its row lock orders concurrent
// writers, so a pull cursor never passes a version still being written), upsert rows with
// per-field versions stamped in SQL, record refusals and advance the client. The poke to other
// devices is queued by the same statement: PostgreSQL delivers a NOTIFY only at commit (and once
// per transaction however often it is queued), so it costs no round trip of its own.
const WRITE_SQL = prepared(`
WITH v AS (UPDATE tenants SET version = version + $2 WHERE id = $1 RETURNING version - $2 AS base),
w AS (SELECT * FROM jsonb_to_recordset($3::jsonb) AS x(tbl text, id text, ticket_id text, data jsonb, fields jsonb, seq int, insert_only boolean, deleted boolean)),
stamped AS (
  SELECT w.*, v.base + w.seq AS version,
    (SELECT coalesce(jsonb_object_agg(f.key, jsonb_build_object('v', v.base + f.value::int, 'c', $4::text)), '{}'::jsonb) FROM jsonb_each_text(w.fields) f) AS fv
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
  SELECT $1, $4, a.mutation_id, a.name, a.args, a.status, a.reason FROM jsonb_to_recordset($5::jsonb) AS a(mutation_id bigint, name text, args jsonb, status text, reason text)
  ON CONFLICT DO NOTHING
  RETURNING 1)
UPDATE clients SET last_mutation_id = greatest(last_mutation_id, $6), last_seen = now() WHERE tenant_id = $1 AND client_id = $4
RETURNING (SELECT base FROM v) AS base, (SELECT count(*) FROM up) + (SELECT count(*) FROM ins) + (SELECT count(*) FROM audit) AS n, pg_notify('${POKE_CHANNEL}', $1) IS NULL AS poked`);

/**
 * Stores rows stamped with versions base+1..base+span and advances the client to `lastId`.
 * Returns the version base (the tenant version before this write).
 */
export async function writeRows(tx: Queryable, tenantId: string, clientId: string, rows: PendingRow[], audits: AuditRow[], span: number, lastId: number): Promise<number> {
  if (rows.length === 0 && audits.length === 0) {
    await tx.query('UPDATE clients SET last_mutation_id = greatest(last_mutation_id, $3), last_seen = now() WHERE tenant_id = $1 AND client_id = $2', [tenantId, clientId, lastId]);
    return -1;
  }
  const [r] = await tx.query<{ base: string | number }>(WRITE_SQL, [tenantId, span, JSON.stringify(rows), clientId, JSON.stringify(audits), lastId]);
  return Number(r?.base ?? 0);
}
