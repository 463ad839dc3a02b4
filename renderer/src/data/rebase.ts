import { prepareMutation, type PullResponse, type SyncTable, syncTables } from '../../../shared/sync';
import { syncScope, type ServiceDeskDb, type SyncStateRow } from './db';
import { applyLocally, getActorInTx, loadTouched } from './local-apply';
import { inlineMetaTables, withMeta } from './sync-meta';

/** The server copy as stored live: rows of the large tables carry their version facts inline. */
function serverRow(s: Pick<SyncStateRow, 'table' | 'version' | 'fv'>, data: Record<string, unknown>): Record<string, unknown> {
  return inlineMetaTables.has(s.table) && s.version > 0 ? withMeta(data, s.version, s.fv) : data;
}

/**
 * Resets every locally changed row to the server's copy, then replays the pending outbox on top
 * (with each entry's own base versions and time). With nothing pending the shadows are dropped.
 * Call inside a transaction over syncScope.
 */
export async function rebase(db: ServiceDeskDb): Promise<void> {
  const shadows = await db.syncState.where('hasShadow').equals(1).toArray();
  for (const s of shadows) {
    if (s.shadow) await db.synced(s.table).put(serverRow(s, s.shadow));
    else await db.synced(s.table).delete(s.id);
  }
  const pending = await db.outbox.orderBy('id').toArray();
  if (pending.length === 0) {
    for (const s of shadows) {
      // The live row now carries the server facts itself (large tables), or there is no server row.
      if (inlineMetaTables.has(s.table) || (s.version === 0 && !s.shadow)) await db.syncState.delete([s.table, s.id]);
      else await db.syncState.put({ table: s.table, id: s.id, version: s.version, fv: s.fv, hasShadow: 0 });
    }
    return;
  }
  const actor = await getActorInTx(db);
  for (const e of pending) {
    const prepared = prepareMutation(e.name, e.args);
    // An entry this build cannot run any more stays queued for the server to judge.
    if (!prepared.ok) continue;
    const { read, tables } = await loadTouched(db, prepared.mutation);
    const result = prepared.mutation.run(read, { ...actor, now: e.clientTime, clientId: e.clientId, mutationId: e.id, baseVersions: e.baseVersions }, tables);
    await applyLocally(db, result);
  }
}

/** Commits one pull page: server rows go live unless a local change is pending (then into its shadow). */
export async function applyPullPage(db: ServiceDeskDb, page: PullResponse): Promise<void> {
  await db.transaction('rw', syncScope(db), async () => {
    if (page.reset) {
      // The cursor predates purged tombstones: start over from the server, keeping the outbox.
      await Promise.all(syncTables.map((t) => db.synced(t).clear()));
      await db.syncState.clear();
      await db.meta.put({ key: 'cursor', value: 0 });
      return;
    }
    // Bulk operations: a large first pull is bound by IndexedDB, not by one round trip per row.
    const shadowed = new Set<string>();
    if ((await db.syncState.where('hasShadow').equals(1).count()) > 0) {
      const states = await db.syncState.bulkGet(page.rows.map((r) => [r.table, r.id] as [SyncTable, string]));
      for (const s of states) if (s?.hasShadow === 1) shadowed.add(`${s.table}/${s.id}`);
    }
    const stateRows: SyncStateRow[] = [];
    const puts = new Map<SyncTable, Array<Record<string, unknown>>>();
    const deletes = new Map<SyncTable, string[]>();
    for (const r of page.rows) {
      const data = r.deleted ? null : r.data;
      if (shadowed.has(`${r.table}/${r.id}`)) {
        // A local change is pending: the server copy waits in the shadow until rebase.
        stateRows.push({ table: r.table, id: r.id, version: r.version, fv: r.fv, hasShadow: 1, shadow: data });
        continue;
      }
      const inline = inlineMetaTables.has(r.table);
      // Configuration tables keep one sync state row each; the large tables need none (facts inline).
      if (!inline) stateRows.push({ table: r.table, id: r.id, version: r.version, fv: r.fv, hasShadow: 0 });
      const into = <T>(m: Map<SyncTable, T[]>, v: T) => {
        const list = m.get(r.table);
        if (list) list.push(v);
        else m.set(r.table, [v]);
      };
      if (data) into(puts, inline ? withMeta(data, r.version, r.fv) : data);
      else into(deletes, r.id);
    }
    if (stateRows.length) await db.syncState.bulkPut(stateRows);
    for (const [t, rows] of puts) await db.synced(t).bulkPut(rows);
    for (const [t, ids] of deletes) await db.synced(t).bulkDelete(ids);
    await db.meta.put({ key: 'cursor', value: page.cursor });
    if (!page.hasMore) {
      // Only once the pull is complete do the server rows contain the effects of every acknowledged entry.
      await db.outbox.where('id').belowOrEqual(page.lastMutationId).delete();
      await rebase(db);
    }
  });
}
