/** Largest single attachment the desk accepts by default (a phone photo or a log bundle fits). */
export const DEFAULT_MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024;
/** Default storage a tenant may fill with attachments on the server. */
export const DEFAULT_TENANT_ATTACHMENT_QUOTA_BYTES = 10 * 1024 * 1024 * 1024;
/** Attachments one note, visit report or mail may carry; more is a mistake or an attack, not work. */
export const MAX_ATTACHMENTS_PER_OWNER = 20;
/** Attachments one ticket may collect over its whole life, notes and visits included. */
export const MAX_ATTACHMENTS_PER_TICKET = 200;
/** Largest piece of an upload sent in one request; a lost connection costs at most this much. Each piece
 * is one request and one transaction on the server, so fewer, larger pieces move a file faster. */
export const UPLOAD_CHUNK_BYTES = 4 * 1024 * 1024;
/** Longest stored file name in characters (file systems allow 255 bytes; UTF-8 may need 3 per character). */
export const MAX_ATTACHMENT_NAME_LENGTH = 80;

/** Human-readable size for limit messages: "25 MB", "1.5 GB". */
export function formatBytes(n: number): string {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i += 1;
  }
  return i === 0 ? `${n} bytes` : `${Number.isInteger(v) ? v : v.toFixed(1)} ${units[i]}`;
}
