/** One result row; drivers differ on numeric types, so callers convert with Number(). */
export type Row = Record<string, unknown>;

export type Queryable = { query: <T extends Row = Row>(sql: string, params?: unknown[]) => Promise<T[]> };

/** The server's only view of its database: PostgreSQL (pg Pool) or embedded PGlite run the same SQL. */
export type Db = Queryable & {
  kind: 'postgres' | 'pglite';
  /** Runs fn in one transaction; commits if it resolves, rolls back if it throws. */
  transaction: <T>(fn: (tx: Queryable) => Promise<T>) => Promise<T>;
  /** Subscribes to NOTIFY on a channel; returns the unsubscribe function. */
  listen: (channel: string, onPayload: (payload: string) => void) => Promise<() => Promise<void>>;
  close: () => Promise<void>;
};
