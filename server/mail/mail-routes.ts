import type { Context, Hono } from 'hono';
import type { z } from 'zod';
import { mailboxSaveSchema } from '../../shared/mail';
import type { AccountEnv } from '../account-routes';
import type { Db } from '../db/types';
import { testImap } from './imap-poller';
import { deleteMailbox, listMailboxes, openMailboxes, saveMailbox } from './mailbox-store';
import type { SecretBox } from './secret-box';
import { testSmtp } from './smtp-sender';

type Fail = (c: Context, status: 400 | 403 | 404, code: string, message: string) => Response;
type ParseBody = <S extends z.ZodType>(c: Context, schema: S) => Promise<{ ok: true; value: z.infer<S> } | { ok: false; res: Response }>;
type Middleware = (c: Context<AccountEnv>, next: () => Promise<void>) => Promise<Response | void>;

export type MailRouteDeps = { db: Db; secrets: SecretBox; fail: Fail; parseBody: ParseBody; requireUser: Middleware };

const why = (e: unknown) => (e instanceof Error ? e.message : String(e)).slice(0, 300);

/** Settings › Mail: an admin lists, saves, tests and removes the tenant's support mailboxes. Passwords go in, never out. (POST only, like the People API: browsers' CORS preflight here allows GET and POST.) */
export function mountMailRoutes(app: Hono<AccountEnv>, d: MailRouteDeps): void {
  const { db, secrets, fail, parseBody, requireUser } = d;
  const requireAdmin = async (c: Context<AccountEnv>, next: () => Promise<void>) => {
    if (c.get('user').role !== 'admin') return fail(c, 403, 'admin_only', 'only an admin manages support mailboxes');
    await next();
  };

  app.get('/admin/mailboxes', requireUser, requireAdmin, async (c) => c.json({ mailboxes: await listMailboxes(db, c.get('user').tenantId, secrets) }));

  // Tests what the form holds; empty passwords mean "the stored ones" so an admin can test without retyping.
  app.post('/admin/mailboxes/test', requireUser, requireAdmin, async (c) => {
    const body = await parseBody(c, mailboxSaveSchema);
    if (!body.ok) return body.res;
    const [stored] = await openMailboxes(db, secrets, { tenantId: c.get('user').tenantId, id: body.value.settings.id });
    const s = body.value.settings;
    const imap = await testImap(s.imap, body.value.imapPassword || stored?.secrets.imap || '').then(
      (n) => ({ ok: true, messages: n, message: '' }),
      (e: unknown) => ({ ok: false, messages: 0, message: why(e) }),
    );
    const smtp = await testSmtp(s.smtp, body.value.smtpPassword || stored?.secrets.smtp || '').then(
      () => ({ ok: true, message: '' }),
      (e: unknown) => ({ ok: false, message: why(e) }),
    );
    return c.json({ imap, smtp });
  });

  app.post('/admin/mailboxes/:id', requireUser, requireAdmin, async (c) => {
    const body = await parseBody(c, mailboxSaveSchema);
    if (!body.ok) return body.res;
    if (body.value.settings.id !== c.req.param('id')) return fail(c, 400, 'id_mismatch', 'the mailbox id in the address and in the body differ');
    return c.json({ mailbox: await saveMailbox(db, c.get('user').tenantId, body.value, secrets) });
  });

  app.post('/admin/mailboxes/:id/delete', requireUser, requireAdmin, async (c) => {
    if (!(await deleteMailbox(db, c.get('user').tenantId, c.req.param('id') ?? ''))) return fail(c, 404, 'not_found', 'no such mailbox');
    return c.json({ ok: true });
  });

}
