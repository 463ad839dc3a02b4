import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import { UPLOAD_CHUNK_BYTES, isPreviewableImage, sanitizeAttachmentName, sha256Schema, uploadStartSchema, type UploadState } from '../../shared/attachments';
import type { AuthUser } from '../auth';
import { sizeLimit } from '../body-limit';
import type { Db } from '../db/types';
import { mayDownload } from './access';
import { parseByteRange } from './range';
import { AttachmentError } from './errors';
import type { AttachmentStore } from './store';

type Env = { Variables: { user: AuthUser } };
type ParseBody = <S extends z.ZodType>(c: Context, schema: S) => Promise<{ ok: true; value: z.infer<S> } | { ok: false; res: Response }>;
type Middleware = (c: Context<Env>, next: () => Promise<void>) => Promise<Response | void>;

/** Paths under this prefix carry file bytes and set their own body limit. */
export const ATTACHMENT_PATH_PREFIX = '/attachments/';

const refuse = (c: Context, e: AttachmentError) => c.json({ error: { code: e.code, message: e.message, ...(e.offset !== undefined ? { offset: e.offset } : {}) } }, e.status);

/** RFC 6266 / 5987: an ASCII fallback name plus the exact UTF-8 one, so every browser saves it right. */
function contentDisposition(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}

/**
 * Upload (start/resume, then pieces at an offset) and download of attachment bytes, for signed-in
 * users of the tenant. Downloads are always `attachment` with nosniff and a sandboxing CSP, and
 * are never served as HTML: what is not a previewable image goes out as octet-stream.
 */
export function mountAttachmentRoutes(app: Hono<Env>, deps: { db: Db; store: AttachmentStore; now: () => number; parseBody: ParseBody; requireUser: Middleware }): void {
  const { store, db, now } = deps;
  const guard = async <T>(c: Context, fn: () => Promise<T>): Promise<T | Response> => {
    try {
      return await fn();
    } catch (e) {
      if (e instanceof AttachmentError) return refuse(c, e);
      throw e;
    }
  };
  // Devices on a fast link send larger pieces (fewer requests and transactions), up to this. Into
  // the database each piece becomes one row that every later download reads whole (larger rows cost
  // the driver more per byte than they save), so there pieces stay at the default size.
  const pieceBytes = store.pieces === 'folder' ? store.limits.maxChunkBytes : Math.min(store.limits.maxChunkBytes, UPLOAD_CHUNK_BYTES);
  const advertise = (r: UploadState): UploadState => (r.status === 'partial' ? { ...r, pieceBytes } : r);
  const small = sizeLimit(16 * 1024, (c) => c.json({ error: { code: 'too_large', message: 'this request body is too large' } }, 413));
  const piece = sizeLimit(store.limits.maxChunkBytes, (c) => c.json({ error: { code: 'chunk_too_large', message: `send the file in pieces of at most ${store.limits.maxChunkBytes} bytes` } }, 413));

  app.get('/attachments/usage', deps.requireUser, async (c) => c.json(await store.usage(c.get('user').tenantId, now())));

  app.post('/attachments/uploads', small, deps.requireUser, async (c) => {
    const body = await deps.parseBody(c, uploadStartSchema);
    if (!body.ok) return body.res;
    const r = await guard(c, () => store.begin(c.get('user').tenantId, body.value.sha256, body.value.size, now()));
    return r instanceof Response ? r : c.json(advertise(r));
  });

  app.put('/attachments/uploads/:sha256', piece, deps.requireUser, async (c) => {
    const sha = sha256Schema.safeParse(c.req.param('sha256'));
    const offset = Number(c.req.query('offset'));
    if (!sha.success || !Number.isSafeInteger(offset) || offset < 0) return c.json({ error: { code: 'invalid_request', message: 'PUT /attachments/uploads/<sha256>?offset=<bytes already sent> with the next piece as the body' } }, 400);
    if (!(c.req.header('content-type') ?? '').startsWith('application/octet-stream')) return c.json({ error: { code: 'unsupported_media_type', message: 'send the piece as application/octet-stream' } }, 415);
    const chunk = new Uint8Array(await c.req.arrayBuffer());
    const r = await guard(c, () => store.append(c.get('user').tenantId, sha.data, offset, chunk, now()));
    return r instanceof Response ? r : c.json(advertise(r));
  });

  app.get('/attachments/:sha256', deps.requireUser, async (c) => {
    const sha = sha256Schema.safeParse(c.req.param('sha256'));
    if (!sha.success) return c.json({ error: { code: 'invalid_request', message: sha.error.issues[0]?.message ?? 'bad hash' } }, 400);
    const user = c.get('user');
    // The same answer for "not stored" and "not yours", so a field engineer cannot probe the tenant's files.
    const missing = () => c.json({ error: { code: 'not_found', message: 'this attachment is not on the server (yet): the device that added it has not uploaded it, or you may not see its ticket' } }, 404);
    if (!(await mayDownload(db, user, sha.data))) return missing();
    const found = await store.open(user.tenantId, sha.data);
    if (!found) return missing();
    const name = sanitizeAttachmentName(c.req.query('name') ?? sha.data);
    const size = found.blob.size;
    const range = parseByteRange(c.req.header('range'), size);
    if (range === 'unsatisfiable') return c.json({ error: { code: 'range_not_satisfiable', message: `this file has ${size} bytes` } }, 416, { 'content-range': `bytes */${size}` });
    const { start, end } = range ?? { start: 0, end: size - 1 };
    // Streamed piece by piece: many downloads at once never hold whole files in memory.
    const iterator = found.piecesFrom(start)[Symbol.asyncIterator]();
    let left = end + 1 - start;
    const body = new ReadableStream<Uint8Array>({
      async pull(ctrl) {
        const next = left > 0 ? await iterator.next() : { done: true as const, value: undefined };
        if (next.done) {
          await iterator.return?.();
          ctrl.close();
          return;
        }
        const piece = next.value.length > left ? next.value.subarray(0, left) : next.value;
        left -= piece.length;
        ctrl.enqueue(piece);
      },
      async cancel() {
        await iterator.return?.();
      },
    });
    return c.body(body, range ? 206 : 200, {
      'content-type': isPreviewableImage(found.blob.type) ? found.blob.type : 'application/octet-stream',
      'content-length': String(end + 1 - start),
      ...(range ? { 'content-range': `bytes ${start}-${end}/${size}` } : {}),
      // A broken download continues where it stopped instead of starting over.
      'accept-ranges': 'bytes',
      'content-disposition': contentDisposition(name),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'private, max-age=31536000, immutable',
      'x-attachment-type': found.blob.type,
    });
  });
}
