// A tiny authoritative store for mutator tests: applies mutations the way the server does, one
// version per mutation, insert-only rows kept once.
import type { UserRole } from '../directory/schema';
import { materializeWrites, type StoredWrite } from './materialize';
import type { EntityReader, EntitySnapshot, MutationCtx, MutationResultBody } from './mutation-types';
import type { BaseVersions, SyncTable } from './protocol';
import { prepareMutation } from './registry';

export type MemoryStore = ReturnType<typeof memoryStore>;

export function memoryStore() {
  const rows = new Map<string, EntitySnapshot>();
  let version = 0;
  const read: EntityReader = (t, id) => rows.get(`${t}/${id}`);
  const store = (w: StoredWrite) => {
    const k = `${w.table}/${w.id}`;
    if (w.insertOnly && rows.has(k)) return;
    if (w.deleted) rows.delete(k);
    else rows.set(k, { data: w.data, fv: w.fv });
  };
  function run(name: string, args: unknown, clientId: string, mutationId: number, opts: { baseVersions?: BaseVersions; role?: UserRole; now?: number } = {}): MutationResultBody {
    const p = prepareMutation(name, args);
    if (!p.ok) throw new Error(p.message);
    const ctx: MutationCtx = { userId: `user-${clientId}`, role: opts.role ?? 'agent', region: 'north', now: opts.now ?? 5000 + mutationId, clientId, mutationId, baseVersions: opts.baseVersions ?? {} };
    const result = p.mutation.run(read, ctx, all);
    version++;
    materializeWrites(result, read, version, clientId).forEach(store);
    return result;
  }
  /** Every live row of a table (a mutation's whole-table reads). */
  const all = (table: SyncTable) => [...rows.entries()].filter(([k]) => k.startsWith(`${table}/`)).map(([, v]) => v.data);
  /** Base versions of one entity as a client that has seen the store now would send them. */
  const base = (table: SyncTable, id: string): BaseVersions => ({ [`${table}/${id}`]: Object.fromEntries(Object.entries(rows.get(`${table}/${id}`)?.fv ?? {}).map(([k, v]) => [k, v.v])) });
  const data = (table: SyncTable, id: string) => rows.get(`${table}/${id}`)?.data;
  return { run, read, rows, base, data, all, put: (table: SyncTable, id: string, d: Record<string, unknown>) => rows.set(`${table}/${id}`, { data: d, fv: {} }) };
}
