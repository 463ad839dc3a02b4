import nodemailer from 'nodemailer';
import { outboundMailSchema, subjectWithTicketId, type MailboxSettings, type OutboundMail } from '../../shared/mail';
import { storableText } from '../../shared/sync';
import type { AttachmentStore } from '../attachments';
import type { Db } from '../db/types';
import { mailWriter } from './mail-actor';
import { openMailboxes, type OpenMailbox } from './mailbox-store';
import type { SecretBox } from './secret-box';

/** An SMTP transport for a mailbox. `none` never upgrades (test servers on loopback); `starttls` demands it. */
export function smtpTransport(s: MailboxSettings['smtp'], password: string) {
  return nodemailer.createTransport({
    host: s.host,
    port: s.port,
    secure: s.security === 'tls',
    requireTLS: s.security === 'starttls',
    ignoreTLS: s.security === 'none',
    ...(s.user ? { auth: { user: s.user, pass: password } } : {}),
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
  });
}

// A mail claimed but never finished (the instance died mid-send) is tried again after this long.
const STALE_CLAIM = '10 minutes';

type Claimed = { tenant_id: string; id: string; ticket_id: string; mailbox_id: string; message_id: string; payload: unknown };

/** Earlier Message-IDs of the ticket's conversation, oldest first: the customer's mail program threads on them. */
async function conversation(db: Db, tenantId: string, ticketId: string, except: string): Promise<string[]> {
  const rows = await db.query<{ message_id: string }>(
    `SELECT message_id FROM (
       SELECT message_id, handled_at AS at FROM mail_messages WHERE tenant_id = $1 AND ticket_id = $2 AND outcome IN ('ticket', 'note')
       UNION ALL SELECT message_id, sent_at AS at FROM mail_outbound WHERE tenant_id = $1 AND ticket_id = $2 AND status = 'sent' AND message_id <> $3) m
     ORDER BY at DESC LIMIT 20`,
    [tenantId, ticketId, except],
  );
  return rows.map((r) => r.message_id).reverse();
}

type MailPart = { filename: string; content: Buffer; contentType: string };

/** The files a mail carries, read from the store; or why it cannot carry them (then nothing is sent). */
async function attachmentParts(store: AttachmentStore | undefined, tenantId: string, mail: OutboundMail): Promise<MailPart[] | string> {
  if (mail.attachments.length === 0) return [];
  if (!store) return 'this server cannot send attachments (no attachment store)';
  const parts: MailPart[] = [];
  for (const a of mail.attachments) {
    const found = await store.get(tenantId, a.sha256);
    if (!found) return `${a.name} has not reached the server (the device that attached it could not upload it); attach it again and resend`;
    // Declared as what the bytes are (sniffed), never as what a name suggests.
    parts.push({ filename: a.name, content: Buffer.from(found.bytes.buffer, found.bytes.byteOffset, found.bytes.length), contentType: found.blob.type });
  }
  return parts;
}

async function deliver(db: Db, m: Claimed, mail: OutboundMail, box: OpenMailbox | undefined, store: AttachmentStore | undefined): Promise<string | undefined> {
  if (!box) return 'no support mailbox is set up for sending (Settings › Mail)';
  const attachments = await attachmentParts(store, m.tenant_id, mail);
  if (typeof attachments === 'string') return attachments;
  const refs = await conversation(db, m.tenant_id, m.ticket_id, m.message_id);
  const transport = smtpTransport(box.settings.smtp, box.secrets.smtp);
  try {
    // Every header value here is ours or was checked by the outbound schema (plain addresses,
    // one-line subject); nodemailer encodes them. Nothing a customer sent is copied into a header
    // except Message-IDs, which were normalised and are re-wrapped in angle brackets.
    await transport.sendMail({
      from: { name: box.settings.name, address: box.settings.smtp.from },
      to: mail.to,
      cc: mail.cc,
      subject: subjectWithTicketId(mail.ticketId, mail.subject),
      text: mail.text,
      attachments,
      messageId: `<${m.message_id}>`,
      ...(refs.length > 0 ? { inReplyTo: `<${refs.at(-1)}>`, references: refs.map((r) => `<${r}>`) } : {}),
    });
    return undefined;
  } catch (e) {
    return storableText(`SMTP: ${e instanceof Error ? e.message : String(e)}`).slice(0, 500);
  } finally {
    transport.close();
  }
}

/**
 * Sends queued mail. Each row is claimed by one instance (SKIP LOCKED); the result — sent or
 * failed with the reason — is recorded on the ticket by the mail user, and a sent customer update
 * meets the cadence clock at the instant it left.
 */
export async function sendQueuedMail(db: Db, secrets: SecretBox, now: () => number, limit = 20, store?: AttachmentStore): Promise<Array<{ id: string; outcome: 'sent' | 'failed'; reason: string }>> {
  const claimed = await db.query<Claimed>(
    `UPDATE mail_outbound o SET status = 'sending', claimed_at = now(), attempts = attempts + 1
     FROM (SELECT tenant_id, id FROM mail_outbound WHERE status = 'queued' OR (status = 'sending' AND claimed_at < now() - interval '${STALE_CLAIM}')
           ORDER BY created_at LIMIT $1 FOR UPDATE SKIP LOCKED) pick
     WHERE o.tenant_id = pick.tenant_id AND o.id = pick.id
     RETURNING o.tenant_id, o.id, o.ticket_id, o.mailbox_id, o.message_id, o.payload`,
    [limit],
  );
  const out: Array<{ id: string; outcome: 'sent' | 'failed'; reason: string }> = [];
  for (const m of claimed) {
    const parsed = outboundMailSchema.safeParse(m.payload);
    const [box] = m.mailbox_id ? await openMailboxes(db, secrets, { tenantId: m.tenant_id, id: m.mailbox_id }) : [];
    const reason = parsed.success ? await deliver(db, m, parsed.data, box, store) : 'the stored mail is not valid';
    const outcome = reason === undefined ? 'sent' : 'failed';
    const at = now();
    await db.transaction(async (tx) => {
      await tx.query(`UPDATE mail_outbound SET status = $3, error = $4, sent_at = CASE WHEN $3 = 'sent' THEN now() ELSE NULL END WHERE tenant_id = $1 AND id = $2`, [m.tenant_id, m.id, outcome, reason ?? '']);
      const writer = await mailWriter(tx, m.tenant_id);
      const mail = parsed.success ? parsed.data : undefined;
      await writer.run([{ name: 'mail.recordResult@1', args: { ticketId: m.ticket_id, mailId: m.id, to: mail ? [...mail.to, ...mail.cc] : [], subject: mail?.subject ?? '', purpose: mail?.purpose ?? 'customer_update', at, outcome, reason: reason ?? '', document: mail?.purpose === 'rfo' ? mail.text : '' } }], at);
    });
    out.push({ id: m.id, outcome, reason: reason ?? '' });
  }
  return out;
}

/** Connects and authenticates to SMTP without sending: the admin's "Test connection". */
export async function testSmtp(s: MailboxSettings['smtp'], password: string): Promise<void> {
  const transport = smtpTransport(s, password);
  try {
    await transport.verify();
  } finally {
    transport.close();
  }
}
