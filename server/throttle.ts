import type { Db } from './db/types';

/**
 * Login throttling, kept in the database so every instance behind a load balancer sees the same
 * counts. An account (its e-mail, whether or not it exists) and a client address are counted
 * separately: guessing one person's password slows down only that e-mail and that address, and
 * colleagues signing in elsewhere are unaffected. After `free` failures the next attempt waits
 * `baseLockMs`, and each further failure doubles the wait, up to `maxLockMs`; failures older than `forgetMs` are forgotten.
 */
export type ThrottlePolicy = { accountFree: number; addressFree: number; baseLockMs: number; maxLockMs: number; forgetMs: number };

export const DEFAULT_THROTTLE: ThrottlePolicy = { accountFree: 5, addressFree: 20, baseLockMs: 1000, maxLockMs: 15 * 60_000, forgetMs: 60 * 60_000 };

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;
export const addressKey = (address: string) => `address:${address}`;

const ts = (ms: number) => new Date(ms).toISOString();

/** Milliseconds until the first of `keys` may try again (0 = not locked). */
export async function lockedFor(db: Db, keys: string[], now: number): Promise<number> {
  const rows = await db.query<{ until: Date | string }>('SELECT locked_until AS until FROM login_failures WHERE key = ANY($1) AND locked_until > $2', [keys, ts(now)]);
  return rows.reduce((max, r) => Math.max(max, new Date(r.until).getTime() - now), 0);
}

/** Counts one failed login against each key and locks the keys that are over their allowance. */
export async function recordFailure(db: Db, keys: Array<{ key: string; free: number }>, now: number, policy: ThrottlePolicy): Promise<void> {
  await db.transaction(async (tx) => {
    for (const { key, free } of keys) {
      const [row] = await tx.query<{ failures: number; last: Date | string }>('SELECT failures, last_failure AS last FROM login_failures WHERE key = $1 FOR UPDATE', [key]);
      const failures = row && now - new Date(row.last).getTime() < policy.forgetMs ? Number(row.failures) + 1 : 1;
      const over = failures - free;
      const lock = over >= 0 ? Math.min(policy.maxLockMs, policy.baseLockMs * 2 ** Math.min(over, 30)) : 0;
      await tx.query(
        `INSERT INTO login_failures (key, failures, last_failure, locked_until) VALUES ($1, $2, $3, $4)
         ON CONFLICT (key) DO UPDATE SET failures = $2, last_failure = $3, locked_until = $4`,
        [key, failures, ts(now), lock > 0 ? ts(now + lock) : null],
      );
    }
  });
}

/** A successful login forgets the account's failures (the address keeps its count until it ages out). */
export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.query('DELETE FROM login_failures WHERE key = $1', [key]);
}

/** Drops counts nobody needs any more, so the table stays as small as the recent failures. */
export async function purgeFailures(db: Db, now: number, policy: ThrottlePolicy): Promise<void> {
  await db.query('DELETE FROM login_failures WHERE last_failure < $1 AND (locked_until IS NULL OR locked_until < $2)', [ts(now - policy.forgetMs), ts(now)]);
}
