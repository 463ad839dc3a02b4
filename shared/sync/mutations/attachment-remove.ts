import { z } from 'zod';
import { sha256Schema } from '../../attachments/schema';
import { ticketAttachmentsSchema } from '../../attachments/ticket-attachments';
import { because } from '../conflict';
import { defineMutation } from '../mutation-types';
import { refuse } from './helpers';

export const removeAttachmentArgs = z.object({
  ticketId: z.string().min(1),
  attachmentId: z.string().min(1).max(200),
  /** The bytes the removed attachment named: the server frees them once nothing else names them. */
  sha256: sha256Schema,
});

/**
 * Takes an attachment off its ticket. Only the person who added it or an admin may: a file
 * others rely on is not for anyone to delete. Removing one that is already gone changes nothing.
 */
export const attachmentRemove = defineMutation({
  name: 'attachment.remove',
  version: 1,
  args: removeAttachmentArgs,
  touches: (a) => [{ table: 'tickets', id: a.ticketId }, { table: 'attachments', id: a.ticketId }],
  mutate: (read, a, ctx) => {
    const name = 'attachment.remove@1';
    const parsed = ticketAttachmentsSchema.safeParse(read('attachments', a.ticketId)?.data);
    const items = parsed.success ? parsed.data.items : [];
    const item = items.find((i) => i.id === a.attachmentId);
    if (!item || !parsed.success) return { outcome: 'applied', writes: [], events: [], conflicts: [] };
    if (item.sha256 !== a.sha256) return refuse(ctx, name, a.ticketId, because('attachment_bytes_differ', `attachment ${a.attachmentId} names other bytes than the ones to remove`, { name: item.name }), item.name);
    if (item.addedBy !== ctx.userId && ctx.role !== 'admin') return refuse(ctx, name, a.ticketId, because('attachment_remove_not_yours', `only the person who added ${item.name} or an admin may remove it`, { name: item.name }), item.name);
    const row = { ...parsed.data, items: items.filter((i) => i.id !== a.attachmentId) };
    return { outcome: 'applied', writes: [{ table: 'attachments', id: a.ticketId, data: row, fields: ['items'] }], events: [], conflicts: [] };
  },
});
