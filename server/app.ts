import { Hono, type Context } from 'hono';
import { sizeLimit } from './body-limit';
import { streamSSE } from 'hono/streaming';
import type { z } from 'zod';
import { describeZodError } from '../shared/ipc/contract';
import { MIN_SCHEMA_VERSION, pullRequestSchema, pushRequestSchema, SCHEMA_VERSION } from '../shared/sync';
import { mountAccountRoutes, type AccountEnv } from './account-routes';
import { ATTACHMENT_PATH_PREFIX, createAttachmentStore, databasePieces, folderPieces, mountAttachmentRoutes, type AttachmentLimits } from './attachments';
import { corsGuard, DEFAULT_ALLOWED_ORIGINS } from './origins';
import { ClientIdNotYours } from './client-binding';
import type { Db } from './db/types';
import { currentScrypt, dummyHash, type ScryptParams } from './passwords';
import { authenticate } from './sessions';
import type { ThrottlePolicy } from './throttle';
import { createPokeHub } from './poke-hub';
import { pull } from './pull';
import { push } from './push';
import { mountMailRoutes } from './mail/mail-routes';
import type { SecretBox } from './mail/secret-box';

export type ServerOptions = {
  db: Db;
  now?: () => number;
  /** Largest accepted request body in bytes. */
  maxBodyBytes?: number;
  /** Idle lifetime of a session token; each use slides it forward (default 7 days). */
  tokenTtlMs?: number;
  /** Browser origins allowed to call (CORS); requests from any other origin are refused with 403. */
  allowedOrigins?: readonly string[];
  /** Password hashing cost for new and rehashed passwords (default: current guidance). */
  scrypt?: ScryptParams;
  throttle?: ThrottlePolicy;
  /** Behind a reverse proxy: count login failures per X-Forwarded-For address. */
  trustProxy?: boolean;
  /** Seconds between SSE keep-alive comments (proxies close silent streams). */
  heartbeatSeconds?: number;
  /** Seals mailbox passwords; without it the Settings › Mail API is not offered. */
  mailSecrets?: SecretBox;
  /** Attachment size limit, tenant quota and upload piece size (defaults in server/attachments). */
  attachmentLimits?: Partial<AttachmentLimits>;
  /** Keep attachment bytes as files in this folder instead of database rows (the embedded database's default). */
  attachmentsDir?: string;
};

type Env = AccountEnv;

const fail = (c: Context, status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 426 | 429 | 500, code: string, message: string) => c.json({ error: { code, message } }, status);

/** The sync server as a Hono app over a Db; stateless, so any number of instances can share one database. */
export function createServer(opts: ServerOptions) {
  const { db } = opts;
  const now = opts.now ?? Date.now;
  const tokenTtlMs = opts.tokenTtlMs ?? 7 * 24 * 3600_000;
  // Made now, so even the first sign-in with an unknown e-mail costs no more than a known one.
  dummyHash(opts.scrypt ?? currentScrypt()).catch(() => undefined);
  const hub = createPokeHub(db);
  const app = new Hono<Env>();

  app.onError((err, c) => {
    console.error('[server] unexpected error', err);
    return fail(c, 500, 'internal', 'the server failed to handle this request; nothing was changed by the failed step');
  });
  // Only the configured origins (default: the web host on loopback) may call from a browser; the
  // desktop app's requests carry no web origin. Any other page gets 403 before anything runs, so
  // a site the user visits cannot sign in to a server on their machine.
  app.use('*', corsGuard(opts.allowedOrigins ?? DEFAULT_ALLOWED_ORIGINS, fail));
  const jsonLimit = sizeLimit(opts.maxBodyBytes ?? 1024 * 1024, (c) => fail(c, 413, 'too_large', `request body is larger than ${opts.maxBodyBytes ?? 1024 * 1024} bytes; push fewer mutations at a time`));
  // Attachment pieces are larger than any JSON request; their routes set their own limits.
  app.use('*', (c, next) => (c.req.path.startsWith(ATTACHMENT_PATH_PREFIX) ? next() : jsonLimit(c, next)));

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

  // The token travels only in the Authorization header: URLs end up in logs and proxies.
  const requireUser = async (c: Context<Env>, next: () => Promise<void>) => {
    const header = c.req.header('authorization') ?? '';
    const user = header.startsWith('Bearer ') ? await authenticate(db, header.slice(7), 'session', now(), tokenTtlMs) : undefined;
    if (!user) return fail(c, 401, 'unauthorized', 'log in again: the session is missing or expired');
    c.set('user', user);
    await next();
  };

  // EventSource cannot send headers: the stream also accepts a one-minute ticket from /auth/events-ticket.
  const requireStreamUser = async (c: Context<Env>, next: () => Promise<void>) => {
    const ticket = c.req.query('ticket');
    if (!ticket) return requireUser(c, next);
    const user = await authenticate(db, ticket, 'events', now(), tokenTtlMs);
    if (!user) return fail(c, 401, 'unauthorized', 'the event-stream ticket is missing or expired: ask for a new one');
    c.set('user', user);
    await next();
  };

  // Without a session the server says only that it is up: no versions or database kind to fingerprint.
  app.get('/health', async (c) => {
    await db.query('SELECT 1');
    const header = c.req.header('authorization') ?? '';
    const user = header.startsWith('Bearer ') ? await authenticate(db, header.slice(7), 'session', now(), tokenTtlMs) : undefined;
    if (!user) return c.text('ok');
    return c.json({ ok: true, db: db.kind, schemaVersion: SCHEMA_VERSION, minSchemaVersion: MIN_SCHEMA_VERSION });
  });

  mountAccountRoutes(app, { db, now, tokenTtlMs, ...(opts.scrypt ? { scrypt: opts.scrypt } : {}), ...(opts.throttle ? { throttle: opts.throttle } : {}), trustProxy: opts.trustProxy ?? false, fail, parseBody, requireUser });

  if (opts.mailSecrets) mountMailRoutes(app, { db, secrets: opts.mailSecrets, fail, parseBody, requireUser });
  const attachments = createAttachmentStore(db, opts.attachmentLimits, opts.attachmentsDir ? folderPieces(opts.attachmentsDir, db.kind) : databasePieces(db.kind));
  mountAttachmentRoutes(app, { db, store: attachments, now, parseBody, requireUser });

  app.post('/push', requireUser, async (c) => {
    const body = await parseBody(c, pushRequestSchema);
    if (!body.ok) return body.res;
    const bad = skew(c, body.value.schemaVersion);
    if (bad) return bad;
    try {
      return c.json(await push(db, c.get('user'), body.value.clientId, body.value.mutations, now, attachments.discard));
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

  app.get('/events', requireStreamUser, (c) => {
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
    attachments,
    fetch: app.fetch,
    async close(): Promise<void> {
      await hub.close();
    },
  };
}
export type SyncServer = ReturnType<typeof createServer>;
