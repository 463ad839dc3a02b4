import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import { newPersonSchema, personChangeSchema } from '../shared/directory/people';
import { loginRequestSchema } from '../shared/sync';
import { AccountError, login, type AuthUser } from './auth';
import type { Db } from './db/types';
import type { ScryptParams } from './passwords';
import { addPerson, changePerson, listPeople, setActive } from './people';
import { EVENTS_TICKET_TTL_MS, issueToken, revokeToken } from './sessions';
import type { ThrottlePolicy } from './throttle';

export type AccountEnv = { Variables: { user: AuthUser } };
type Fail = (c: Context, status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429, code: string, message: string) => Response;
type ParseBody = <S extends z.ZodType>(c: Context, schema: S) => Promise<{ ok: true; value: z.infer<S> } | { ok: false; res: Response }>;
type Middleware = (c: Context<AccountEnv>, next: () => Promise<void>) => Promise<Response | void>;

export type AccountDeps = {
  db: Db;
  now: () => number;
  tokenTtlMs: number;
  scrypt?: ScryptParams;
  throttle?: ThrottlePolicy;
  /** Take the client address from X-Forwarded-For (only behind a proxy that sets it). */
  trustProxy: boolean;
  fail: Fail;
  parseBody: ParseBody;
  requireUser: Middleware;
};

/** The address login throttling counts against: the socket's peer, or the proxy's report of it. */
function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // Requests handed to app.fetch directly (tests, other adapters) have no socket.
    return 'unknown';
  }
}

const accountStatus = { weak_password: 400, unknown_calendar: 400, email_taken: 409, not_found: 404, last_admin: 409 } as const;

/** Login, logout, event-stream tickets and the admin's People API. */
export function mountAccountRoutes(app: Hono<AccountEnv>, d: AccountDeps): void {
  const { db, fail, parseBody, requireUser } = d;

  app.post('/auth/login', async (c) => {
    const body = await parseBody(c, loginRequestSchema);
    if (!body.ok) return body.res;
    const r = await login(db, { ...body.value, address: clientAddress(c, d.trustProxy) }, { ttlMs: d.tokenTtlMs, now: d.now(), ...(d.scrypt ? { scrypt: d.scrypt } : {}), ...(d.throttle ? { throttle: d.throttle } : {}) });
    if (r.kind === 'throttled') {
      const seconds = Math.max(1, Math.ceil(r.retryAfterMs / 1000));
      c.header('Retry-After', String(seconds));
      return fail(c, 429, 'too_many_attempts', `too many failed sign-ins: try again in ${seconds} s`);
    }
    if (r.kind === 'ambiguous') return fail(c, 400, 'tenant_required', 'this e-mail belongs to several organisations: enter the tenant too');
    if (r.kind === 'bad_credentials') return fail(c, 401, 'bad_credentials', 'tenant, e-mail or password is wrong');
    return c.json({ token: r.token, expiresAt: r.expiresAt, user: { id: r.user.id, tenant: r.user.tenantId, email: r.user.email, role: r.user.role, region: r.user.region } });
  });

  // Ends the session the request carries; the device keeps its data until the user says otherwise.
  app.post('/auth/logout', requireUser, async (c) => {
    await revokeToken(db, (c.req.header('authorization') ?? '').slice('Bearer '.length));
    return c.json({ ok: true });
  });

  app.post('/auth/events-ticket', requireUser, async (c) => {
    const t = await issueToken(db, c.get('user').id, 'events', EVENTS_TICKET_TTL_MS, d.now());
    return c.json({ ticket: t.token, expiresAt: t.expiresAt });
  });

  const requireAdmin: Middleware = async (c, next) => {
    if (c.get('user').role !== 'admin') return fail(c, 403, 'forbidden', 'only an admin can manage people');
    await next();
  };
  const accountError = (c: Context, e: unknown): Response => {
    if (e instanceof AccountError) return fail(c, accountStatus[e.code], e.code, e.message);
    throw e;
  };

  app.get('/people', requireUser, requireAdmin, async (c) => c.json({ people: await listPeople(db, c.get('user').tenantId) }));

  app.post('/people', requireUser, requireAdmin, async (c) => {
    const body = await parseBody(c, newPersonSchema);
    if (!body.ok) return body.res;
    try {
      return c.json({ person: await addPerson(db, c.get('user').tenantId, body.value, d.scrypt) }, 201);
    } catch (e) {
      return accountError(c, e);
    }
  });

  app.post('/people/:id', requireUser, requireAdmin, async (c) => {
    const body = await parseBody(c, personChangeSchema);
    if (!body.ok) return body.res;
    try {
      return c.json({ person: await changePerson(db, c.get('user').tenantId, c.req.param('id') ?? '', body.value) });
    } catch (e) {
      return accountError(c, e);
    }
  });

  for (const [path, active] of [['deactivate', false], ['reactivate', true]] as const) {
    app.post(`/people/:id/${path}`, requireUser, requireAdmin, async (c) => {
      try {
        const u = c.get('user');
        return c.json({ person: await setActive(db, u.tenantId, c.req.param('id') ?? '', active, u.id) });
      } catch (e) {
        return accountError(c, e);
      }
    });
  }
}
