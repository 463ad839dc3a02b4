import { formatBytes } from '../../shared/attachments';

/** A refused attachment request; `status` is the HTTP answer, `message` is for people. */
export class AttachmentError extends Error {
  constructor(
    readonly code: 'too_large' | 'quota_exceeded' | 'offset_mismatch' | 'hash_mismatch' | 'size_mismatch' | 'not_found' | 'chunk_too_large',
    readonly status: 400 | 404 | 409 | 413 | 422 | 507,
    message: string,
    /** For offset_mismatch: where the upload really stands, so the client resumes from there. */
    readonly offset?: number,
  ) {
    super(message);
    this.name = 'AttachmentError';
  }
}

export const tooLarge = (size: number, max: number) =>
  new AttachmentError('too_large', 413, `the file is ${formatBytes(size)}; attachments may be at most ${formatBytes(max)}. Share larger files another way and link them in a note.`);

export const quotaExceeded = (size: number, used: number, quota: number) =>
  new AttachmentError(
    'quota_exceeded',
    507,
    `the attachment storage of your organisation is full: ${formatBytes(used)} of ${formatBytes(quota)} used, this file needs ${formatBytes(size)}. Ask your admin to raise the quota.`,
  );
