import { z } from 'zod';
import { MAX_ATTACHMENTS_PER_OWNER, MAX_ATTACHMENTS_PER_TICKET } from './limits';
import { attachmentRefSchema, type AttachmentOwner, type AttachmentRef } from './schema';

/**
 * One synced row per ticket lists its attachments (table `attachments`, id = ticket id). Adding is
 * an append under the server's row lock, so two devices adding at once both land, and the count
 * limits are checked against everything the ticket already has.
 */
export const ticketAttachmentsSchema = z.object({
  id: z.string().min(1),
  ticketId: z.string().min(1),
  items: z.array(attachmentRefSchema).max(MAX_ATTACHMENTS_PER_TICKET),
});
export type TicketAttachments = z.infer<typeof ticketAttachmentsSchema>;

export type AttachmentRefusal = { code: 'too_many_on_owner' | 'too_many_on_ticket'; message: string; limit: number };

/** Why `ref` cannot be added to `list`, or undefined when it can (already present counts as fine). */
export function attachmentLimitRefusal(list: readonly AttachmentRef[], owner: AttachmentOwner): AttachmentRefusal | undefined {
  if (list.length >= MAX_ATTACHMENTS_PER_TICKET) return { code: 'too_many_on_ticket', limit: MAX_ATTACHMENTS_PER_TICKET, message: `a ticket may have at most ${MAX_ATTACHMENTS_PER_TICKET} attachments` };
  const onOwner = list.filter((a) => a.owner.kind === owner.kind && a.owner.id === owner.id).length;
  if (onOwner >= MAX_ATTACHMENTS_PER_OWNER) return { code: 'too_many_on_owner', limit: MAX_ATTACHMENTS_PER_OWNER, message: `one ${owner.kind} may carry at most ${MAX_ATTACHMENTS_PER_OWNER} attachments` };
  return undefined;
}

/** Appends a reference (a replay of the same id changes nothing), or says why not. */
export function addAttachmentRef(current: TicketAttachments | undefined, ref: AttachmentRef): { ok: true; row: TicketAttachments; changed: boolean } | { ok: false; refusal: AttachmentRefusal } {
  const items = current?.items ?? [];
  const row = current ?? { id: ref.ticketId, ticketId: ref.ticketId, items: [] };
  if (items.some((a) => a.id === ref.id)) return { ok: true, row, changed: false };
  const refusal = attachmentLimitRefusal(items, ref.owner);
  if (refusal) return { ok: false, refusal };
  return { ok: true, row: { ...row, items: [...items, ref] }, changed: true };
}
