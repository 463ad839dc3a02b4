import { syncTables, tablesSince, type FieldVersions, type PullResponse, type PullRow, type SyncTable } from '../shared/sync';
import type { AuthUser } from './auth';
import { ClientIdNotYours } from './client-binding';
import type { Db } from './db/types';

type EntityRow = { tbl: SyncTable; id: string; data: Record<string, unknown> | null; fv: FieldVersions; version: string | number; deleted: boolean };

// Field engineers see rows not tied to a ticket (directory, presets, warehouse), visits assigned to
// them, and rows of tickets in their region, assigned to them, or with a visit assigned to them.
const TICKET_IN_SCOPE = (t: string) => `(${t}.data->>'region' = $4 OR ${t}.data->>'ownerId' = $5 OR EXISTS (
  SELECT 1 FROM entities v WHERE v.tenant_id = ${t}.tenant_id AND v.ticket_id = ${t}.id AND v.visit_engineer = $5))`;
const IN_SCOPE = `(e.ticket_id IS NULL OR e.visit_engineer = $5 OR EXISTS (
  SELECT 1 FROM entities t WHERE t.tenant_id = e.tenant_id AND t.tbl = 'tickets' AND t.id = e.ticket_id AND ${TICKET_IN_SCOPE('t')}))`;
const FIELD_SCOPE = `AND ${IN_SCOPE}`;

// The facts a field engineer's scope hangs on, by the version that last wrote them. `id` is written
// once, by the create: a row created after the cursor is new, not a scope change (the page has it).
const OWNER_V = `(e.fv->'ownerId'->>'v')::bigint`;
const REGION_V = `(e.fv->'region'->>'v')::bigint`;
const ENGINEER_V = `(e.fv->'engineerId'->>'v')::bigint`;
const EXISTED = `coalesce((e.fv->'id'->>'v')::bigint, 0) <= $2`;
const within = (v: string) => `(${v} > $2 AND ${v} <= $3)`;
// The user held a ticket they were owner of (regions of tickets never change in this app, so a
// ticket outside their region left their scope only this way, or with a visit).
const WAS_OWNER = `EXISTS (SELECT 1 FROM entities a WHERE a.tenant_id = $1 AND a.tbl = 'timeline' AND a.ticket_id = t.id
  AND a.version > $2 AND a.version <= $3 AND a.data->>'kind' = 'assigned' AND a.data->>'from' = $5)`;

/**
 * Tickets whose scope facts (owner, region, or the engineer of one of their visits) last changed in
 * (from, to]. Rows changed after `from` only, via the version index; computed on its own so that no
 * plan (PGlite keeps no statistics) runs it once per ticket.
 */
const SCOPE_CHANGED = `SELECT e.id AS tid, greatest(coalesce(${OWNER_V}, 0), coalesce(${REGION_V}, 0)) AS at, false AS via_visit FROM entities e
    WHERE e.tenant_id = $1 AND e.tbl = 'tickets' AND e.version > $2 AND NOT e.deleted AND ${EXISTED} AND (${within(OWNER_V)} OR ${within(REGION_V)})
  UNION ALL
  SELECT e.ticket_id, ${ENGINEER_V}, true FROM entities e
    WHERE e.tenant_id = $1 AND e.tbl = 'visits' AND e.version > $2 AND NOT e.deleted AND e.ticket_id IS NOT NULL AND ${within(ENGINEER_V)}`;

/** Of those tickets ($6), whether the user sees them now, and for those they do not, whether they may have held them. */
const SCOPE_NOW = `SELECT t.id, ${TICKET_IN_SCOPE('t')} AS seen, ${WAS_OWNER} AS was_owner FROM entities t
  WHERE t.tenant_id = $1 AND t.tbl = 'tickets' AND t.id = ANY($6::text[]) AND NOT t.deleted`;

/** Visits reassigned in (from, to] that the user no longer sees (created earlier: a new visit is no change). */
const VISITS_LOST = `SELECT e.id, ${ENGINEER_V} AS at FROM entities e WHERE e.tenant_id = $1 AND e.tbl = 'visits' AND e.version > $2
  AND NOT e.deleted AND ${EXISTED} AND ${within(ENGINEER_V)} AND NOT ${IN_SCOPE}`;

type ScopeChange = { tid: string; at: string | number; via_visit: boolean };

/**
 * A field engineer's scope changed between two cursors: tickets that came into scope bring their
 * older rows (at or below `from`; newer ones come with the page), tickets and visits that left it
 * are removed from the device like tombstones (conflict records stay: they are the user's own).
 */
async function scopeChanges(db: Db, user: AuthUser, from: number, to: number, tableFilter: string): Promise<PullRow[]> {
  const params = [user.tenantId, from, to, user.region, user.id];
  const [changes, lostVisits] = await Promise.all([db.query<ScopeChange>(SCOPE_CHANGED, params.slice(0, 3)), db.query<{ id: string; at: string | number }>(VISITS_LOST, params)]);
  const out: PullRow[] = lostVisits.map((v) => ({ table: 'visits', id: v.id, version: Number(v.at), fv: {}, data: null, deleted: true }));
  if (changes.length === 0) return out;
  const at = new Map<string, number>();
  const viaVisit = new Set<string>();
  for (const c of changes) {
    at.set(c.tid, Math.max(at.get(c.tid) ?? 0, Number(c.at)));
    if (c.via_visit) viaVisit.add(c.tid);
  }
  const now = await db.query<{ id: string; seen: boolean; was_owner: boolean }>(SCOPE_NOW, [...params, [...at.keys()]]);
  const gained = now.filter((t) => t.seen).map((t) => t.id);
  const lost = new Map(now.filter((t) => !t.seen && (t.was_owner || viaVisit.has(t.id))).map((t) => [t.id, at.get(t.id) ?? to]));
  if (gained.length > 0) {
    const older = await db.query<EntityRow>(
      `SELECT e.tbl, e.id, e.data, e.fv, e.version, e.deleted FROM entities e WHERE e.tenant_id = $1 AND e.ticket_id = ANY($2::text[]) AND e.version <= $3 AND NOT e.deleted ${tableFilter} ORDER BY e.version`,
      [user.tenantId, gained, from],
    );
    for (const r of older) out.push({ table: r.tbl, id: r.id, version: Number(r.version), fv: r.fv, data: r.data, deleted: false });
  }
  if (lost.size > 0) {
    const gone = await db.query<{ tbl: SyncTable; id: string; ticket_id: string }>(
      `SELECT e.tbl, e.id, e.ticket_id FROM entities e WHERE e.tenant_id = $1 AND e.ticket_id = ANY($2::text[]) AND NOT e.deleted AND e.tbl <> 'conflicts'
        AND e.visit_engineer IS DISTINCT FROM $3 ${tableFilter}`,
      [user.tenantId, [...lost.keys()], user.id],
    );
    for (const r of gone) out.push({ table: r.tbl, id: r.id, version: lost.get(r.ticket_id) ?? to, fv: {}, data: null, deleted: true });
  }
  return out;
}

/**
 * Rows changed since `cursor`, ordered by version, never splitting one version across pages
 * (a mutation's writes arrive together), with the client's last applied mutation id. For field
 * engineers a page also carries the effects of scope changes in its range (see scopeChanges).
 */
export async function pull(db: Db, user: AuthUser, clientId: string, cursor: number, limit: number, schemaVersion = Number.MAX_SAFE_INTEGER): Promise<PullResponse> {
  // Read the client's last id first: every mutation it counts has committed, so its rows are visible below.
  // The tenant version read here bounds the page: versions commit in order (the tenant row is
  // locked from bump to commit), so every row at or below it is visible to the queries below.
  const [meta] = await db.query<{ last: string | number | null; owner: string | null; floor: string | number; version: string | number }>(
    `SELECT c.last_mutation_id AS last, c.user_id AS owner, tombstone_floor AS floor, version FROM tenants
      LEFT JOIN clients c ON c.tenant_id = tenants.id AND c.client_id = $2 WHERE id = $1`,
    [user.tenantId, clientId],
  );
  // Another user's client id would tell this user how far that device's queue has got.
  if (meta?.owner && meta.owner !== user.id) throw new ClientIdNotYours(clientId);
  const lastMutationId = Number(meta?.last ?? 0);
  const tenantVersion = Number(meta?.version ?? 0);
  if (cursor > 0 && cursor < Number(meta?.floor ?? 0)) return { rows: [], cursor: 0, lastMutationId, hasMore: true, reset: true };

  const scoped = user.role === 'field_engineer';
  // An older client cannot store tables added after its schema version: leave them out.
  const known = syncTables.filter((t) => (tablesSince[t] ?? 0) <= schemaVersion);
  const params: unknown[] = [user.tenantId, cursor, limit + 1];
  if (scoped) params.push(user.region, user.id);
  const tableFilter = known.length < syncTables.length ? `AND e.tbl IN (${known.map((t) => `'${t}'`).join(', ')})` : '';
  params.push(user.id);
  // Saved views are personal: only their owner pulls them (a tombstone carries no data, only the id).
  const ownViews = `AND (e.tbl <> 'savedViews' OR e.deleted OR e.data->>'ownerId' = $${params.length})`;
  const sql = `SELECT e.tbl, e.id, e.data, e.fv, e.version, e.deleted FROM entities e
    WHERE e.tenant_id = $1 AND e.version > $2 AND e.version <= ${tenantVersion} ${tableFilter} ${scoped ? FIELD_SCOPE : ''} ${ownViews} ORDER BY e.version, e.tbl, e.id LIMIT $3`;
  let rows = await db.query<EntityRow>(sql, params);
  let hasMore = false;
  if (rows.length > limit) {
    hasMore = true;
    const boundary = Number(rows[limit]?.version);
    const whole = rows.slice(0, limit).filter((r) => Number(r.version) < boundary);
    if (whole.length > 0) rows = whole;
    else {
      // One version larger than a page: send all of it rather than split it.
      const groupParams = [...params];
      groupParams[2] = boundary;
      rows = await db.query<EntityRow>(sql.replace('e.version > $2', 'e.version > $2 AND e.version <= $3').replace('LIMIT $3', ''), groupParams);
    }
  }
  const out: PullRow[] = rows.map((r) => ({ table: r.tbl, id: r.id, version: Number(r.version), fv: r.fv, data: r.deleted ? null : r.data, deleted: r.deleted }));
  // Without more rows every version up to the tenant's has been looked at (rows out of scope included).
  const upTo = hasMore ? (out.at(-1)?.version ?? cursor) : Math.max(cursor, tenantVersion);
  if (scoped && cursor > 0 && upTo > cursor) out.push(...(await scopeChanges(db, user, cursor, upTo, tableFilter)));
  return { rows: out, cursor: upTo, lastMutationId, hasMore };
}

/** Drops tombstones up to `uptoVersion` (older than any supported offline period); cursors below it will reset. */
export async function purgeTombstones(db: Db, tenantId: string, uptoVersion: number): Promise<number> {
  return db.transaction(async (tx) => {
    const gone = await tx.query('DELETE FROM entities WHERE tenant_id = $1 AND deleted AND version <= $2 RETURNING id', [tenantId, uptoVersion]);
    await tx.query('UPDATE tenants SET tombstone_floor = greatest(tombstone_floor, $2) WHERE id = $1', [tenantId, uptoVersion]);
    return gone.length;
  });
}
