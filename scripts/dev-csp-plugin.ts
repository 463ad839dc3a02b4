import type { Plugin } from 'vite';

/**
 * Vite's dev server injects an inline React Refresh preamble and talks to its HMR socket; the
 * production CSP forbids both. Only while serving in development is the policy relaxed for them.
 */
export function devCspPlugin(): Plugin {
  return {
    name: 'service-desk-dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'").replace('ws://127.0.0.1:*', 'ws://127.0.0.1:* ws://localhost:*');
    },
  };
}
