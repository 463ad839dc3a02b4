import { addAttachmentRef, attachmentRefSchema, ticketAttachmentsSchema } from '../../attachments';
import { defineMutation, type EntityReader } from '../mutation-types';
import { refuse, ticketNotFound } from './helpers';

// The device sends the facts it measured (hash, size, sniffed type) and the server's store holds
// the bytes under that hash; the reference only names them. Who and when come from the context.
export const addAttachmentArgs = attachmentRefSchema.omit({ addedBy: true, addedAt: true });

/** Why the owner named in an attachment is not part of the ticket, or undefined when it is. */
function ownerProblem(read: EntityReader, a: { ticketId: string; owner: { kind: string; id: string } }): string | undefined {
  if (a.owner.kind === 'ticket') return a.owner.id === a.ticketId ? undefined : `the attachment names ticket ${a.owner.id} but is added to ${a.ticketId}`;
  if (a.owner.kind === 'note') {
    const note = read('timeline', a.owner.id)?.data;
    return note?.ticketId === a.ticketId && note.kind === 'note' ? undefined : `note ${a.owner.id} is not a note of ticket ${a.ticketId}`;
  }
  if (a.owner.kind === 'visit') {
    const visit = read('visits', a.owner.id)?.data;
    return visit?.ticketId === a.ticketId ? undefined : `visit ${a.owner.id} is not a visit of ticket ${a.ticketId}`;
  }
  // Outbound mail is composed on the device and may not have synced yet: the ticket is the check.
  return undefined;
}

/** Attaches stored bytes to a ticket, one of its notes, one of its visit reports or an outbound mail. */
export const attachmentAdd = defineMutation({
  name: 'attachment.add',
  version: 1,
  args: addAttachmentArgs,
  touches: (a) => [
    { table: 'tickets', id: a.ticketId },
    { table: 'attachments', id: a.ticketId },
    ...(a.owner.kind === 'note' ? [{ table: 'timeline' as const, id: a.owner.id }] : []),
    ...(a.owner.kind === 'visit' ? [{ table: 'visits' as const, id: a.owner.id }] : []),
  ],
  mutate: (read, a, ctx) => {
    const name = 'attachment.add@1';
    if (!read('tickets', a.ticketId)) return refuse(ctx, name, a.ticketId, ticketNotFound(a.ticketId), a.name);
    const problem = ownerProblem(read, a);
    if (problem) return refuse(ctx, name, a.ticketId, problem, a.name);
    const cur = read('attachments', a.ticketId)?.data;
    const parsed = cur ? ticketAttachmentsSchema.safeParse(cur) : undefined;
    const r = addAttachmentRef(parsed?.success ? parsed.data : undefined, { ...a, addedBy: ctx.userId, addedAt: ctx.now });
    if (!r.ok) return refuse(ctx, name, a.ticketId, r.refusal.message, a.name);
    return { outcome: 'applied', writes: r.changed ? [{ table: 'attachments', id: a.ticketId, data: r.row, fields: ['items'] }] : [], events: [], conflicts: [] };
  },
});
