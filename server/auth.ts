import { randomBytes } from 'node:crypto';
import { MIN_PASSWORD_LENGTH, passwordSchema } from '../shared/directory/people';
import type { UserRole } from '../shared/directory/schema';
import type { Db, Queryable } from './db/types';
import { currentScrypt, dummyHash, hashPassword, verifyPassword, type ScryptParams } from './passwords';
import { issueToken, type AuthUser } from './sessions';
import { accountKey, addressKey, clearFailures, DEFAULT_THROTTLE, lockedFor, purgeFailures, recordFailure, type ThrottlePolicy } from './throttle';

export type { AuthUser } from './sessions';

/** A request about accounts the server refuses; `message` is for people. */
export class AccountError extends Error {
  constructor(
    readonly code: 'weak_password' | 'email_taken' | 'unknown_calendar' | 'not_found' | 'last_admin',
    message: string,
  ) {
    super(message);
    this.name = 'AccountError';
  }
}

export async function ensureTenant(db: Queryable, id: string, name = id): Promise<void> {
  await db.query('INSERT INTO tenants (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [id, name]);
}

export type NewUser = { tenant: string; email: string; name?: string; role: UserRole; region: string; password: string; calendarId?: string; skills?: string[]; /** A hash of `password` made already (the demo users share one). */ passwordHash?: string };

/** A calendar every device ships with (resources/presets/calendars), so a new engineer can be booked at once. */
export const DEFAULT_ENGINEER_CALENDAR = 'weekdays-0830-1700';

/**
 * Creates a user (and its tenant if new) and publishes them as an engineer in the tenant's
 * directory so every device can show and assign them. Refuses a short password and an e-mail the
 * tenant already has.
 */
export async function createUser(db: Db, u: NewUser, params: ScryptParams = currentScrypt()): Promise<AuthUser> {
  if (!passwordSchema.safeParse(u.password).success) throw new AccountError('weak_password', `the password must have at least ${MIN_PASSWORD_LENGTH} characters (and at most 256)`);
  const id = `u_${randomBytes(8).toString('hex')}`;
  const passwordHash = u.passwordHash ?? (await hashPassword(u.password, params));
  const email = u.email.trim().toLowerCase();
  await db.transaction(async (tx) => {
    await ensureTenant(tx, u.tenant);
    const inserted = await tx.query('INSERT INTO users (id, tenant_id, email, name, role, region, password_hash) VALUES ($1,$2,$3,$4,$5,$6,$7) ON CONFLICT (tenant_id, email) DO NOTHING RETURNING id', [id, u.tenant, email, u.name ?? email, u.role, u.region, passwordHash]);
    if (inserted.length === 0) throw new AccountError('email_taken', `${email} already has an account in this organisation`);
    const [v] = await tx.query<{ version: string | number }>('UPDATE tenants SET version = version + 1 WHERE id = $1 RETURNING version', [u.tenant]);
    const engineer = { id, name: u.name ?? email, email, role: u.role, region: u.region, skills: u.skills ?? [], calendarId: u.calendarId ?? DEFAULT_ENGINEER_CALENDAR };
    await tx.query(
      `INSERT INTO entities (tenant_id, tbl, id, ticket_id, data, fv, version) VALUES ($1, 'engineers', $2, NULL, $3, '{}', $4)`,
      [u.tenant, id, JSON.stringify(engineer), Number(v?.version)],
    );
  });
  return { id, tenantId: u.tenant, email, role: u.role, region: u.region };
}

export type LoginRequest = { tenant?: string; email: string; password: string; address: string };
export type LoginOptions = { ttlMs: number; now: number; scrypt?: ScryptParams; throttle?: ThrottlePolicy };
export type LoginOutcome =
  | { kind: 'ok'; token: string; expiresAt: number; user: AuthUser }
  | { kind: 'ambiguous' }
  | { kind: 'bad_credentials' }
  | { kind: 'throttled'; retryAfterMs: number };

/**
 * Checks the password and mints a token. Without a tenant the e-mail must belong to exactly one
 * tenant ('ambiguous' otherwise, so the app asks for the tenant). An unknown e-mail or a
 * deactivated account costs the same password check as a real one, so answers do not tell which
 * e-mails exist. A hash made with older parameters is replaced at this successful login.
 */
export async function login(db: Db, req: LoginRequest, o: LoginOptions): Promise<LoginOutcome> {
  const policy = o.throttle ?? DEFAULT_THROTTLE;
  const params = o.scrypt ?? currentScrypt();
  const email = req.email.trim().toLowerCase();
  const keys = [accountKey(email), addressKey(req.address)];
  const wait = await lockedFor(db, keys, o.now);
  if (wait > 0) return { kind: 'throttled', retryAfterMs: wait };

  const rows = await db.query<{ id: string; tenant_id: string; email: string; role: UserRole; region: string; password_hash: string; active: boolean }>(
    'SELECT id, tenant_id, email, role, region, password_hash, active FROM users WHERE ($1::text IS NULL OR tenant_id = $1) AND email = $2 LIMIT 2',
    [req.tenant ?? null, email],
  );
  if (rows.length > 1) return { kind: 'ambiguous' };
  const [row] = rows;
  const check = await verifyPassword(req.password, row?.password_hash ?? (await dummyHash(params)), params);
  if (!row || !row.active || !check.ok) {
    await recordFailure(db, [{ key: keys[0] as string, free: policy.accountFree }, { key: keys[1] as string, free: policy.addressFree }], o.now, policy);
    return { kind: 'bad_credentials' };
  }
  await clearFailures(db, keys[0] as string);
  if (check.rehash) await db.query('UPDATE users SET password_hash = $2 WHERE id = $1', [row.id, await hashPassword(req.password, params)]);
  await purgeExpired(db, o.now, policy);
  const { token, expiresAt } = await issueToken(db, row.id, 'session', o.ttlMs, o.now);
  return { kind: 'ok', token, expiresAt, user: { id: row.id, tenantId: row.tenant_id, email: row.email, role: row.role, region: row.region } };
}

/** Expired tokens and stale throttle counts are dropped at each login: nothing accumulates. */
async function purgeExpired(db: Db, now: number, policy: ThrottlePolicy): Promise<void> {
  await db.query('DELETE FROM tokens WHERE expires_at <= $1', [new Date(now).toISOString()]);
  await purgeFailures(db, now, policy);
}
