import { createHash } from 'node:crypto';
import { MAX_ATTACHMENTS_PER_OWNER, formatBytes, sanitizeAttachmentName, type AttachmentBlob } from '../../shared/attachments';
import type { AttachmentStore } from '../attachments';
import { AttachmentError } from '../attachments/errors';
import type { MailCall } from './mail-actor';
import type { InboundAttachment } from './parse-message';

// A customer's files arrive inside the mail: their bytes go into the tenant's attachment store
// (the same content-addressed store, quota and size limit as files added on a device) and each
// becomes an attachment of the note the mail is filed as, so agents open them where they read
// the mail. A file the store refuses is named in the note with the reason instead of vanishing.

export type StoredAttachment = { name: string; blob: AttachmentBlob };
export type RefusedAttachment = { name: string; size: number; reason: string };
export type InboundFiles = { stored: StoredAttachment[]; refused: RefusedAttachment[] };

/** Stores each file's bytes (dedup by hash); at most MAX_ATTACHMENTS_PER_OWNER, the rest named as refused. */
export async function storeInboundAttachments(store: AttachmentStore, tenantId: string, files: readonly InboundAttachment[], now: number): Promise<InboundFiles> {
  const out: InboundFiles = { stored: [], refused: [] };
  for (const [i, f] of files.entries()) {
    const name = sanitizeAttachmentName(f.filename);
    if (i >= MAX_ATTACHMENTS_PER_OWNER) {
      out.refused.push({ name, size: f.size, reason: `a mail may carry at most ${MAX_ATTACHMENTS_PER_OWNER} attachments` });
      continue;
    }
    try {
      out.stored.push({ name, blob: await store.put(tenantId, f.content, now) });
    } catch (e) {
      if (!(e instanceof AttachmentError)) throw e;
      out.refused.push({ name, size: f.size, reason: e.message });
    }
  }
  return out;
}

/** Lines for the note: what arrived and was kept is listed on the note itself; refused files are named with why. */
export function refusedAttachmentLines(files: InboundFiles): string {
  return files.refused.map((r) => `📎 ${r.name} (${formatBytes(r.size)}) — not kept: ${r.reason}`).join('\n');
}

/**
 * The attach calls for the note a mail was filed as. Ids come from the message and the file's
 * position, so filing the same message again (it never commits twice, but a retry rebuilds the
 * calls) names the same attachments.
 */
export function noteAttachmentCalls(ticketId: string, noteId: string, messageId: string, files: InboundFiles): MailCall[] {
  const key = createHash('sha256').update(messageId).digest('hex').slice(0, 16);
  return files.stored.map((s, i) => ({
    name: 'attachment.add@1',
    args: { id: `att-mail-${key}-${i}`, ticketId, owner: { kind: 'note', id: noteId }, name: s.name, sha256: s.blob.sha256, size: s.blob.size, type: s.blob.type },
  }));
}
