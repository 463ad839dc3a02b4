import { createHash, randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';
import type { UserRole } from '../shared/directory/schema';
import type { Db, Queryable } from './db/types';

const scrypt = promisify(scryptCb) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;

export type AuthUser = { id: string; tenantId: string; email: string; role: UserRole; region: string };

/** `scrypt$<salt b64>$<hash b64>`; the format names the algorithm so it can change later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(password, salt, 32);
  return `scrypt$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [algo, saltB64, hashB64] = stored.split('$');
  if (algo !== 'scrypt' || !saltB64 || !hashB64) return false;
  const expected = Buffer.from(hashB64, 'base64');
  const actual = await scrypt(password, Buffer.from(saltB64, 'base64'), expected.length);
  return timingSafeEqual(actual, expected);
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export async function ensureTenant(db: Queryable, id: string, name = id): Promise<void> {
  await db.query('INSERT INTO tenants (id, name) VALUES ($1, $2) ON CONFLICT (id) DO NOTHING', [id, name]);
}

export type NewUser = { tenant: string; email: string; name?: string; role: UserRole; region: string; password: string; calendarId?: string; skills?: string[] };

/** A calendar every device ships with (resources/presets/calendars), so a new engineer can be booked at once. */
export const DEFAULT_ENGINEER_CALENDAR = 'weekdays-0830-1700';

/**
 * Creates a user (and its tenant if new) and publishes them as an engineer in the tenant's
 * directory so every device can show and assign them.
 */
export async function createUser(db: Db, u: NewUser): Promise<AuthUser> {
  const id = `u_${randomBytes(8).toString('hex')}`;
  const passwordHash = await hashPassword(u.password);
  const email = u.email.trim().toLowerCase();
  await db.transaction(async (tx) => {
    await ensureTenant(tx, u.tenant);
    await tx.query('INSERT INTO users (id, tenant_id, email, name, role, region, password_hash) VALUES ($1,$2,$3,$4,$5,$6,$7)', [id, u.tenant, email, u.name ?? email, u.role, u.region, passwordHash]);
    const [v] = await tx.query<{ version: string | number }>('UPDATE tenants SET version = version + 1 WHERE id = $1 RETURNING version', [u.tenant]);
    const engineer = { id, name: u.name ?? email, email, role: u.role, region: u.region, skills: u.skills ?? [], calendarId: u.calendarId ?? DEFAULT_ENGINEER_CALENDAR };
    await tx.query(
      `INSERT INTO entities (tenant_id, tbl, id, ticket_id, data, fv, version) VALUES ($1, 'engineers', $2, NULL, $3, '{}', $4)`,
      [u.tenant, id, JSON.stringify(engineer), Number(v?.version)],
    );
  });
  return { id, tenantId: u.tenant, email, role: u.role, region: u.region };
}

/**
 * Checks the password and mints a token. Without a tenant the e-mail must belong to exactly one
 * tenant ('ambiguous' otherwise, so the app asks for the tenant).
 */
export async function login(db: Db, tenant: string | undefined, email: string, password: string, ttlMs: number, now: number): Promise<{ token: string; expiresAt: number; user: AuthUser } | 'ambiguous' | undefined> {
  const rows = await db.query<{ id: string; tenant_id: string; email: string; role: UserRole; region: string; password_hash: string }>(
    'SELECT id, tenant_id, email, role, region, password_hash FROM users WHERE ($1::text IS NULL OR tenant_id = $1) AND email = $2 LIMIT 2',
    [tenant ?? null, email.trim().toLowerCase()],
  );
  if (rows.length > 1) return 'ambiguous';
  const [row] = rows;
  if (!row || !(await verifyPassword(password, row.password_hash))) return undefined;
  const token = randomBytes(32).toString('base64url');
  const expiresAt = now + ttlMs;
  await db.query('INSERT INTO tokens (token_hash, user_id, expires_at) VALUES ($1, $2, to_timestamp($3 / 1000.0))', [sha256(token), row.id, expiresAt]);
  return { token, expiresAt, user: { id: row.id, tenantId: row.tenant_id, email: row.email, role: row.role, region: row.region } };
}

export async function authenticate(db: Db, token: string, now: number): Promise<AuthUser | undefined> {
  const [row] = await db.query<{ id: string; tenant_id: string; email: string; role: UserRole; region: string }>(
    `SELECT u.id, u.tenant_id, u.email, u.role, u.region FROM tokens t JOIN users u ON u.id = t.user_id
     WHERE t.token_hash = $1 AND t.expires_at > to_timestamp($2 / 1000.0)`,
    [sha256(token), now],
  );
  return row ? { id: row.id, tenantId: row.tenant_id, email: row.email, role: row.role, region: row.region } : undefined;
}
