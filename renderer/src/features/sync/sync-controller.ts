import { loginResponseSchema, errorResponseSchema, type LoginResponse } from '../../../../shared/sync';
import { createSyncClient, createSyncStatusStore, initialSyncStatus, setActor, type ServiceDeskDb, type SyncClient, type SyncStatus, type SyncStatusStore } from '../../data';
import type { Host } from '../../host';

/** Where this device syncs to; the token is not here (the host keeps it). */
export type ServerSettings = { baseUrl: string; tenant: string; email: string };
export type SyncHistoryEntry = { at: number; ok: boolean; detail: string };

const SERVER_KEY = 'syncServer';
const HISTORY_KEY = 'syncHistory';
const HISTORY_LIMIT = 30;

export class LoginError extends Error {}

/**
 * Owns the sync client for the app's lifetime: starts it when a server is configured and a token
 * is held by the host, restarts it on login, stops it on logout, and records a short history.
 * Without a server the app runs on its local store alone; the queue of changes is kept for later.
 */
export function createSyncController(db: ServiceDeskDb, host: Host, fetchImpl: typeof fetch = (...a) => fetch(...a)) {
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
    client = createSyncClient({ db, baseUrl, getToken: async () => (await host.invoke('secrets.getToken', { serverUrl: baseUrl })).token ?? undefined, fetch: fetchImpl });
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
    /** Signs in, keeps the token with the host, acts as the signed-in user and starts syncing. */
    async login(settings: ServerSettings, password: string): Promise<LoginResponse['user']> {
      const baseUrl = settings.baseUrl.replace(/\/+$/, '');
      let res: Response;
      try {
        res = await fetchImpl(`${baseUrl}/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenant: settings.tenant, email: settings.email, password }) });
      } catch (e) {
        throw new LoginError(`cannot reach ${baseUrl}: ${e instanceof Error ? e.message : String(e)}`);
      }
      const body: unknown = await res.json().catch(() => undefined);
      if (!res.ok) {
        const err = errorResponseSchema.safeParse(body);
        throw new LoginError(err.success ? err.data.error.message : `the server answered ${res.status}`);
      }
      const parsed = loginResponseSchema.safeParse(body);
      if (!parsed.success) throw new LoginError('the server’s answer is not a Service Desk login');
      const { token, user } = parsed.data;
      await host.invoke('secrets.setToken', { serverUrl: baseUrl, token });
      server = { ...settings, baseUrl };
      await db.meta.put({ key: SERVER_KEY, value: server });
      const role = (['agent', 'dispatcher', 'field_engineer', 'admin'] as const).find((r) => r === user.role) ?? 'agent';
      await setActor(db, { userId: user.id, role, region: user.region });
      status.update({ needsLogin: false });
      await startClient();
      return user;
    },
    /** Forgets the token; unsent changes stay queued for the next sign-in. */
    async logout(): Promise<void> {
      client?.stop();
      client = undefined;
      if (server) await host.invoke('secrets.setToken', { serverUrl: server.baseUrl, token: null });
      status.update({ state: 'idle', needsLogin: !!server });
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
