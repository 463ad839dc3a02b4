import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/**
 * Refuses request bodies over `maxSize` bytes. A declared Content-Length is checked without
 * touching the body (Node's parser delivers exactly that many bytes), which keeps the Node
 * adapter's direct read of the body: hono's own bodyLimit opens the body as a web stream for every
 * request, which cost about three times the transfer itself for attachment pieces and showed in
 * every push and pull. Bodies of unknown length (chunked) are counted as they arrive.
 */
export function sizeLimit(maxSize: number, onError: (c: Context) => Response | Promise<Response>): MiddlewareHandler {
  const counted = bodyLimit({ maxSize, onError });
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const declared = c.req.header('content-length');
    if (declared !== undefined && c.req.header('transfer-encoding') === undefined) return Number(declared) > maxSize ? onError(c) : next();
    return counted(c, next);
  };
}
