import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { streamSSE } from 'hono/streaming';
import type { z } from 'zod';
import { describeZodError } from '../shared/ipc/contract';
import { loginRequestSchema, MIN_SCHEMA_VERSION, pullRequestSchema, pushRequestSchema, SCHEMA_VERSION } from '../shared/sync';
import { authenticate, login, type AuthUser } from './auth';
import { ClientIdNotYours } from './client-binding';
import type { Db } from './db/types';
import { createPokeHub } from './poke-hub';
import { pull } from './pull';
import { push } from './push';

export type ServerOptions = {
  db: Db;
  now?: () => number;
  /** Largest accepted request body in bytes. */
  maxBodyBytes?: number;
  tokenTtlMs?: number;
  /** Seconds between SSE keep-alive comments (proxies close silent streams). */
  heartbeatSeconds?: number;
};

type Env = { Variables: { user: AuthUser } };

const fail = (c: Context, status: 400 | 401 | 403 | 404 | 413 | 415 | 426 | 500, code: string, message: string) => c.json({ error: { code, message } }, status);

/** The sync server as a Hono app over a Db; stateless, so any number of instances can share one database. */
export function createServer(opts: ServerOptions) {
  const { db } = opts;
  const now = opts.now ?? Date.now;
  const hub = createPokeHub(db);
  const app = new Hono<Env>();

  app.onError((err, c) => {
    console.error('[server] unexpected error', err);
    return fail(c, 500, 'internal', 'the server failed to handle this request; nothing was changed by the failed step');
  });
  // The app calls from its own origin (the web host's address, or Electron's file:// = "null").
  // Auth is a bearer token in a header, never a cookie, so any origin may call: without the token
  // a request can do nothing.
  app.use('*', cors({ origin: '*', allowHeaders: ['authorization', 'content-type'], allowMethods: ['GET', 'POST', 'OPTIONS'], maxAge: 600 }));
  app.use(
    '*',
    bodyLimit({ maxSize: opts.maxBodyBytes ?? 1024 * 1024, onError: (c) => fail(c, 413, 'too_large', `request body is larger than ${opts.maxBodyBytes ?? 1024 * 1024} bytes; push fewer mutations at a time`) }),
  );

  async function parseBody<S extends z.ZodType>(c: Context, schema: S): Promise<{ ok: true; value: z.infer<S> } | { ok: false; res: Response }> {
    if (!(c.req.header('content-type') ?? '').includes('application/json')) return { ok: false, res: fail(c, 415, 'unsupported_media_type', 'send JSON with content-type application/json') };
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      return { ok: false, res: fail(c, 400, 'malformed_json', 'the request body is not valid JSON') };
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return { ok: false, res: fail(c, 400, 'invalid_request', describeZodError(parsed.error)) };
    return { ok: true, value: parsed.data };
  }

  function skew(c: Context, schemaVersion: number): Response | undefined {
    if (schemaVersion < MIN_SCHEMA_VERSION) return fail(c, 426, 'update_required', `this app speaks sync schema ${schemaVersion}; the server needs ${MIN_SCHEMA_VERSION} or newer. Update the app: your unsent changes are kept.`);
    if (schemaVersion > SCHEMA_VERSION) return fail(c, 400, 'server_too_old', `the server speaks sync schema up to ${SCHEMA_VERSION}; ask your admin to update it`);
    return undefined;
  }

  const requireUser = async (c: Context<Env>, next: () => Promise<void>) => {
    const header = c.req.header('authorization') ?? '';
    const token = header.startsWith('Bearer ') ? header.slice(7) : (c.req.query('token') ?? '');
    const user = token ? await authenticate(db, token, now()) : undefined;
    if (!user) return fail(c, 401, 'unauthorized', 'log in again: the session is missing or expired');
    c.set('user', user);
    await next();
  };

  app.get('/health', async (c) => {
    await db.query('SELECT 1');
    return c.json({ ok: true, db: db.kind, schemaVersion: SCHEMA_VERSION, minSchemaVersion: MIN_SCHEMA_VERSION });
  });

  app.post('/auth/login', async (c) => {
    const body = await parseBody(c, loginRequestSchema);
    if (!body.ok) return body.res;
    const r = await login(db, body.value.tenant, body.value.email, body.value.password, opts.tokenTtlMs ?? 30 * 24 * 3600_000, now());
    if (r === 'ambiguous') return fail(c, 400, 'tenant_required', 'this e-mail belongs to several organisations: enter the tenant too');
    if (!r) return fail(c, 401, 'bad_credentials', 'tenant, e-mail or password is wrong');
    return c.json({ token: r.token, expiresAt: r.expiresAt, user: { id: r.user.id, tenant: r.user.tenantId, email: r.user.email, role: r.user.role, region: r.user.region } });
  });

  app.post('/push', requireUser, async (c) => {
    const body = await parseBody(c, pushRequestSchema);
    if (!body.ok) return body.res;
    const bad = skew(c, body.value.schemaVersion);
    if (bad) return bad;
    try {
      return c.json(await push(db, c.get('user'), body.value.clientId, body.value.mutations, now));
    } catch (e) {
      if (e instanceof ClientIdNotYours) return fail(c, 403, 'client_id_not_yours', e.message);
      throw e;
    }
  });

  app.post('/pull', requireUser, async (c) => {
    const body = await parseBody(c, pullRequestSchema);
    if (!body.ok) return body.res;
    const bad = skew(c, body.value.schemaVersion);
    if (bad) return bad;
    try {
      return c.json(await pull(db, c.get('user'), body.value.clientId, body.value.cursor, body.value.limit, body.value.schemaVersion));
    } catch (e) {
      if (e instanceof ClientIdNotYours) return fail(c, 403, 'client_id_not_yours', e.message);
      throw e;
    }
  });

  app.get('/events', requireUser, (c) => {
    const user = c.get('user');
    return streamSSE(c, async (stream) => {
      let wake: (() => void) | undefined;
      let poked = false;
      const unsubscribe = await hub.subscribe(user.tenantId, () => {
        poked = true;
        wake?.();
      });
      stream.onAbort(() => wake?.());
      await stream.writeSSE({ event: 'ready', data: '{}' });
      while (!stream.aborted && !stream.closed) {
        if (!poked) {
          let timer: ReturnType<typeof setTimeout> | undefined;
          await new Promise<void>((resolve) => {
            wake = resolve;
            timer = setTimeout(resolve, (opts.heartbeatSeconds ?? 25) * 1000);
          });
          clearTimeout(timer);
        }
        if (stream.aborted || stream.closed) break;
        if (poked) {
          poked = false;
          await stream.writeSSE({ event: 'poke', data: '{}' });
        } else await stream.write(': keep-alive\n\n');
      }
      unsubscribe();
    });
  });

  return {
    app,
    fetch: app.fetch,
    async close(): Promise<void> {
      await hub.close();
    },
  };
}
export type SyncServer = ReturnType<typeof createServer>;
