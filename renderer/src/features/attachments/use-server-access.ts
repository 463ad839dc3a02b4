import { useCallback } from 'react';
import { useServices } from '../../app/services';
import type { ServerAccess } from '../../data';

/** How to reach the sync server now, or undefined when this device has no server or no session. */
export function useServerAccess(): () => Promise<ServerAccess | undefined> {
  const { sync, host } = useServices();
  return useCallback(async () => {
    const server = sync.server();
    if (!server) return undefined;
    const { token } = await host.invoke('secrets.getToken', { serverUrl: server.baseUrl });
    return token ? { baseUrl: server.baseUrl, token, fetch: (...a: Parameters<typeof fetch>) => fetch(...a) } : undefined;
  }, [sync, host]);
}
