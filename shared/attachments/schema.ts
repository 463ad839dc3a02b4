import { z } from 'zod';
import { DEFAULT_MAX_ATTACHMENT_BYTES, MAX_ATTACHMENT_NAME_LENGTH } from './limits';
import { isSanitizedAttachmentName } from './name';
import { attachmentTypes } from './sniff';

/** Lower-case hex SHA-256 of the bytes: the attachment's identity on the server (same bytes, stored once). */
export const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'sha256 must be 64 lower-case hex digits');

/** A name already made safe (sanitizeAttachmentName); anything else is refused, never silently changed. */
export const attachmentNameSchema = z
  .string()
  .min(1)
  .max(MAX_ATTACHMENT_NAME_LENGTH * 2)
  .refine(isSanitizedAttachmentName, { message: 'attachment name must be sanitised (no paths, control or bidi characters)' });

export const attachmentTypeSchema = z.enum(attachmentTypes);

/** What an attachment hangs on: the ticket itself, one of its notes, a visit report or an outbound mail. */
export const attachmentOwnerKinds = ['ticket', 'note', 'visit', 'mail'] as const;
export const attachmentOwnerSchema = z.object({ kind: z.enum(attachmentOwnerKinds), id: z.string().min(1).max(200) });
export type AttachmentOwner = z.infer<typeof attachmentOwnerSchema>;

/** The facts about the bytes, as the server's store reports them after checking. */
export const attachmentBlobSchema = z.object({
  sha256: sha256Schema,
  size: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  /** Sniffed from the bytes, never taken from the name or a sender. */
  type: attachmentTypeSchema,
});
export type AttachmentBlob = z.infer<typeof attachmentBlobSchema>;

/** A reference to stored bytes, as synced between devices and the server. */
export const attachmentRefSchema = attachmentBlobSchema.extend({
  id: z.string().min(1).max(200),
  ticketId: z.string().min(1).max(200),
  owner: attachmentOwnerSchema,
  name: attachmentNameSchema,
  addedBy: z.string().max(200),
  addedAt: z.number().int().nonnegative(),
});
export type AttachmentRef = z.infer<typeof attachmentRefSchema>;

/** A device's request to start or resume uploading bytes it has hashed. */
export const uploadStartSchema = z.object({
  sha256: sha256Schema,
  size: z.number().int().nonnegative().max(DEFAULT_MAX_ATTACHMENT_BYTES * 64),
});
export type UploadStart = z.infer<typeof uploadStartSchema>;

/** Where an upload stands: done (possibly long ago, by anyone in the tenant) or how many bytes arrived. */
export const uploadStateSchema = z.union([
  z.object({ status: z.literal('complete'), blob: attachmentBlobSchema }),
  // `pieceBytes`: the largest piece this server takes in one request (older servers do not say).
  z.object({ status: z.literal('partial'), offset: z.number().int().nonnegative(), pieceBytes: z.number().int().positive().optional() }),
]);
export type UploadState = z.infer<typeof uploadStateSchema>;
