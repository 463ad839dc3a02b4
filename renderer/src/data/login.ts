import { userRoleSchema, type UserRole } from '../../../shared/directory/schema';
import { errorResponseSchema, loginResponseSchema, syncTables } from '../../../shared/sync';
import { syncScope, type ServiceDeskDb } from './db';
import type { Actor } from './local-apply';
import { setActor } from './mutate';

export type LoginUser = { id: string; role: UserRole; region: string; tenant: string; email: string };
export type LoginResult = { token: string; expiresAt: number; user: LoginUser };

export type LoginErrorCode = 'bad_credentials' | 'tenant_required' | 'offline' | 'invalid_request' | 'server_error';

/** A login the server refused or could not be reached for; `message` is for people. */
export class LoginError extends Error {
  constructor(
    readonly code: LoginErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'LoginError';
  }
}

/**
 * Logs in to the sync server and returns the token and who the user is. The caller keeps the
 * token through the host's secrets call (never in IndexedDB) and records the actor with signIn.
 * `tenant` is needed only when the e-mail belongs to several organisations.
 */
export async function loginToServer(baseUrl: string, email: string, password: string, fetchFn: typeof fetch = (...a) => fetch(...a), tenant?: string): Promise<LoginResult> {
  const url = `${baseUrl.replace(/\/+$/, '')}/auth/login`;
  let res: Response;
  try {
    res = await fetchFn(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password, ...(tenant ? { tenant } : {}) }) });
  } catch (e) {
    throw new LoginError('offline', `the server at ${baseUrl} cannot be reached (${e instanceof Error ? e.message : String(e)})`);
  }
  const raw: unknown = await res.json().catch(() => undefined);
  if (!res.ok) {
    const err = errorResponseSchema.safeParse(raw);
    const code = err.success ? err.data.error.code : '';
    const message = err.success ? err.data.error.message : `the server answered HTTP ${res.status}`;
    if (res.status === 401) throw new LoginError('bad_credentials', message);
    if (code === 'tenant_required') throw new LoginError('tenant_required', message);
    throw new LoginError(res.status < 500 ? 'invalid_request' : 'server_error', message);
  }
  const body = loginResponseSchema.safeParse(raw);
  const role = userRoleSchema.safeParse(body.success ? body.data.user.role : undefined);
  if (!body.success || !role.success) throw new LoginError('server_error', 'the server sent an answer this app does not understand; is the URL a Service Desk sync server?');
  const u = body.data.user;
  return { token: body.data.token, expiresAt: body.data.expiresAt, user: { id: u.id, role: role.data, region: u.region, tenant: u.tenant, email: u.email } };
}

/** The actor local mutations are made as, from a login answer. */
export function actorFromLogin(user: LoginUser): Actor {
  return { userId: user.id, role: user.role, region: user.region };
}

/** Records the logged-in user as the actor of local mutations. */
export async function signIn(db: ServiceDeskDb, result: LoginResult): Promise<void> {
  await setActor(db, actorFromLogin(result.user));
}

/**
 * Logs out on this device: forgets the actor (the host drops the token). Unsent changes stay in
 * the outbox and are pushed after the next login.
 */
export async function logout(db: ServiceDeskDb): Promise<void> {
  await setActor(db, undefined);
}

/** Whose server data the synced tables hold. */
export type SyncIdentity = { baseUrl: string; tenant: string; userId: string };

const IDENTITY_KEY = 'syncIdentity';

/**
 * Call before signing in. When the synced rows came from another server, tenant or user, they are
 * dropped and the cursor restarts at 0, so the next pull brings exactly what this user may see
 * (nothing of the previous tenant stays on the device; the outbox is kept). Returns true on a reset.
 */
export async function adoptIdentity(db: ServiceDeskDb, identity: SyncIdentity): Promise<boolean> {
  return db.transaction('rw', syncScope(db), async () => {
    const row = await db.meta.get(IDENTITY_KEY);
    const prev = row?.value as SyncIdentity | undefined;
    const same = !prev || (prev.baseUrl === identity.baseUrl && prev.tenant === identity.tenant && prev.userId === identity.userId);
    await db.meta.put({ key: IDENTITY_KEY, value: identity });
    // No identity recorded: the store predates this check (same user) or never synced.
    if (same) return false;
    await Promise.all(syncTables.map((t) => db.synced(t).clear()));
    await db.syncState.clear();
    await db.meta.put({ key: 'cursor', value: 0 });
    return true;
  });
}
