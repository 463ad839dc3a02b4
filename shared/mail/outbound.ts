import { z } from 'zod';
import { attachmentNameSchema, sha256Schema } from '../attachments/schema';
import { MAX_ATTACHMENTS_PER_OWNER } from '../attachments/limits';
import { isValidEmailAddress } from './address';

// What a person sends from a ticket. The same schema checks the compose form, the synced mutation
// and the server before it talks SMTP, so a header-breaking subject or an address that is not a
// plain addr-spec is refused everywhere with the same reason.

export const MAX_MAIL_RECIPIENTS = 20;
export const MAX_MAIL_TEXT = 50_000;

const address = z.string().trim().toLowerCase().refine(isValidEmailAddress, { message: 'not a plain e-mail address such as name@example.com' });

export const mailPurposes = ['customer_update', 'escalation', 'rfo'] as const;

/** A file the mail carries: bytes already attached to the ticket (by hash), under the name the customer sees. */
export const outboundAttachmentSchema = z.object({ sha256: sha256Schema, name: attachmentNameSchema });
export type OutboundAttachment = z.infer<typeof outboundAttachmentSchema>;

/** One mail to send about a ticket. */
export const outboundMailSchema = z.object({
  ticketId: z.string().min(1),
  to: z.array(address).min(1).max(MAX_MAIL_RECIPIENTS),
  cc: z.array(address).max(MAX_MAIL_RECIPIENTS).default([]),
  // A CR or LF would end the Subject header and start one of the sender's choosing.
  subject: z.string().trim().min(1).max(300).refine((s) => !/[\r\n\u0000-\u001f\u007f]/.test(s), { message: 'the subject must be one line without control characters' }),
  text: z.string().trim().min(1).max(MAX_MAIL_TEXT),
  /** A customer update meets the cadence (and first-response) clock once sent; an escalation or an RFO does not. */
  purpose: z.enum(mailPurposes).default('customer_update'),
  /** Sent as MIME parts; each must be an attachment of the ticket, so nobody mails bytes they could not open there. */
  attachments: z.array(outboundAttachmentSchema).max(MAX_ATTACHMENTS_PER_OWNER).default([]),
});
export type OutboundMail = z.infer<typeof outboundMailSchema>;

/** The id of an outbound mail: the mutation that queued it, the same on the device and the server. */
export function outboundMailId(clientId: string, mutationId: number): string {
  return `${clientId}:${mutationId}`;
}

/** Users the server itself acts as (one per tenant) when it files mail: only they may record a send result. */
export const MAIL_SYSTEM_USER_PREFIX = 'mail-system-';
export function mailSystemUserId(tenantId: string): string {
  return `${MAIL_SYSTEM_USER_PREFIX}${tenantId}`;
}
