import { MAX_ATTACHMENT_NAME_LENGTH } from './limits';

// Characters that change how a name is read or where it is written: C0/C1 controls and DEL (terminal
// and header injection), bidirectional overrides and isolates (make "photo\u202Egnp.exe" display as
// "photoexe.png"), zero-width characters (hide parts of a name), and characters Windows refuses.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
const BIDI_AND_INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]/g;
const WINDOWS_RESERVED_CHARS = /[<>:"|?*]/g;
const WINDOWS_RESERVED_NAMES = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i;

/** A name that falls back when nothing usable is left of the original. */
export const FALLBACK_ATTACHMENT_NAME = 'attachment';

/**
 * Makes a file name from a device, a mail or a browser safe to store, show and save: only the last
 * path segment, no control, bidi or invisible characters, nothing Windows refuses, no leading or
 * trailing dots and spaces, at most MAX_ATTACHMENT_NAME_LENGTH characters with the extension kept.
 */
export function sanitizeAttachmentName(raw: string): string {
  const lastSegment = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
  let name = lastSegment.replace(CONTROL, '').replace(BIDI_AND_INVISIBLE, '').replace(WINDOWS_RESERVED_CHARS, '_').replace(/\s+/g, ' ');
  name = name.replace(/^[\s.]+/, '').replace(/[\s.]+$/, '');
  if (WINDOWS_RESERVED_NAMES.test(name)) name = `_${name}`;
  name = truncateKeepingExtension(name, MAX_ATTACHMENT_NAME_LENGTH);
  return name.length > 0 ? name : FALLBACK_ATTACHMENT_NAME;
}

function truncateKeepingExtension(name: string, max: number): string {
  const chars = Array.from(name);
  if (chars.length <= max) return name;
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? Array.from(name.slice(dot)) : [];
  // An "extension" longer than a few characters is part of the name, not a type hint worth keeping.
  const keep = ext.length > 0 && ext.length <= 10 ? ext : [];
  const stem = chars.slice(0, max - keep.length).join('').replace(/[\s.]+$/, '');
  return stem + keep.join('');
}

/** True when a name is already what sanitizeAttachmentName would make of it. */
export function isSanitizedAttachmentName(name: string): boolean {
  return sanitizeAttachmentName(name) === name;
}
