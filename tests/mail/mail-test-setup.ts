import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createServer, type SyncServer } from '../../server/app';
import { createUser, type AuthUser } from '../../server/auth';
import type { Db } from '../../server/db/types';
import { createSecretBox, type SecretBox } from '../../server/mail/secret-box';
import { openMailboxes, type OpenMailbox } from '../../server/mail/mailbox-store';
import { push } from '../../server/push';
import type { MailboxSave } from '../../shared/mail';
import type { MutationArgs, MutationName } from '../../shared/sync';
import type { Ticket, TimelineEvent } from '../../shared/ticket';
import type { Dovecot } from './dovecot.test-support';
import type { SmtpSink } from './smtp.test-support';

// One tenant as the mail tests need it: an admin who configures the mailbox over the real API,
// an agent who sends from tickets, a policy and a customer whose mail comes from customer.example.com.

export const TENANT = 'acme';
export const MAILBOX_USER = 'support@example.com';
export const MAILBOX_PASSWORD = 'imap-secret-1';
export const SMTP_PASSWORD = 'smtp-secret';
export const CUSTOMER_DOMAIN = 'customer.example.com';

export type MailWorld = { db: Db; server: SyncServer; secrets: SecretBox; admin: AuthUser; agent: AuthUser; token: (u: AuthUser) => Promise<string>; box: () => Promise<OpenMailbox> };

const policy = JSON.parse(readFileSync(join(import.meta.dirname, '../../resources/presets/policies/business-hours-3-severity.json'), 'utf8')) as { id: string };

export function mailboxSave(imap: Dovecot, smtp: SmtpSink): MailboxSave {
  return {
    settings: {
      id: 'support',
      name: 'Example Support',
      enabled: true,
      imap: { host: '127.0.0.1', port: imap.port, security: 'none', folder: 'INBOX', user: MAILBOX_USER },
      smtp: { host: '127.0.0.1', port: smtp.port, security: 'none', user: MAILBOX_USER, from: MAILBOX_USER },
      defaults: { policyId: policy.id, region: 'north', productLine: 'general', product: 'unknown', severity: '3', impact: 'non_service_affecting', urgency: 'medium' },
    },
    imapPassword: MAILBOX_PASSWORD,
    smtpPassword: SMTP_PASSWORD,
  };
}

let clientSeq = 0;
/** Pushes mutations as a person from a fresh device id, as the app would. */
export async function pushAs<N extends MutationName>(db: Db, user: AuthUser, name: N, args: MutationArgs<N>, now = Date.now()) {
  const clientId = `device-${user.id.slice(-6)}-${++clientSeq}-${process.pid}`;
  return push(db, user, clientId, [{ id: 1, name, args, baseVersions: {}, clientTime: now }], () => now);
}

export async function mailWorld(db: Db): Promise<MailWorld> {
  const secrets = createSecretBox(Buffer.alloc(32, 7));
  const server = createServer({ db, mailSecrets: secrets, scrypt: { logN: 10, r: 8, p: 1 } });
  const admin = await createUser(db, { tenant: TENANT, email: 'ada@example.com', role: 'admin', region: 'north', password: 'admin-password-1' }, { logN: 10, r: 8, p: 1 });
  const agent = await createUser(db, { tenant: TENANT, email: 'alex@example.com', role: 'agent', region: 'north', password: 'agent-password-1' }, { logN: 10, r: 8, p: 1 });
  await pushAs(db, admin, 'config.put@1', { table: 'policies', row: policy });
  // Customers are published by the server's directory (no device mutation writes them yet).
  const customer = { id: 'cust-globex', name: 'Globex Example', region: 'north', contractTier: 'business_hours', policyId: policy.id, calendarId: 'always-open', emailDomains: [CUSTOMER_DOMAIN] };
  await db.transaction(async (tx) => {
    const [v] = await tx.query<{ version: string }>('UPDATE tenants SET version = version + 1 WHERE id = $1 RETURNING version', [TENANT]);
    await tx.query(`INSERT INTO entities (tenant_id, tbl, id, ticket_id, data, fv, version) VALUES ($1, 'customers', $2, NULL, $3, '{}', $4)`, [TENANT, customer.id, JSON.stringify(customer), Number(v?.version)]);
  });
  const passwords: Record<string, string> = { 'ada@example.com': 'admin-password-1', 'alex@example.com': 'agent-password-1' };
  const token = async (u: AuthUser) => {
    const res = await server.fetch(new Request('http://test/auth/login', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ tenant: TENANT, email: u.email, password: passwords[u.email] }) }));
    return ((await res.json()) as { token: string }).token;
  };
  const box = async () => {
    const [b] = await openMailboxes(db, secrets, { tenantId: TENANT, id: 'support' });
    if (!b) throw new Error('the mailbox is not configured');
    return b;
  };
  return { db, server, secrets, admin, agent, token, box };
}

export async function tickets(db: Db): Promise<Ticket[]> {
  return (await db.query<{ data: Ticket }>(`SELECT data FROM entities WHERE tenant_id = $1 AND tbl = 'tickets' AND NOT deleted ORDER BY id`, [TENANT])).map((r) => r.data);
}

export async function timeline(db: Db, ticketId: string): Promise<TimelineEvent[]> {
  return (await db.query<{ data: TimelineEvent }>(`SELECT data FROM entities WHERE tenant_id = $1 AND tbl = 'timeline' AND ticket_id = $2 ORDER BY version`, [TENANT, ticketId])).map((r) => r.data);
}

/** A plain customer message; `extra` adds headers (Auto-Submitted, In-Reply-To, ...). */
export function customerMail(o: { from?: string; subject: string; text: string; messageId: string; extra?: string }): string {
  return [`From: Casey Customer <${o.from ?? `casey@${CUSTOMER_DOMAIN}`}>`, `To: ${MAILBOX_USER}`, `Subject: ${o.subject}`, `Message-ID: <${o.messageId}>`, 'Date: Sun, 06 Dec 2026 10:00:00 +0000', 'MIME-Version: 1.0', 'Content-Type: text/plain; charset=utf-8', ...(o.extra ? [o.extra] : []), '', o.text, ''].join('\r\n');
}
