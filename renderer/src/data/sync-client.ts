import { pullResponseSchema, pushResponseSchema, SCHEMA_VERSION, errorResponseSchema, type PullResponse, type PushResponse } from '../../../shared/sync';
import { eventsTicketResponseSchema } from '../../../shared/directory/session';
import type { ServiceDeskDb } from './db';
import { cacheAssignedAttachments, uploadPendingAttachments } from './attachment-transfer';
import { getClientId } from './mutate';
import { applyPullPage } from './rebase';
import { PUSHED_THROUGH_KEY } from './withdraw';
import { backoffDelay, createSyncStatusStore, type SyncStatus, type SyncStatusStore } from './sync-status';

export type SyncClientOptions = {
  db: ServiceDeskDb;
  /** e.g. https://sync.example.com (no trailing slash). */
  baseUrl: string;
  /** The host keeps the token (Electron safeStorage); undefined = not logged in. Never stored in IndexedDB. */
  getToken: () => string | undefined | Promise<string | undefined>;
  fetch?: typeof fetch;
  now?: () => number;
  random?: () => number;
  schemaVersion?: number;
  pushBatch?: number;
  pullLimit?: number;
  /** Periodic sync while started; 0 disables the timer. */
  intervalMs?: number;
  /** Subscribes to "the network came back"; the default uses window's online event when there is a window. */
  onOnline?: (fn: () => void) => () => void;
  /**
   * Opens the server's poke stream; the default uses EventSource when available. `onClosed` is
   * called when the stream gave up for good (e.g. its ticket expired while reconnecting).
   */
  connectEvents?: (url: string, onPoke: () => void, onClosed?: () => void) => () => void;
};

export type SyncClient = {
  status: SyncStatusStore;
  /** Runs one full sync now (push then pull); concurrent calls share the running one. */
  syncNow: () => Promise<SyncStatus>;
  /** Starts the triggers: online event, server poke, timer, and an initial sync. */
  start: () => void;
  stop: () => void;
};

class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

function defaultOnOnline(fn: () => void): () => void {
  if (typeof window === 'undefined') return () => undefined;
  window.addEventListener('online', fn);
  return () => window.removeEventListener('online', fn);
}

function defaultConnectEvents(url: string, onPoke: () => void, onClosed?: () => void): () => void {
  if (typeof EventSource === 'undefined') return () => undefined;
  const es = new EventSource(url);
  es.addEventListener('poke', onPoke);
  // EventSource retries network errors itself; a refused ticket (401) closes it for good.
  es.addEventListener('error', () => {
    if (es.readyState === EventSource.CLOSED) onClosed?.();
  });
  return () => es.close();
}

/** The sync client: pushes the outbox, pulls pages since the cursor, rebases pending changes; retries with backoff. */
export function createSyncClient(opts: SyncClientOptions): SyncClient {
  const { db } = opts;
  const doFetch = opts.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a));
  const now = opts.now ?? Date.now;
  const random = opts.random ?? Math.random;
  const schemaVersion = opts.schemaVersion ?? SCHEMA_VERSION;
  const status = createSyncStatusStore();
  let running: Promise<SyncStatus> | undefined;
  let again = false;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  const stops: Array<() => void> = [];
  let started = false;
  // The poke stream is opened with the token in force; a new token (another login) reopens it at once.
  let events: { token: string; close: () => void } | undefined;

  let tokenReads = 0;
  /** Reads the token and follows it with the poke stream, unless a later read overtook this one. */
  async function readToken(): Promise<string | undefined> {
    const seq = ++tokenReads;
    const token = await opts.getToken();
    if (seq === tokenReads) followToken(token);
    return token;
  }

  /**
   * Opens the poke stream for this session. EventSource cannot send the token in a header, and a
   * token in a URL ends up in logs, so the stream opens with a one-minute ticket asked for with the
   * token. A failed ticket request or a stream that gave up is retried at the next sync.
   */
  function followToken(token: string | undefined): void {
    if (!started || events?.token === token) return;
    events?.close();
    events = undefined;
    if (!token) return;
    let closed = false;
    let closeStream: (() => void) | undefined;
    const entry = {
      token,
      close: () => {
        closed = true;
        closeStream?.();
      },
    };
    events = entry;
    void (async () => {
      const ticket = await post('/auth/events-ticket', {}, token, (r) => eventsTicketResponseSchema.parse(r)).catch(() => undefined);
      if (closed || events !== entry) return;
      if (!ticket) {
        events = undefined;
        return;
      }
      const forget = () => {
        if (events === entry) events = undefined;
      };
      closeStream = (opts.connectEvents ?? defaultConnectEvents)(`${opts.baseUrl}/events?ticket=${encodeURIComponent(ticket.ticket)}`, () => void syncNow(), forget);
    })();
  }

  async function post<T>(path: string, body: unknown, token: string, parse: (raw: unknown) => T): Promise<T> {
    const res = await doFetch(`${opts.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) });
    const raw: unknown = await res.json().catch(() => undefined);
    if (!res.ok) {
      const err = errorResponseSchema.safeParse(raw);
      throw new HttpError(res.status, err.success ? err.data.error.code : 'http_error', err.success ? err.data.error.message : `HTTP ${res.status}`);
    }
    return parse(raw);
  }

  async function counts(): Promise<Pick<SyncStatus, 'pending' | 'conflicts'>> {
    const [pending, conflicts] = await Promise.all([db.outbox.count(), db.conflicts.where('status').equals('open').count()]);
    return { pending, conflicts };
  }

  async function once(token: string): Promise<void> {
    const clientId = await getClientId(db);
    const access = { baseUrl: opts.baseUrl, token, fetch: doFetch };
    // Bytes first: a reference pushed before its file would point at nothing on the server.
    await uploadPendingAttachments(db, access);
    let pushed = 0;
    let acked = 0;
    for (;;) {
      // Marked as sent in the same transaction that reads them: from here on an undo can no longer
      // take them back (withdrawPendingMutation), since the server may apply them.
      const batch = await db.transaction('rw', db.outbox, db.meta, async () => {
        const rows = await db.outbox.where('id').above(acked).limit(opts.pushBatch ?? 100).toArray();
        const last = rows.at(-1)?.id;
        const marked = await db.meta.get(PUSHED_THROUGH_KEY);
        if (last !== undefined && !(typeof marked?.value === 'number' && marked.value >= last)) await db.meta.put({ key: PUSHED_THROUGH_KEY, value: last });
        return rows;
      });
      if (batch.length === 0) break;
      const mutations = batch.map((e) => ({ id: e.id, name: e.name, args: e.args, baseVersions: e.baseVersions, clientTime: e.clientTime }));
      const res: PushResponse = await post('/push', { clientId, schemaVersion, mutations }, token, (r) => pushResponseSchema.parse(r));
      pushed += res.results.length;
      status.update({ progress: { pulledRows: 0, pushed } });
      // A gap means the server expects an id we no longer have; pulling tells us where it stands.
      if (res.gapAt !== undefined || res.lastMutationId <= acked) break;
      acked = res.lastMutationId;
    }
    const cursorRow = await db.meta.get('cursor');
    let cursor = typeof cursorRow?.value === 'number' ? cursorRow.value : 0;
    let pulledRows = 0;
    for (;;) {
      const page: PullResponse = await post('/pull', { clientId, schemaVersion, cursor, limit: opts.pullLimit ?? 2000 }, token, (r) => pullResponseSchema.parse(r));
      await applyPullPage(db, page);
      pulledRows += page.rows.length;
      status.update({ progress: { pulledRows, pushed }, ...(await counts()) });
      cursor = page.reset ? 0 : page.cursor;
      if (!page.hasMore) break;
    }
    // Opportunistic: a file that cannot be fetched now is tried at the next sync; the sync itself succeeded.
    await cacheAssignedAttachments(db, access).catch(() => 0);
  }

  function scheduleRetry(): void {
    clearTimeout(retryTimer);
    attempt++;
    const delay = backoffDelay(attempt, random);
    status.update({ nextRetryAt: now() + delay });
    retryTimer = setTimeout(() => void syncNow(), delay);
  }

  async function run(): Promise<SyncStatus> {
    const token = await readToken();
    if (!token) {
      status.update({ state: 'idle', needsLogin: true, ...(await counts()) });
      return status.get();
    }
    status.update({ state: 'syncing', progress: { pulledRows: 0, pushed: 0 } });
    try {
      await once(token);
      attempt = 0;
      clearTimeout(retryTimer);
      status.update({ state: 'idle', lastSyncedAt: now(), progress: undefined, needsLogin: false, updateRequired: false, lastError: undefined, nextRetryAt: undefined, ...(await counts()) });
    } catch (e) {
      const base = { progress: undefined, ...(await counts()) };
      if (e instanceof HttpError && e.status === 401) {
        // The session is over: a stream opened with it would stay open on a dead token.
        events?.close();
        events = { token, close: () => undefined };
        status.update({ ...base, state: 'error', needsLogin: true, lastError: e.message });
      }
      else if (e instanceof HttpError && e.status === 426) status.update({ ...base, state: 'error', updateRequired: true, lastError: e.message });
      else {
        // Network failures (fetch throws) mean offline; anything else is an error. Both retry.
        const offline = !(e instanceof HttpError);
        status.update({ ...base, state: offline ? 'offline' : 'error', lastError: e instanceof Error ? e.message : String(e) });
        scheduleRetry();
      }
    }
    return status.get();
  }

  function syncNow(): Promise<SyncStatus> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let s = await run();
      while (again && s.state === 'idle') {
        again = false;
        s = await run();
      }
      again = false;
      return s;
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    status,
    syncNow,
    start() {
      if (started) return;
      started = true;
      const trigger = () => void syncNow();
      stops.push((opts.onOnline ?? defaultOnOnline)(trigger));
      // Every sync reads the token and (re)opens the poke stream with it; open it now as well.
      readToken().catch(() => undefined);
      if ((opts.intervalMs ?? 60_000) > 0) {
        const t = setInterval(trigger, opts.intervalMs ?? 60_000);
        stops.push(() => clearInterval(t));
      }
      if (typeof navigator !== 'undefined' && navigator.storage?.persist) void navigator.storage.persist().catch(() => false);
      trigger();
    },
    stop() {
      started = false;
      for (const s of stops.splice(0)) s();
      events?.close();
      events = undefined;
      clearTimeout(retryTimer);
    },
  };
}
