import { createHash, randomBytes } from 'node:crypto';
import type { UserRole } from '../shared/directory/schema';
import type { Db } from './db/types';

/** The signed-in user a session token stands for. */
export type AuthUser = { id: string; tenantId: string; email: string; role: UserRole; region: string };

/** Only a hash of each token is stored, so a database leak does not hand out sessions. */
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const ts = (ms: number) => new Date(ms).toISOString();

export type TokenKind = 'session' | 'events';
/** An event-stream ticket travels in a URL (EventSource cannot send headers), so it lives one minute. */
export const EVENTS_TICKET_TTL_MS = 60_000;

export async function issueToken(db: Db, userId: string, kind: TokenKind, ttlMs: number, now: number): Promise<{ token: string; expiresAt: number }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = now + ttlMs;
  await db.query('INSERT INTO tokens (token_hash, user_id, expires_at, kind, created_at) VALUES ($1, $2, $3, $4, $5)', [sha256(token), userId, ts(expiresAt), kind, ts(now)]);
  return { token, expiresAt };
}

/**
 * The active user a token of `kind` belongs to. Session tokens slide: a token used after a tenth
 * of its lifetime has passed is extended to a full lifetime again, so a device in daily use is
 * never logged out mid-shift, while one left unused expires (one write per tenth of the lifetime,
 * not one per request).
 */
export async function authenticate(db: Db, token: string, kind: TokenKind, now: number, ttlMs: number): Promise<AuthUser | undefined> {
  const hash = sha256(token);
  const [row] = await db.query<{ id: string; tenant_id: string; email: string; role: UserRole; region: string; expires: Date | string }>(
    `SELECT u.id, u.tenant_id, u.email, u.role, u.region, t.expires_at AS expires FROM tokens t JOIN users u ON u.id = t.user_id
     WHERE t.token_hash = $1 AND t.kind = $2 AND t.expires_at > $3 AND u.active`,
    [hash, kind, ts(now)],
  );
  if (!row) return undefined;
  if (kind === 'session' && new Date(row.expires).getTime() < now + ttlMs * 0.9) {
    await db.query('UPDATE tokens SET expires_at = $2 WHERE token_hash = $1', [hash, ts(now + ttlMs)]);
  }
  return { id: row.id, tenantId: row.tenant_id, email: row.email, role: row.role, region: row.region };
}

/** Ends one session (and nothing else of the user's). */
export async function revokeToken(db: Db, token: string): Promise<void> {
  await db.query('DELETE FROM tokens WHERE token_hash = $1', [sha256(token)]);
}

/** Ends every session and ticket of a user (deactivation). */
export async function revokeUserTokens(db: Pick<Db, 'query'>, userId: string): Promise<void> {
  await db.query('DELETE FROM tokens WHERE user_id = $1', [userId]);
}
