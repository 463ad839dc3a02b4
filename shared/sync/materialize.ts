import type { FieldVersions, SyncTable } from './protocol';
import type { EntityReader, MutationResultBody } from './mutation-types';

/** One row to store: `insertOnly` rows (timeline events, conflict records) are kept if they already exist. */
export type StoredWrite = { table: SyncTable; id: string; data: Record<string, unknown>; fv: FieldVersions; insertOnly: boolean; deleted: boolean };

/**
 * Turns a mutator's result into rows with field versions: every changed field gets the
 * tenant version of this write and the id of the client that made it.
 */
export function materializeWrites(result: MutationResultBody, read: EntityReader, version: number, clientId: string): StoredWrite[] {
  const stamp = (fields: string[], prev: FieldVersions = {}): FieldVersions => {
    const fv: FieldVersions = { ...prev };
    for (const f of fields) fv[f] = { v: version, c: clientId };
    return fv;
  };
  const out: StoredWrite[] = result.writes.map((w) => ({ table: w.table, id: w.id, data: w.data, fv: stamp(w.fields, read(w.table, w.id)?.fv), insertOnly: false, deleted: w.deleted === true }));
  for (const e of result.events) out.push({ table: 'timeline', id: e.id, data: e, fv: stamp(['_']), insertOnly: true, deleted: false });
  for (const c of result.conflicts) out.push({ table: 'conflicts', id: c.id, data: c, fv: stamp(['_']), insertOnly: true, deleted: false });
  return out;
}
