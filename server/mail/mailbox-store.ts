import { mailboxSettingsSchema, type MailboxSave, type MailboxSettings, type MailboxView } from '../../shared/mail';
import type { Db, Queryable } from '../db/types';
import type { SecretBox } from './secret-box';

type Secrets = { imap: string; smtp: string };
type Row = { tenant_id: string; settings: unknown; secret: string; last_poll_at: Date | string | null; last_error: string };

/** A mailbox ready to use: settings and its decrypted passwords (kept in memory only). */
export type OpenMailbox = { tenantId: string; settings: MailboxSettings; secrets: Secrets };

function toView(r: Row, box: SecretBox): MailboxView {
  const secrets = readSecrets(r.secret, box);
  return {
    settings: mailboxSettingsSchema.parse(r.settings),
    hasImapPassword: secrets.imap !== '',
    hasSmtpPassword: secrets.smtp !== '',
    lastPollAt: r.last_poll_at === null ? null : new Date(r.last_poll_at).getTime(),
    lastError: r.last_error,
  };
}

function readSecrets(sealed: string, box: SecretBox): Secrets {
  try {
    const v = JSON.parse(box.open(sealed)) as Partial<Secrets>;
    return { imap: typeof v.imap === 'string' ? v.imap : '', smtp: typeof v.smtp === 'string' ? v.smtp : '' };
  } catch {
    // Sealed with another key (MAIL_KEY changed): the admin re-enters the passwords.
    return { imap: '', smtp: '' };
  }
}

export async function listMailboxes(db: Db, tenantId: string, box: SecretBox): Promise<MailboxView[]> {
  const rows = await db.query<Row>(`SELECT tenant_id, settings, secret, last_poll_at, last_error FROM mailboxes WHERE tenant_id = $1 ORDER BY id`, [tenantId]);
  return rows.map((r) => toView(r, box));
}

/** Creates or replaces a mailbox; an empty password keeps the stored one. The UID cursor survives a settings change of the same folder. */
export async function saveMailbox(db: Db, tenantId: string, save: MailboxSave, box: SecretBox): Promise<MailboxView> {
  return db.transaction(async (tx: Queryable) => {
    const [cur] = await tx.query<Row>(`SELECT tenant_id, settings, secret, last_poll_at, last_error FROM mailboxes WHERE tenant_id = $1 AND id = $2 FOR UPDATE`, [tenantId, save.settings.id]);
    const old = cur ? readSecrets(cur.secret, box) : { imap: '', smtp: '' };
    const secrets: Secrets = { imap: save.imapPassword || old.imap, smtp: save.smtpPassword || old.smtp };
    const prev = cur ? mailboxSettingsSchema.safeParse(cur.settings) : undefined;
    const sameFolder = prev?.success && prev.data.imap.host === save.settings.imap.host && prev.data.imap.user === save.settings.imap.user && prev.data.imap.folder === save.settings.imap.folder;
    const [row] = await tx.query<Row>(
      `INSERT INTO mailboxes (tenant_id, id, settings, secret, enabled) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (tenant_id, id) DO UPDATE SET settings = excluded.settings, secret = excluded.secret, enabled = excluded.enabled, updated_at = now(),
         uid_validity = CASE WHEN $6 THEN mailboxes.uid_validity ELSE NULL END, last_uid = CASE WHEN $6 THEN mailboxes.last_uid ELSE 0 END
       RETURNING tenant_id, settings, secret, last_poll_at, last_error`,
      [tenantId, save.settings.id, JSON.stringify(save.settings), box.seal(JSON.stringify(secrets)), save.settings.enabled, sameFolder === true],
    );
    return toView(row as Row, box);
  });
}

export async function deleteMailbox(db: Db, tenantId: string, id: string): Promise<boolean> {
  return (await db.query(`DELETE FROM mailboxes WHERE tenant_id = $1 AND id = $2 RETURNING 1`, [tenantId, id])).length > 0;
}

/** One mailbox with its passwords, or every enabled one of every tenant (tenantId undefined). */
export async function openMailboxes(db: Queryable, box: SecretBox, where: { tenantId?: string; id?: string } = {}): Promise<OpenMailbox[]> {
  const rows = await db.query<Row>(
    `SELECT tenant_id, settings, secret, last_poll_at, last_error FROM mailboxes WHERE ($1::text IS NULL OR tenant_id = $1) AND ($2::text IS NULL OR id = $2) AND ($2::text IS NOT NULL OR enabled) ORDER BY tenant_id, id`,
    [where.tenantId ?? null, where.id ?? null],
  );
  return rows.flatMap((r) => {
    const s = mailboxSettingsSchema.safeParse(r.settings);
    return s.success ? [{ tenantId: r.tenant_id, settings: s.data, secrets: readSecrets(r.secret, box) }] : [];
  });
}
