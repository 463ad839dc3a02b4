import { adoptIdentity, forgetOrganisationData, hasEverSynced, restartOutbox, retireDemoData, createSyncClient, createSyncStatusStore, initialSyncStatus, loginToServer, logout as forgetActor, signIn, type LoginResult, type ForgetResult, type RetiredDemo, type ServiceDeskDb, type SyncClient, type SyncClientOptions, type SyncStatus, type SyncStatusStore } from '../data';
import type { Host } from '../host';
import { checkSyncServerUrl } from '../../../shared/sync/server-url';

/** Where this device syncs to; the token is not here (the host keeps it). */
export type ServerSettings = { baseUrl: string; tenant: string; email: string };
export type SyncHistoryEntry = { at: number; ok: boolean; detail: string };
/** Test seams: the network and the poke stream (defaults: fetch and EventSource). */
export type SyncControllerOptions = { fetch?: typeof fetch; connectEvents?: SyncClientOptions['connectEvents'] };

const SERVER_KEY = 'syncServer';
const HISTORY_KEY = 'syncHistory';
const HISTORY_LIMIT = 30;

/**
 * Owns the sync client for the app's lifetime: starts it when a server is configured and a token
 * is held by the host, restarts it on login, stops it on logout, and records a short history.
 * Without a server the app runs on its local store alone; the queue of changes is kept for later.
 */
export function createSyncController(db: ServiceDeskDb, host: Host, opts: SyncControllerOptions = {}) {
  const fetchImpl = opts.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a));
  const status: SyncStatusStore & { update: (p: Partial<SyncStatus>) => void } = createSyncStatusStore();
  let client: SyncClient | undefined;
  let unsubscribe: (() => void) | undefined;
  let server: ServerSettings | undefined;
  let lastState = initialSyncStatus.state;

  const record = async (entry: SyncHistoryEntry) => {
    const row = await db.meta.get(HISTORY_KEY);
    const list = Array.isArray(row?.value) ? (row.value as SyncHistoryEntry[]) : [];
    await db.meta.put({ key: HISTORY_KEY, value: [entry, ...list].slice(0, HISTORY_LIMIT) });
  };

  const attach = (c: SyncClient) => {
    unsubscribe?.();
    unsubscribe = c.status.subscribe(() => {
      const s = c.status.get();
      status.update(s);
      if (lastState === 'syncing' && s.state !== 'syncing') {
        void record({ at: Date.now(), ok: s.state === 'idle', detail: s.state === 'idle' ? `${s.pending} pending, ${s.conflicts} conflicts` : (s.lastError ?? s.state) });
      }
      lastState = s.state;
    });
  };

  const startClient = async () => {
    client?.stop();
    client = undefined;
    if (!server) return;
    const { token } = await host.invoke('secrets.getToken', { serverUrl: server.baseUrl });
    if (!token) {
      status.update({ needsLogin: true });
      return;
    }
    const baseUrl = server.baseUrl;
    const getToken = async () => (await host.invoke('secrets.getToken', { serverUrl: baseUrl })).token ?? undefined;
    client = createSyncClient({ db, baseUrl, getToken, fetch: fetchImpl, ...(opts.connectEvents ? { connectEvents: opts.connectEvents } : {}) });
    attach(client);
    client.start();
  };

  return {
    status,
    async start(): Promise<void> {
      const row = await db.meta.get(SERVER_KEY);
      server = row?.value as ServerSettings | undefined;
      await startClient();
    },
    server: () => server,
    async history(): Promise<SyncHistoryEntry[]> {
      const row = await db.meta.get(HISTORY_KEY);
      return Array.isArray(row?.value) ? (row.value as SyncHistoryEntry[]) : [];
    },
    /**
     * Signs in, keeps the token with the host, acts as the signed-in user and starts syncing. The
     * first-run demo set leaves the device first: no server knows it, so every change made to it
     * would come back as a conflict (the user's own tickets and changes stay).
     */
    async login(settings: ServerSettings, password: string): Promise<LoginResult['user'] & { retiredDemo: RetiredDemo }> {
      // The form checks this too; a stored or restored address must pass the same rule.
      const checked = checkSyncServerUrl(settings.baseUrl);
      if (!checked.ok) throw new Error(checked.reason === 'insecure' ? `plain http:// is allowed only to this machine; use https:// for ${settings.baseUrl}` : `not a server address: ${settings.baseUrl}`);
      const baseUrl = checked.url;
      const result = await loginToServer(baseUrl, settings.email, password, fetchImpl, settings.tenant || undefined);
      // The running client (and its poke stream) belongs to the previous session: end it first.
      client?.stop();
      client = undefined;
      await host.invoke('secrets.setToken', { serverUrl: baseUrl, token: result.token });
      server = { ...settings, baseUrl };
      await db.meta.put({ key: SERVER_KEY, value: server });
      const firstSync = !(await hasEverSynced(db));
      const switched = await adoptIdentity(db, { baseUrl, tenant: result.user.tenant, userId: result.user.id });
      const retiredDemo = await retireDemoData(db);
      // This server has never seen the device's queue: it must start at change 1.
      if (firstSync || switched) await restartOutbox(db, { newClientId: switched });
      if (retiredDemo.tickets > 0) await record({ at: Date.now(), ok: true, detail: `demo data removed: ${retiredDemo.tickets} tickets, ${retiredDemo.pendingChanges} changes to them` });
      await signIn(db, result);
      status.update({ needsLogin: false });
      await startClient();
      return { ...result.user, retiredDemo };
    },
    /**
     * Signs out: ends the session on the server (so the token is worthless even if it leaked) and
     * forgets it here. With `forget` the organisation's data leaves the device too; unsent changes
     * stay queued for the next sign-in unless `forget.discardUnsent`. `revoked` is false when the
     * server could not be reached (the session then ends when it expires unused).
     */
    async logout(opts: { forget?: { discardUnsent: boolean } } = {}): Promise<{ revoked: boolean; forgot?: ForgetResult }> {
      client?.stop();
      client = undefined;
      let revoked = false;
      if (server) {
        const baseUrl = server.baseUrl;
        const { token } = await host.invoke('secrets.getToken', { serverUrl: baseUrl });
        if (token) {
          const res = await fetchImpl(`${baseUrl}/auth/logout`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: '{}', signal: AbortSignal.timeout(5_000) }).catch(() => undefined);
          // 401: the server had already ended it.
          revoked = res?.ok === true || res?.status === 401;
        }
        await host.invoke('secrets.setToken', { serverUrl: baseUrl, token: null });
      }
      await forgetActor(db);
      const forgot = opts.forget ? await forgetOrganisationData(db, opts.forget) : undefined;
      status.update({ state: 'idle', needsLogin: !!server, pending: await db.outbox.count(), ...(forgot ? { conflicts: 0, lastSyncedAt: undefined } : {}) });
      return { revoked, ...(forgot ? { forgot } : {}) };
    },
    async syncNow(): Promise<void> {
      if (client) await client.syncNow();
    },
    stop(): void {
      unsubscribe?.();
      client?.stop();
    },
  };
}
export type SyncController = ReturnType<typeof createSyncController>;
