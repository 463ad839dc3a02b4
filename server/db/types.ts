/** One result row; drivers differ on numeric types, so callers convert with Number(). */
export type Row = Record<string, unknown>;

export type Queryable = { query: <T extends Row = Row>(sql: string, params?: unknown[]) => Promise<T[]> };

/**
 * A transaction that may save round trips: the driver may send BEGIN with the first statement and
 * COMMIT with the statement run through `last` (after which the transaction takes no more
 * statements). Errors behave as in `transaction`: nothing is committed.
 */
export type BriefTx = Queryable & { last: <T extends Row = Row>(sql: string, params?: unknown[]) => Promise<T[]> };

/** The server's only view of its database: PostgreSQL (pg Pool) or embedded PGlite run the same SQL. */
export type Db = Queryable & {
  kind: 'postgres' | 'pglite';
  /** Runs fn in one transaction; commits if it resolves, rolls back if it throws. */
  transaction: <T>(fn: (tx: Queryable) => Promise<T>) => Promise<T>;
  /**
   * `transaction` for short, hot transactions (a device's push): on PostgreSQL, BEGIN travels with
   * the first statement and COMMIT with the `last` one, so a push costs two round trips, not four.
   */
  briefTransaction: <T>(fn: (tx: BriefTx) => Promise<T>) => Promise<T>;
  /** Subscribes to NOTIFY on a channel; returns the unsubscribe function. */
  listen: (channel: string, onPayload: (payload: string) => void) => Promise<() => Promise<void>>;
  close: () => Promise<void>;
};
