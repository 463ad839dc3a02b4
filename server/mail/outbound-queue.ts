import { randomUUID } from 'node:crypto';
import { outboundMailId, outboundMailSchema, type OutboundMail } from '../../shared/mail';
import type { Queryable } from '../db/types';

export type QueuedMail = { clientId: string; mutationId: number; args: unknown };

/** The domain our Message-IDs carry: the sending mailbox's, so replies come back to a name we own. */
function domainOf(address: string | undefined): string {
  const d = address?.slice(address.lastIndexOf('@') + 1) ?? '';
  return d || 'servicedesk.invalid';
}

/**
 * Stores accepted "send mail" mutations for the sender, with the Message-ID the mail will carry
 * (made now, so a retry after a crash sends the same id and the customer's mail program sees one
 * message). The tenant's first enabled mailbox sends; none yet = the sender records the failure.
 */
export async function queueOutboundMail(tx: Queryable, tenantId: string, mails: QueuedMail[]): Promise<void> {
  const [box] = await tx.query<{ id: string; sender: string }>(`SELECT id, settings->'smtp'->>'from' AS sender FROM mailboxes WHERE tenant_id = $1 AND enabled ORDER BY id LIMIT 1`, [tenantId]);
  for (const m of mails) {
    const mail: OutboundMail = outboundMailSchema.parse(m.args);
    const messageId = `sd.${randomUUID()}@${domainOf(box?.sender)}`;
    await tx.query(
      `INSERT INTO mail_outbound (tenant_id, id, ticket_id, mailbox_id, message_id, payload, status) VALUES ($1, $2, $3, $4, $5, $6, 'queued') ON CONFLICT (tenant_id, id) DO NOTHING`,
      [tenantId, outboundMailId(m.clientId, m.mutationId), mail.ticketId, box?.id ?? '', messageId, JSON.stringify(mail)],
    );
  }
}
