import type { Context, MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

/** The web host (`npm run web`: vite preview on 4173; `npm run web:dev`: 5173), on loopback only. */
export const DEFAULT_ALLOWED_ORIGINS: readonly string[] = ['http://127.0.0.1:4173', 'http://localhost:4173', 'http://127.0.0.1:5173', 'http://localhost:5173'];

/**
 * Parses a comma-separated origin list (CORS_ORIGINS or repeated --cors-origin). Each entry must
 * be exactly an origin (scheme://host[:port], no path), or "null" for pages without one; anything
 * else is an error that names the bad entry, so a typo cannot silently lock the web app out.
 */
export function parseOrigins(values: readonly string[]): string[] {
  const out: string[] = [];
  for (const raw of values.flatMap((v) => v.split(','))) {
    const v = raw.trim().replace(/\/+$/, '');
    if (!v) continue;
    if (v === 'null') {
      out.push(v);
      continue;
    }
    let origin: string;
    try {
      origin = new URL(v).origin;
    } catch {
      throw new Error(`"${raw.trim()}" is not an origin: write it as scheme://host[:port], e.g. http://127.0.0.1:4173`);
    }
    if (origin !== v) throw new Error(`"${raw.trim()}" is not an origin: write it as ${origin} (no path)`);
    out.push(origin);
  }
  return [...new Set(out)];
}

type Fail = (c: Context, status: 403, code: string, message: string) => Response;

/**
 * Requests without an Origin header (the desktop app's host, command-line tools, other servers)
 * pass: CORS only protects browsers. A browser request from an allowed origin gets the CORS
 * headers; from any other origin it is refused with 403, preflight included.
 */
export function corsGuard(allowed: readonly string[], fail: Fail): MiddlewareHandler {
  const list = [...allowed];
  const withHeaders = cors({ origin: list, allowHeaders: ['authorization', 'content-type'], allowMethods: ['GET', 'POST', 'PUT', 'OPTIONS'], exposeHeaders: ['retry-after'], maxAge: 600 });
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (origin === undefined) return next();
    if (!list.includes(origin)) return fail(c, 403, 'origin_not_allowed', `this server does not accept requests from web pages at ${origin}; its admin can allow the origin with CORS_ORIGINS`);
    return withHeaders(c, next);
  };
}
