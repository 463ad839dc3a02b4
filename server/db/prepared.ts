// Statements the server runs on every push are long CTEs: PostgreSQL spends as long parsing and
// planning them as running them. Marking one here makes the PostgreSQL driver send it as a named
// prepared statement (parsed once per connection); PGlite runs in-process and ignores the mark.
const names = new Map<string, string>();

/** Marks `sql` (a constant statement with $n parameters) to be prepared once per connection; returns it unchanged. */
export function prepared(sql: string): string {
  if (!names.has(sql)) names.set(sql, `sd_${names.size + 1}`);
  return sql;
}

/** The prepared-statement name of `sql`, if it was marked. */
export function preparedName(sql: string): string | undefined {
  return names.get(sql);
}
