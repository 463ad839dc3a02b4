import { syncTables, tablesSince, type FieldVersions, type PullResponse, type PullRow, type SyncTable } from '../shared/sync';
import type { AuthUser } from './auth';
import type { Db } from './db/types';

type EntityRow = { tbl: SyncTable; id: string; data: Record<string, unknown> | null; fv: FieldVersions; version: string | number; deleted: boolean };

// Field engineers see rows not tied to a ticket (directory, presets, warehouse), visits assigned to
// them, and rows of tickets in their region, assigned to them, or with a visit assigned to them.
const FIELD_SCOPE = `AND (e.ticket_id IS NULL OR e.visit_engineer = $5 OR EXISTS (
  SELECT 1 FROM entities t WHERE t.tenant_id = e.tenant_id AND t.tbl = 'tickets' AND t.id = e.ticket_id
  AND (t.data->>'region' = $4 OR t.data->>'ownerId' = $5))
  OR EXISTS (SELECT 1 FROM entities v WHERE v.tenant_id = e.tenant_id AND v.ticket_id = e.ticket_id AND v.visit_engineer = $5))`;

/**
 * Rows changed since `cursor`, ordered by version, never splitting one version across pages
 * (a mutation's writes arrive together), with the client's last applied mutation id.
 */
export async function pull(db: Db, user: AuthUser, clientId: string, cursor: number, limit: number, schemaVersion = Number.MAX_SAFE_INTEGER): Promise<PullResponse> {
  // Read the client's last id first: every mutation it counts has committed, so its rows are visible below.
  const [meta] = await db.query<{ last: string | number | null; floor: string | number }>(
    `SELECT (SELECT last_mutation_id FROM clients WHERE tenant_id = $1 AND client_id = $2) AS last, tombstone_floor AS floor FROM tenants WHERE id = $1`,
    [user.tenantId, clientId],
  );
  const lastMutationId = Number(meta?.last ?? 0);
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
    WHERE e.tenant_id = $1 AND e.version > $2 ${tableFilter} ${scoped ? FIELD_SCOPE : ''} ${ownViews} ORDER BY e.version, e.tbl, e.id LIMIT $3`;
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
  const last = out.at(-1);
  return { rows: out, cursor: last ? last.version : cursor, lastMutationId, hasMore };
}

/** Drops tombstones up to `uptoVersion` (older than any supported offline period); cursors below it will reset. */
export async function purgeTombstones(db: Db, tenantId: string, uptoVersion: number): Promise<number> {
  return db.transaction(async (tx) => {
    const gone = await tx.query('DELETE FROM entities WHERE tenant_id = $1 AND deleted AND version <= $2 RETURNING id', [tenantId, uptoVersion]);
    await tx.query('UPDATE tenants SET tombstone_floor = greatest(tombstone_floor, $2) WHERE id = $1', [tenantId, uptoVersion]);
    return gone.length;
  });
}
