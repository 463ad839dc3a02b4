/** Rows by id, as a Map (the app) or a plain record (tests, imports, presets). */
export type Lookup<T> = ReadonlyMap<string, T> | Readonly<Record<string, T>>;

/** The row with this id, if any. */
export function lookup<T>(rows: Lookup<T> | undefined, id: string | undefined): T | undefined {
  if (rows === undefined || id === undefined) return undefined;
  return rows instanceof Map ? rows.get(id) : (rows as Readonly<Record<string, T>>)[id];
}

/** Every row of a lookup. */
export function rowsOf<T>(rows: Lookup<T> | undefined): T[] {
  if (rows === undefined) return [];
  return rows instanceof Map ? [...rows.values()] : Object.values(rows as Readonly<Record<string, T>>);
}

const byCustomerCache = new WeakMap<object, Map<string, unknown[]>>();

/** Rows grouped by customer id, built once per lookup object (the app builds a new one on every change). */
export function byCustomer<T extends { customerId: string }>(rows: Lookup<T> | undefined, customerId: string): T[] {
  if (rows === undefined) return [];
  let index = byCustomerCache.get(rows) as Map<string, T[]> | undefined;
  if (!index) {
    index = new Map();
    for (const r of rowsOf(rows)) {
      const list = index.get(r.customerId);
      if (list) list.push(r);
      else index.set(r.customerId, [r]);
    }
    byCustomerCache.set(rows, index as Map<string, unknown[]>);
  }
  return index.get(customerId) ?? [];
}
