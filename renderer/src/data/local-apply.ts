import type { EntityReader, EntitySnapshot, FieldVersions, MutationCtx, MutationResultBody, PreparedMutation, SyncTable, TableReader } from '../../../shared/sync';
import { entityKey } from '../../../shared/sync';
import type { ServiceDeskDb, SyncStateRow } from './db';
import { serverFacts, splitRow } from './sync-meta';
import { presetConfig } from '../../../shared/config/preset-config';

export type Actor = { userId: string; role: MutationCtx['role']; region: string };

/**
 * Loads what a mutation touches (live row + server field versions) and the small tables it reads
 * whole (the device's live rows: the catalogue it offers is the one it checks). Call inside a transaction.
 */
export async function loadTouched(db: ServiceDeskDb, m: PreparedMutation): Promise<{ read: EntityReader; fvs: Map<string, FieldVersions>; tables: TableReader }> {
  const found = new Map<string, EntitySnapshot>();
  const fvs = new Map<string, FieldVersions>();
  const read: EntityReader = (table, id) => found.get(entityKey(table, id));
  const load = async (touches: Array<{ table: SyncTable; id: string }>) => {
    for (const t of touches) {
      const key = entityKey(t.table, t.id);
      if (fvs.has(key)) continue;
      const [row, state] = await Promise.all([db.synced(t.table).get(t.id), db.syncState.get([t.table, t.id])]);
      const { data, meta } = splitRow(row);
      const { fv } = serverFacts(data, meta, state);
      fvs.set(key, fv);
      if (data) found.set(key, { data, fv });
      // A device that never synced stores no policy rows; it runs on the policies the app holds
      // (the shipped presets), so a command's rules come from those and it refuses exactly as the
      // server will instead of letting through what the server then turns down.
      else if (t.table === 'policies') {
        const policy = presetConfig().policies[t.id];
        if (policy) found.set(key, { data: policy as unknown as Record<string, unknown>, fv });
      }
    }
  };
  await load(m.touches);
  await load(m.alsoTouches(read));
  const whole = new Map<SyncTable, Array<Record<string, unknown>>>();
  for (const table of m.readsTables) whole.set(table, (await db.synced(table).toArray()).map((row) => splitRow(row).data ?? {}));
  return { read, fvs, tables: (table) => whole.get(table) ?? [] };
}

/** Keeps the server's copy of a row before its first local change, so rebase can start over from it. */
async function ensureShadow(db: ServiceDeskDb, table: SyncTable, id: string): Promise<void> {
  const state = await db.syncState.get([table, id]);
  if (state?.hasShadow === 1) return;
  const { data, meta } = splitRow(await db.synced(table).get(id));
  const { version, fv } = serverFacts(data, meta, state);
  const row: SyncStateRow = { table, id, version, fv, hasShadow: 1, shadow: data ?? null };
  await db.syncState.put(row);
}

/** Applies a mutator's result to the live tables (optimistically). Call inside a transaction. */
export async function applyLocally(db: ServiceDeskDb, result: MutationResultBody): Promise<void> {
  for (const w of result.writes) {
    await ensureShadow(db, w.table, w.id);
    if (w.deleted) await db.synced(w.table).delete(w.id);
    else await db.synced(w.table).put(w.data);
  }
  for (const e of result.events) {
    if (await db.timeline.get(e.id)) continue;
    await ensureShadow(db, 'timeline', e.id);
    await db.timeline.put(e);
  }
  for (const c of result.conflicts) {
    if (await db.conflicts.get(c.id)) continue;
    await ensureShadow(db, 'conflicts', c.id);
    await db.conflicts.put(c);
  }
}

// Used when no server is configured: the single local user may do everything.
const localActor: Actor = { userId: 'local', role: 'admin', region: '' };

/** The logged-in actor, read inside the caller's transaction. */
export async function getActorInTx(db: ServiceDeskDb): Promise<Actor> {
  const row = await db.meta.get('actor');
  return (row?.value as Actor | undefined) ?? localActor;
}
