import type { NewPerson, Person, PersonChange } from '../shared/directory/people';
import type { UserRole } from '../shared/directory/schema';
import { AccountError, createUser, DEFAULT_ENGINEER_CALENDAR } from './auth';
import { knownCalendarIds } from './calendars';
import type { Db, Queryable } from './db/types';
import type { ScryptParams } from './passwords';
import { revokeUserTokens } from './sessions';

// What an admin manages in Settings › People. Every function is scoped to the admin's tenant:
// an id from another tenant is "not found", never changed.

type UserRow = { id: string; email: string; name: string; role: UserRole; region: string; active: boolean; data: { calendarId?: string; skills?: string[] } | null };

export async function listPeople(db: Db, tenant: string): Promise<Person[]> {
  // The server's own mail user (it files mail as tickets and cannot sign in) is not a person to manage.
  const rows = await db.query<UserRow>(
    `SELECT u.id, u.email, u.name, u.role, u.region, u.active, e.data FROM users u
     LEFT JOIN entities e ON e.tenant_id = u.tenant_id AND e.tbl = 'engineers' AND e.id = u.id
     WHERE u.tenant_id = $1 AND u.id NOT LIKE 'mail-system-%' ORDER BY u.active DESC, lower(u.name), u.email`,
    [tenant],
  );
  return rows.map((r) => ({ id: r.id, email: r.email, name: r.name, role: r.role, region: r.region, active: r.active, calendarId: r.data?.calendarId ?? DEFAULT_ENGINEER_CALENDAR, skills: r.data?.skills ?? [] }));
}

async function checkCalendar(db: Db, tenant: string, calendarId: string | undefined): Promise<void> {
  if (calendarId === undefined) return;
  const known = await knownCalendarIds(db, tenant);
  if (!known.includes(calendarId)) throw new AccountError('unknown_calendar', `unknown calendar "${calendarId}": use one of ${known.join(', ')}`);
}

export async function addPerson(db: Db, tenant: string, p: NewPerson, params?: ScryptParams): Promise<Person> {
  await checkCalendar(db, tenant, p.calendarId);
  const u = await createUser(db, { tenant, ...p }, params);
  return { id: u.id, email: u.email, name: p.name, role: p.role, region: p.region, calendarId: p.calendarId, skills: p.skills, active: true };
}

async function activeAdmins(tx: Queryable, tenant: string): Promise<string[]> {
  return (await tx.query<{ id: string }>(`SELECT id FROM users WHERE tenant_id = $1 AND role = 'admin' AND active FOR UPDATE`, [tenant])).map((r) => r.id);
}

/**
 * Changes a person and republishes their directory entry (a new tenant version, so every device
 * pulls the new role, region, calendar or skills). The last active admin cannot stop being one:
 * nobody could manage the organisation any more.
 */
export async function changePerson(db: Db, tenant: string, id: string, change: PersonChange): Promise<Person> {
  await checkCalendar(db, tenant, change.calendarId);
  await db.transaction(async (tx) => {
    const admins = await activeAdmins(tx, tenant);
    const [user] = await tx.query<{ role: UserRole }>('SELECT role FROM users WHERE tenant_id = $1 AND id = $2 FOR UPDATE', [tenant, id]);
    if (!user) throw new AccountError('not_found', 'no such person in this organisation');
    if (change.role && change.role !== 'admin' && admins.length === 1 && admins[0] === id) throw new AccountError('last_admin', 'this is the only active admin: make someone else an admin first');
    await tx.query('UPDATE users SET name = COALESCE($3, name), role = COALESCE($4, role), region = COALESCE($5, region) WHERE tenant_id = $1 AND id = $2', [tenant, id, change.name ?? null, change.role ?? null, change.region ?? null]);
    const [v] = await tx.query<{ version: string | number }>('UPDATE tenants SET version = version + 1 WHERE id = $1 RETURNING version', [tenant]);
    const version = Number(v?.version);
    const stamp = { v: version, c: 'server' };
    const fv = Object.fromEntries(Object.keys(change).map((k) => [k, stamp]));
    await tx.query(`UPDATE entities SET data = data || $3::jsonb, fv = fv || $4::jsonb, version = $5 WHERE tenant_id = $1 AND tbl = 'engineers' AND id = $2`, [tenant, id, JSON.stringify(change), JSON.stringify(fv), version]);
  });
  const person = (await listPeople(db, tenant)).find((p) => p.id === id);
  if (!person) throw new AccountError('not_found', 'no such person in this organisation');
  return person;
}

/**
 * Deactivates (or reactivates) a person. Deactivation ends every session of theirs at once: their
 * devices get 401 at the next request and cannot sign in again. Their tickets and history stay.
 */
export async function setActive(db: Db, tenant: string, id: string, active: boolean, by: string): Promise<Person> {
  await db.transaction(async (tx) => {
    const admins = await activeAdmins(tx, tenant);
    const [user] = await tx.query<{ id: string }>('SELECT id FROM users WHERE tenant_id = $1 AND id = $2 FOR UPDATE', [tenant, id]);
    if (!user) throw new AccountError('not_found', 'no such person in this organisation');
    if (!active && id === by) throw new AccountError('last_admin', 'you cannot deactivate yourself; another admin can');
    if (!active && admins.length === 1 && admins[0] === id) throw new AccountError('last_admin', 'this is the only active admin: make someone else an admin first');
    await tx.query('UPDATE users SET active = $3 WHERE tenant_id = $1 AND id = $2', [tenant, id, active]);
    if (!active) await revokeUserTokens(tx, id);
  });
  const person = (await listPeople(db, tenant)).find((p) => p.id === id);
  if (!person) throw new AccountError('not_found', 'no such person in this organisation');
  return person;
}
