import type { FieldVersion, FieldVersions, SyncTable } from '../../../shared/sync';
import type { SyncStateRow } from './rows';

/**
 * The server's version facts of a row kept on the row itself, so a pull writes one record per row
 * (a second record per row made the initial pull ~25 % slower than IndexedDB allows).
 * `v`: the row version; `d`: the (version, client) most fields were written at; `fv`: the fields
 * that differ from `d`, and every field the server stamped that the row's data lacks.
 */
export type InlineMeta = { v: number; d?: FieldVersion; fv?: FieldVersions };

/** The property holding InlineMeta on a stored row. Mutators and shadows never see it. */
export const META_KEY = '_sync';

/**
 * Tables whose rows carry InlineMeta: the large ones, whose schemas accept extra keys. The small
 * configuration tables (strict schemas) keep their facts in `syncState`, one row each.
 */
export const inlineMetaTables: ReadonlySet<SyncTable> = new Set<SyncTable>(['tickets', 'timeline', 'visits']);

type Row = Record<string, unknown>;

/** Compacts a server row's field versions against its data. */
export function compactMeta(version: number, fv: FieldVersions, data: Row): InlineMeta {
  let d: FieldVersion | undefined;
  let uniform = true;
  for (const f in fv) {
    const x = fv[f] as FieldVersion;
    if (!(f in data)) uniform = false;
    else if (!d) d = x;
    else if (x.v !== d.v || x.c !== d.c) uniform = false;
  }
  if (!d) return Object.keys(fv).length ? { v: version, fv } : { v: version };
  if (uniform) return { v: version, d: { v: d.v, c: d.c } };
  // Mixed versions: the most common pair becomes the default, the rest are listed.
  const counts = new Map<string, { n: number; x: FieldVersion }>();
  for (const f in fv) {
    if (!(f in data)) continue;
    const x = fv[f] as FieldVersion;
    const k = `${x.v}|${x.c}`;
    const e = counts.get(k);
    if (e) e.n++;
    else counts.set(k, { n: 1, x });
  }
  let best = d;
  let bestN = 0;
  for (const e of counts.values()) if (e.n > bestN) [best, bestN] = [e.x, e.n];
  const rest: FieldVersions = {};
  for (const f in fv) {
    const x = fv[f] as FieldVersion;
    if (!(f in data) || x.v !== best.v || x.c !== best.c) rest[f] = x;
  }
  return { v: version, d: { v: best.v, c: best.c }, fv: rest };
}

/**
 * Field versions from InlineMeta: every data field at the default, then the listed ones. This is a
 * superset of the server's map that agrees on each field the server stamped, so base versions built
 * from it are the ones the server expects (it ignores fields it never stamped).
 */
export function expandMeta(meta: InlineMeta, data: Row): FieldVersions {
  const out: FieldVersions = {};
  if (meta.d) for (const f in data) out[f] = meta.d;
  return meta.fv ? Object.assign(out, meta.fv) : out;
}

/** A server row as stored: its data with InlineMeta. */
export function withMeta(data: Row, version: number, fv: FieldVersions): Row {
  return { ...data, [META_KEY]: compactMeta(version, fv, data) };
}

function isMeta(v: unknown): v is InlineMeta {
  return typeof v === 'object' && v !== null && typeof (v as { v?: unknown }).v === 'number';
}

/** A stored row split into its data (what mutators and shadows see) and its InlineMeta. */
export function splitRow(row: Row | undefined): { data: Row | undefined; meta: InlineMeta | undefined } {
  if (!row || !(META_KEY in row)) return { data: row, meta: undefined };
  const { [META_KEY]: meta, ...data } = row;
  return { data, meta: isMeta(meta) ? meta : undefined };
}

/**
 * The server version and field versions a client holds for a row: while a local change is pending
 * they are in its sync state (next to the shadow); otherwise on the row, or (configuration tables,
 * and stores written before schema 5) in a sync state row without a shadow.
 */
export function serverFacts(data: Row | undefined, meta: InlineMeta | undefined, state: SyncStateRow | undefined): { version: number; fv: FieldVersions } {
  if (state?.hasShadow === 1) return { version: state.version, fv: state.fv };
  if (meta) return { version: meta.v, fv: expandMeta(meta, data ?? {}) };
  return { version: state?.version ?? 0, fv: state?.fv ?? {} };
}

/**
 * A row's sync state wherever it is kept (sync state row, or inline on the row), in the shape of a
 * sync state row without its key; undefined when the row never came from a server. For code that
 * reasons over whole stored rows, e.g. a backup merge comparing server versions.
 */
export function effectiveSyncState(row: Row | undefined, state: SyncStateRow | undefined): Omit<SyncStateRow, 'table' | 'id'> | undefined {
  if (state?.hasShadow === 1) return { version: state.version, fv: state.fv, hasShadow: 1, shadow: state.shadow ?? null };
  const { data, meta } = splitRow(row);
  if (meta) return { version: meta.v, fv: expandMeta(meta, data ?? {}), hasShadow: 0 };
  return state ? { version: state.version, fv: state.fv, hasShadow: 0 } : undefined;
}
