import { z } from 'zod';
import { MAIL_SYSTEM_USER_PREFIX, outboundMailId, outboundMailSchema } from '../../mail/outbound';
import { deliverRfo, RFO_DOCUMENT_MAX } from '../../rfo/commands';
import { recordCustomerUpdate } from '../../ticket/commands';
import { instantSchema } from '../../ticket/schema';
import { ticketAttachmentsSchema } from '../../attachments/ticket-attachments';
import type { OutboundAttachment } from '../../mail/outbound';
import { because } from '../conflict';
import { defineMutation, type EntityReader } from '../mutation-types';
import { eventId, readTicket, refuse, refuseWith, ticketNotFound, ticketWrite } from './helpers';

/** The first file the mail names that the ticket does not list (by hash), if any. */
function missingAttachment(read: EntityReader, ticketId: string, files: readonly OutboundAttachment[]): OutboundAttachment | undefined {
  if (files.length === 0) return undefined;
  const row = ticketAttachmentsSchema.safeParse(read('attachments', ticketId)?.data);
  const have = new Set(row.success ? row.data.items.map((i) => i.sha256) : []);
  return files.find((f) => !have.has(f.sha256));
}

/**
 * Queues a mail about a ticket. Made offline, it waits in the device's outbox like any change;
 * the server stores it for sending when the mutation arrives (the timeline says "queued" until
 * the server records "sent" or "failed").
 */
export const mailSend = defineMutation({
  name: 'mail.send',
  version: 1,
  args: outboundMailSchema,
  touches: (a) => [{ table: 'tickets', id: a.ticketId }, ...(a.attachments.length > 0 ? [{ table: 'attachments' as const, id: a.ticketId }] : [])],
  mutate: (read, a, ctx) => {
    if (!readTicket(read, a.ticketId)) return refuse(ctx, 'mail.send@1', a.ticketId, ticketNotFound(a.ticketId), a.text);
    const missing = missingAttachment(read, a.ticketId, a.attachments);
    if (missing) return refuse(ctx, 'mail.send@1', a.ticketId, because('attachment_not_on_ticket', `${missing.name} is not an attachment of ticket ${a.ticketId}: attach it to the ticket first`, { name: missing.name, ticketId: a.ticketId }), a.text);
    const mailId = outboundMailId(ctx.clientId, ctx.mutationId);
    return {
      outcome: 'applied',
      writes: [],
      events: [{ id: eventId(ctx), ticketId: a.ticketId, at: ctx.now, by: ctx.userId, kind: 'mail', status: 'queued', mailId, to: [...a.to, ...a.cc], subject: a.subject, text: a.text, reason: '' }],
      conflicts: [],
    };
  },
});

export const mailRecordResultArgs = z.object({
  ticketId: z.string().min(1),
  mailId: z.string().min(1),
  to: z.array(z.string()),
  subject: z.string(),
  purpose: outboundMailSchema.shape.purpose,
  at: instantSchema,
  outcome: z.enum(['sent', 'failed']),
  reason: z.string().max(2000).default(''),
  /** For a sent RFO: the text that went out, recorded as the delivered document. */
  document: z.string().max(RFO_DOCUMENT_MAX).default(''),
});

/**
 * The server's record of what became of a queued mail. A sent customer update meets the update
 * cadence at the instant it left (and the first response, if none was given yet): the send
 * itself is the proof, not a click. Only the server's mail user may record it.
 */
export const mailRecordResult = defineMutation({
  name: 'mail.recordResult',
  version: 1,
  args: mailRecordResultArgs,
  touches: (a) => [{ table: 'tickets', id: a.ticketId }, { table: 'timeline', id: `mail:${a.mailId}:${a.outcome}` }],
  mutate: (read, a, ctx) => {
    const name = 'mail.recordResult@1';
    if (!ctx.userId.startsWith(MAIL_SYSTEM_USER_PREFIX)) return refuseWith(ctx, name, a.ticketId, { code: 'admin_only', message: 'only the server records what became of a mail', params: {} });
    const cur = readTicket(read, a.ticketId);
    if (!cur) return refuse(ctx, name, a.ticketId, ticketNotFound(a.ticketId));
    const id = `mail:${a.mailId}:${a.outcome}`;
    if (read('timeline', id)) return { outcome: 'applied', writes: [], events: [], conflicts: [] };
    const event = { id, ticketId: a.ticketId, at: a.at, by: ctx.userId, kind: 'mail' as const, status: a.outcome, mailId: a.mailId, to: a.to, subject: a.subject, text: '', reason: a.reason };
    if (a.outcome === 'sent' && a.purpose === 'rfo') {
      // The RFO mail leaving the server is its delivery: the RFO clock stops at that instant.
      const r = deliverRfo(cur.ticket, { document: a.document || a.subject, fileName: '', at: a.at }, { now: ctx.now, by: ctx.userId, eventId: `${id}:rfo` });
      if (!r.ok || r.fields.length === 0) return { outcome: 'applied', writes: [], events: [event], conflicts: [] };
      return { outcome: 'applied', writes: [ticketWrite(r.ticket, r.fields)], events: [event, ...(r.event ? [r.event] : [])], conflicts: [] };
    }
    if (a.outcome === 'failed' || a.purpose !== 'customer_update') return { outcome: 'applied', writes: [], events: [event], conflicts: [] };
    const r = recordCustomerUpdate(cur.ticket, { text: a.subject, at: a.at }, { now: ctx.now, by: ctx.userId, eventId: id });
    if (!r.ok) return refuseWith(ctx, name, a.ticketId, r.refusal);
    const responded = r.ticket.sla.respondedAt === undefined;
    const ticket = responded ? { ...r.ticket, sla: { ...r.ticket.sla, respondedAt: a.at } } : r.ticket;
    const fields = responded ? [...new Set([...r.fields, 'sla', 'updatedAt'])] : r.fields;
    return { outcome: 'applied', writes: fields.length ? [ticketWrite(ticket, fields)] : [], events: [event], conflicts: [] };
  },
});
