import pg from 'pg';

// A statement with its parameters written into the text as SQL literals, so it can travel in one
// simple-protocol message together with BEGIN or COMMIT (the extended protocol that carries
// parameters separately takes one statement per round trip with node-postgres). Only the server's
// own constant statements go through here; every value becomes a quoted literal by the driver's
// own escaping, so no value can change the statement.

function arrayLiteral(values: readonly unknown[]): string {
  const items = values.map((v) => {
    if (v === null || v === undefined) return 'NULL';
    if (typeof v !== 'string' && typeof v !== 'number') throw new TypeError(`cannot inline an array element of type ${typeof v}`);
    return `"${String(v).replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  });
  return `{${items.join(',')}}`;
}

/** One parameter as an SQL literal. */
export function sqlLiteral(v: unknown): string {
  if (v === null || v === undefined) return 'NULL';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') {
    if (!Number.isFinite(v)) throw new TypeError(`cannot inline the number ${v}`);
    return v < 0 ? `(${v})` : String(v);
  }
  if (typeof v === 'string') return pg.escapeLiteral(v);
  if (Array.isArray(v)) return pg.escapeLiteral(arrayLiteral(v));
  throw new TypeError(`cannot inline a parameter of type ${typeof v}`);
}

/** `sql` with each `$n` replaced by the literal of params[n-1]. */
export function inlineParams(sql: string, params: readonly unknown[]): string {
  return sql.replace(/\$(\d+)/g, (_, n: string) => {
    const i = Number(n) - 1;
    if (i < 0 || i >= params.length) throw new RangeError(`statement refers to $${n} but has ${params.length} parameters`);
    return sqlLiteral(params[i]);
  });
}
