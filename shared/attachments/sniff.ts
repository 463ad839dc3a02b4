/**
 * The types the desk tells apart by their first bytes. What a file claims (its name, the browser's
 * guess, a mail's Content-Type) is never trusted: an .exe named photo.png sniffs as an executable
 * and is not previewed.
 */
export const attachmentTypes = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'application/pdf',
  'application/zip',
  'application/gzip',
  'application/x-msdownload',
  'application/x-executable',
  'text/plain',
  'application/octet-stream',
] as const;
export type AttachmentType = (typeof attachmentTypes)[number];

/** Raster images a browser decodes without running anything; SVG is left out because it can carry script. */
const PREVIEWABLE: ReadonlySet<AttachmentType> = new Set(['image/png', 'image/jpeg', 'image/gif', 'image/webp']);

/** Whether the device may show this type in an <img> element. */
export function isPreviewableImage(type: string): boolean {
  return PREVIEWABLE.has(type as AttachmentType);
}

const startsWith = (b: Uint8Array, sig: readonly number[], at = 0) => b.length >= at + sig.length && sig.every((v, i) => b[at + i] === v);
const ascii = (s: string) => Array.from(s, (c) => c.charCodeAt(0));

/** The type of a file from its first bytes (512 are enough). */
export function sniffAttachmentType(head: Uint8Array): AttachmentType {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(head, ascii('%PDF-'))) return 'application/pdf';
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06])) return 'application/zip';
  if (startsWith(head, [0x1f, 0x8b])) return 'application/gzip';
  if (startsWith(head, ascii('MZ'))) return 'application/x-msdownload';
  if (startsWith(head, [0x7f, 0x45, 0x4c, 0x46])) return 'application/x-executable';
  if (looksLikeText(head)) return 'text/plain';
  return 'application/octet-stream';
}

/**
 * Text (logs, configs) is UTF-8 without NUL bytes. HTML and SVG count as plain text here on purpose:
 * the desk never renders attachments as markup, so there is no "text/html" to serve.
 */
function looksLikeText(head: Uint8Array): boolean {
  if (head.length === 0) return false;
  let i = 0;
  while (i < head.length) {
    const b = head[i] ?? 0;
    if (b === 0) return false;
    if (b < 0x80) {
      if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b)) return false;
      i += 1;
      continue;
    }
    const len = b >= 0xf0 && b <= 0xf4 ? 4 : b >= 0xe0 ? 3 : b >= 0xc2 && b < 0xe0 ? 2 : 0;
    if (len === 0) return false;
    for (let k = 1; k < len; k += 1) {
      // A sequence cut off by the end of the sample is still text.
      if (i + k >= head.length) return true;
      const c = head[i + k] ?? 0;
      if ((c & 0xc0) !== 0x80) return false;
    }
    i += len;
  }
  return true;
}
