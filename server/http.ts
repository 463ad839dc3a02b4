import { serve } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import type { SyncServer } from './app';

/** Listens on host:port (port 0 = any free port) and resolves once accepting connections. */
export function listen(server: SyncServer, port: number, host = '127.0.0.1'): Promise<{ port: number; url: string; close: () => Promise<void> }> {
  return new Promise((resolve) => {
    const http = serve({ fetch: server.fetch, port, hostname: host }, (info: AddressInfo) => {
      // Keep idle connections longer than clients do (Node's fetch keeps them ~4 s): a server that
      // closes first races the client's next request on that socket, which then fails.
      if ('keepAliveTimeout' in http) {
        http.keepAliveTimeout = 65_000;
        http.headersTimeout = 66_000;
      }
      resolve({
        port: info.port,
        url: `http://${host}:${info.port}`,
        close: () =>
          new Promise<void>((done) => {
            // SSE streams stay open forever; drop them so close() does not wait on them.
            if ('closeAllConnections' in http) http.closeAllConnections();
            http.close(() => done());
          }),
      });
    });
  });
}
