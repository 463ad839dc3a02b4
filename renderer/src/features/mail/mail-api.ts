import { z } from 'zod';
import { mailboxViewSchema, type MailboxSave, type MailboxView } from '../../../../shared/mail';
import { errorResponseSchema } from '../../../../shared/sync';

/** A mailbox request the server refused or could not be reached for; `message` is for people. */
export class MailApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'MailApiError';
  }
}

const listSchema = z.object({ mailboxes: z.array(mailboxViewSchema) });
const oneSchema = z.object({ mailbox: mailboxViewSchema });
export const connectionTestSchema = z.object({
  imap: z.object({ ok: z.boolean(), messages: z.number(), message: z.string() }),
  smtp: z.object({ ok: z.boolean(), message: z.string() }),
});
export type ConnectionTest = z.infer<typeof connectionTestSchema>;

/** Settings › Mail on the sync server (admin only): mailboxes live on the server, which polls and sends. */
export function createMailApi(baseUrl: string, getToken: () => Promise<string | undefined>, fetchFn: typeof fetch = (...a) => fetch(...a)) {
  async function call<T>(method: 'GET' | 'POST', path: string, body: unknown, parse: (raw: unknown) => T): Promise<T> {
    const token = await getToken();
    if (!token) throw new MailApiError(401, 'unauthorized', 'sign in to the sync server first');
    let res: Response;
    try {
      res = await fetchFn(`${baseUrl}${path}`, { method, headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    } catch (e) {
      throw new MailApiError(0, 'offline', `the server at ${baseUrl} cannot be reached (${e instanceof Error ? e.message : String(e)})`);
    }
    const raw: unknown = await res.json().catch(() => undefined);
    if (!res.ok) {
      const err = errorResponseSchema.safeParse(raw);
      throw new MailApiError(res.status, err.success ? err.data.error.code : 'http_error', err.success ? err.data.error.message : `the server answered HTTP ${res.status}`);
    }
    return parse(raw);
  }
  return {
    list: (): Promise<MailboxView[]> => call('GET', '/admin/mailboxes', undefined, (r) => listSchema.parse(r).mailboxes),
    save: (m: MailboxSave): Promise<MailboxView> => call('POST', `/admin/mailboxes/${encodeURIComponent(m.settings.id)}`, m, (r) => oneSchema.parse(r).mailbox),
    remove: (id: string): Promise<void> => call('POST', `/admin/mailboxes/${encodeURIComponent(id)}/delete`, {}, () => undefined),
    test: (m: MailboxSave): Promise<ConnectionTest> => call('POST', '/admin/mailboxes/test', m, (r) => connectionTestSchema.parse(r)),
  };
}
export type MailApi = ReturnType<typeof createMailApi>;
